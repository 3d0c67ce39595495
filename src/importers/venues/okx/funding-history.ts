/**
 * OKX funding account history (docs/formats.md §2.9; BittyTax `parse_okx_funding`, everytrade OkxBeanV2_2Test).
 *
 * Menu: OKX › Assets › Bills › Funding account › Download.
 * Headers: `id,Time,Type,Amount,Before Balance,After Balance,Fee,Symbol` (± an empty 2nd column)
 * and the newer `id,Time,Type,Amount,Before Balance,After Balance,Symbol`. `0E-18` is zero.
 * The first column is not required to be `id`: BittyTax accepts any first header there (its
 * predicate matches anything), so the signature is the other columns only.
 *
 * Mapping (as BittyTax): `Deposit` → deposit; `Withdrawal` → withdrawal of |Amount|; `Staking
 * Yield` → income:staking; `Fee rebate` → income:reward. Decision (docs silent on whether a
 * withdrawal's Amount includes its Fee): the balances decide — when `Before − After = |Amount|`
 * the fee is inside the amount (sent = |Amount| − Fee), otherwise it left in addition.
 * Skipped (own funds moving): `Stake`, `Redeem staking`, `Savings subscription/redemption`,
 * `From/To … account` transfers. Other types are rejected by name. Times: UTC+8 (common.ts).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO } from '../../../model/decimal.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { zoneInText } from '../../parse-instant.js';
import { defineImporter, events, reject, skip } from '../../importer-spec.js';
import { OKX_ZONE } from './common.js';

const OWN_FUNDS = new Set(['stake', 'redeem staking', 'savings subscription', 'savings redemption']);

export const okxFundingHistory = defineImporter({
  id: 'okx-funding-history',
  label: 'OKX funding account history (deposits, withdrawals, staking yield)',
  howToExport: 'OKX › Assets › Bills › Funding account › Download (times in UTC+8 unless --input-timezone)',
  wallet: 'okx',
  zone: OKX_ZONE,
  // the preamble states the zone chosen at export: `…,Time Zone:UTC+8`
  zoneFrom: (file) => file.preamble.map(zoneInText).find((z) => z !== undefined),
  columns: {
    time: instant('Time'),
    type: text('Type'),
    amount: decimal('Amount'),
    before: optional(decimal('Before Balance')),
    after: optional(decimal('After Balance')),
    fee: ifPresent(decimal('Fee')),
    symbol: text('Symbol'),
  },
  mapRow(row) {
    const key = row.type.trim().toLowerCase();
    const asset = normalizeAsset(row.symbol);
    const amount = row.amount.abs();
    const fee = row.fee && !row.fee.isZero() ? { asset, amount: row.fee.abs() } : undefined;
    const incoming = (): boolean => row.amount.gt(ZERO);
    const sign = (want: string) => reject('ROW_INCONSISTENT', `OKX ${row.type} with Amount ${row.amount.toFixed()}; expected ${want}`);
    if (OWN_FUNDS.has(key) || /^(from|to) .*account$/.test(key)) return skip(`OKX ${row.type}: own funds moving between OKX accounts/products`);
    switch (key) {
      case 'deposit':
        return incoming() ? events({ kind: 'deposit', instant: row.time, received: { asset, amount }, ...(fee ? { fee } : {}) }) : sign('a positive amount');
      case 'withdrawal': {
        if (incoming()) return sign('a negative amount');
        const delta = row.before !== undefined && row.after !== undefined ? row.before.minus(row.after) : undefined;
        const sent = fee && delta !== undefined && delta.eq(amount) ? amount.minus(fee.amount) : amount;
        return events({ kind: 'withdrawal', instant: row.time, sent: { asset, amount: sent }, ...(fee ? { fee } : {}) });
      }
      case 'staking yield':
        return incoming() ? events({ kind: 'income', incomeKind: 'staking', instant: row.time, received: { asset, amount } }) : sign('a positive amount');
      case 'fee rebate':
        return incoming() ? events({ kind: 'income', incomeKind: 'reward', instant: row.time, received: { asset, amount }, note: 'Fee rebate' }) : sign('a positive amount');
      default:
        return reject('ROW_UNKNOWN_TYPE', `unknown OKX funding type "${row.type}"`);
    }
  },
});
