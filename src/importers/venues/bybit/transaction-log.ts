/**
 * Bybit Derivatives / USDC "transaction log" (docs/formats.md §2.8, §2.15; BittyTax `bybit.py`).
 *
 * Header: `Time,Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,
 * Cash Flow,Change,Wallet Balance,Fee Rate,Trade ID,Order ID`, newest row first. Times are UTC.
 *
 * The log has no realised PnL per position: positions are rebuilt from it
 * (src/derivatives/build-positions.ts, pattern 1). Each row must satisfy
 * `Change = Cash Flow − Fee Paid − Funding` (Cash Flow: the realised part of a fill; Fee Paid:
 * positive = paid, negative = maker rebate; Funding: positive = paid by the user, BittyTax);
 * a row that does not is rejected rather than guessed.
 * - `trade` `Open Long/Short` → commission (−Fee Paid) with the fill `open Quantity → Position`;
 *   `Close Long/Short` → realized PnL (Cash Flow) with the fill `close`, and the commission of the
 *   same row (realised with it);
 * - `liquidation` → liquidation (Cash Flow) with the fill `close`; its Fee Paid is the
 *   liquidation fee; positions close 100% when `Position` is 0;
 * - `funding` → funding (−Funding);
 * - `deposit` / `withdraw` → deposit / withdrawal of `Change` in `Currency`;
 * - `exchangeIn` / `exchangeOut` at the same time → one trade (BittyTax pairs them by time);
 * - `transferIn` / `transferOut` → skipped (moves between the user's own Bybit accounts);
 * - anything else → ROW_UNKNOWN_TYPE.
 * `Wallet Balance` is kept as the venue's balance after each row (evidence of a deficit).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO, type Dec } from '../../../model/decimal.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { defineImporter, events, reject, skip, type EventDraft, type RowOf, type RowOutcome } from '../../importer-spec.js';

const columns = {
  time: instant('Time'),
  currency: text('Currency'),
  contract: text('Contract'),
  type: text('Type'),
  direction: text('Direction'),
  quantity: optional(decimal('Quantity')),
  position: optional(decimal('Position')),
  funding: optional(decimal('Funding')),
  feePaid: optional(decimal('Fee Paid')),
  cashFlow: optional(decimal('Cash Flow')),
  change: decimal('Change'),
  walletBalance: optional(decimal('Wallet Balance')),
};
type Row = RowOf<typeof columns>;

const ACCOUNT = 'derivatives';

const isExchange = (row: Row): boolean => row.type === 'exchangeIn' || row.type === 'exchangeOut';

export const bybitDerivativesLog = defineImporter({
  id: 'bybit-derivatives-log',
  label: 'Bybit Derivatives/USDC transaction log (positions rebuilt from the cash flow)',
  howToExport: 'Bybit › Orders › Derivatives › Transaction Log › Export',
  wallet: 'bybit',
  columns,
  signature: { also: ['Filled Price', 'Fee Rate', 'Trade ID', 'Order ID'] },
  groupKey: (row) => (isExchange(row) ? `exchange|${row.time}` : undefined),
  mapGroup(rows): RowOutcome {
    const first = rows[0];
    if (!first) return skip('empty group');
    if (isExchange(first)) return exchange(rows);
    return mapRow(first);
  },
});

function mapRow(row: Row): RowOutcome {
  if (row.type === 'transferIn' || row.type === 'transferOut') return skip('Bybit transfer between own accounts');
  if (row.currency === '') return reject('ROW_MISSING_VALUE', 'Currency is empty');
  const asset = normalizeAsset(row.currency);
  const cashFlow = row.cashFlow ?? ZERO;
  const fee = row.feePaid ?? ZERO;
  const funding = row.funding ?? ZERO;
  const expected = cashFlow.minus(fee).minus(funding);
  if (!expected.equals(row.change) && !['deposit', 'withdraw'].includes(row.type)) {
    return reject(
      'ROW_INCONSISTENT',
      `Bybit ${row.type} row: Change ${row.change.toFixed()} is not Cash Flow ${cashFlow.toFixed()} − Fee Paid ${fee.toFixed()} − Funding ${funding.toFixed()}`,
    );
  }
  const base = { instant: row.time, account: ACCOUNT, contract: row.contract, asset, balanceAfter: row.walletBalance };
  switch (row.type) {
    case 'trade':
    case 'liquidation': {
      const direction = /^(open|close) (long|short)$/i.exec(row.direction.trim());
      if (!direction) return reject('ROW_UNKNOWN_TYPE', `unknown Bybit direction "${row.direction}" on a ${row.type} row`);
      if (!row.quantity || !row.quantity.greaterThan(0)) return reject('ROW_MISSING_VALUE', `Bybit ${row.type} row without a positive Quantity`);
      const action = (direction[1] as string).toLowerCase() as 'open' | 'close';
      const side = (direction[2] as string).toLowerCase() as 'long' | 'short';
      const fill = { action, side, quantity: row.quantity, ...(row.position ? { positionAfter: row.position.abs() } : {}) };
      if (row.type === 'liquidation') {
        if (action !== 'close') return reject('ROW_INCONSISTENT', `Bybit liquidation row with direction "${row.direction}"`);
        if (fee.isNegative()) return reject('ROW_INCONSISTENT', `Bybit liquidation row with a negative fee ${fee.toFixed()}`);
        return events(derivativeDraft('liquidation', { ...base, amount: cashFlow, fill, fee: { asset, amount: fee } }));
      }
      if (action === 'open') {
        const drafts: EventDraft[] = [derivativeDraft('commission', { ...base, amount: fee.negated(), fill })];
        if (!cashFlow.isZero()) drafts.push(derivativeDraft('realized-pnl', { ...base, amount: cashFlow }));
        return events(...drafts);
      }
      const drafts: EventDraft[] = [derivativeDraft('realized-pnl', { ...base, amount: cashFlow, fill })];
      if (!fee.isZero()) drafts.push(derivativeDraft('commission', { ...base, amount: fee.negated(), balanceAfter: undefined }));
      return events(...drafts);
    }
    case 'funding':
      return events(derivativeDraft('funding', { ...base, amount: funding.negated() }));
    case 'deposit':
      if (!row.change.greaterThan(0)) return reject('ROW_INCONSISTENT', `Bybit deposit of ${row.change.toFixed()} ${asset}`);
      return events({ kind: 'deposit', instant: row.time, received: { asset, amount: row.change } });
    case 'withdraw':
      if (!row.change.isNegative()) return reject('ROW_INCONSISTENT', `Bybit withdrawal of ${row.change.toFixed()} ${asset}`);
      return events({ kind: 'withdrawal', instant: row.time, sent: { asset, amount: row.change.negated() } });
    default:
      return reject('ROW_UNKNOWN_TYPE', `unknown Bybit transaction log type "${row.type}"`);
  }
}

/** exchangeOut + exchangeIn at the same time → one trade. */
function exchange(rows: readonly Row[]): RowOutcome {
  const out = rows.filter((r) => r.type === 'exchangeOut');
  const inn = rows.filter((r) => r.type === 'exchangeIn');
  const [o, i] = [out[0], inn[0]];
  if (out.length !== 1 || inn.length !== 1 || !o || !i) {
    return reject('ROW_INCONSISTENT', `Bybit exchange at this time needs one exchangeOut and one exchangeIn row, found ${out.length} and ${inn.length}`);
  }
  const amount = (r: Row): Dec => r.change.abs();
  return events({
    kind: 'trade',
    instant: i.time,
    sent: { asset: normalizeAsset(o.currency), amount: amount(o) },
    received: { asset: normalizeAsset(i.currency), amount: amount(i) },
  });
}
