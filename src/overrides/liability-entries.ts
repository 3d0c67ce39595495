/**
 * `liabilities` entries of the overrides file: the status of a debt to a venue that the venue's
 * rows cannot show (src/derivatives/README.md "Liabilities"). An entry names the liability by
 * venue, asset and the date the deficit arose (and `account` when given). Pure.
 */
import { LIABILITY_STATUSES, type LiabilityOverride, type LiabilityStatus } from './liability-override.js';
import { normalizeAsset } from '../model/asset.js';
import { Fields } from './fields.js';

const KEYS = ['venue', 'asset', 'date', 'account', 'status', 'forgivenAmount', 'resolvedDate', 'note'];

/** One entry, or the problems that make it invalid. */
export function liabilityEntry(raw: Record<string, unknown>, where: string): LiabilityOverride | string[] {
  const f = new Fields(raw);
  f.only(KEYS);
  const venue = f.str('venue', true);
  const asset = f.str('asset', true);
  const date = f.date('date', true);
  const status = f.oneOf<LiabilityStatus>('status', LIABILITY_STATUSES, true);
  const account = f.str('account');
  const forgiven = f.amount('forgivenAmount', false, true);
  const resolvedDate = f.date('resolvedDate');
  const note = f.str('note');
  if (f.has('forgivenAmount') && status !== undefined && status !== 'forgiven') f.problems.push('"forgivenAmount" is only read with status "forgiven"');
  if (resolvedDate && date && resolvedDate < date) f.problems.push(`"resolvedDate" ${resolvedDate} is before the deficit arose (${date})`);
  if (f.problems.length > 0 || !venue || !asset || !date || !status) return f.problems;
  return {
    venue: venue.toLowerCase(),
    asset: normalizeAsset(asset),
    date,
    status,
    where,
    ...(account ? { account } : {}),
    ...(forgiven ? { forgivenAmount: forgiven } : {}),
    ...(resolvedDate ? { resolvedDate } : {}),
    ...(note ? { note } : {}),
  };
}

/** The liability an entry names, for finding a second entry about the same one. */
export function liabilityKey(o: LiabilityOverride): string {
  return [o.venue, o.asset, o.date, o.account ?? ''].join('\u0000');
}
