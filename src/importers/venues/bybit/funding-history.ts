/**
 * Bybit Asset/Funding account deposit & withdrawal history, v2 and the later form with `Uid`
 * (docs/formats.md §2.8; BittyTax `parse_bybit_deposits_withdrawals_v2`; everytrade BybitEuFundBeanV1Test).
 *
 * Menu: Bybit › Assets › Funding Account › History › Export ("Asset change details", Funding).
 * Header: `[Uid,]Date & Time(UTC),Coin,QTY,Type,Account Balance,Description`; `QTY` is signed.
 *
 * Mapping (Description first, as BittyTax; Type for the newer values):
 * - `Deposit` → deposit (crypto or fiat); `Withdrawal` / Type `Withdraw` → withdrawal of |QTY|.
 * - `Transfer to/from … Account`, Type `Transfer in`/`Transfer out` → skipped (own accounts).
 * - Type `Airdrop` → income:airdrop.
 * - Type `Earn` subscriptions/redemptions → skipped (principal moving into/out of an Earn product).
 * - Anything else (e.g. `Buy Crypto with Card`, whose crypto side is not in this file) is
 *   rejected by name.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO } from '../../../model/decimal.js';
import { decimal, ifPresent, instant, text } from '../../columns.js';
import { defineImporter, events, reject, skip } from '../../importer-spec.js';

export const bybitFundingHistory = defineImporter({
  id: 'bybit-funding-history',
  label: 'Bybit Funding/Asset account deposits and withdrawals (v2, with or without Uid)',
  howToExport: 'Bybit › Assets › Funding Account › History › Export',
  wallet: 'bybit',
  columns: {
    uid: ifPresent(text('Uid')),
    time: instant('Date & Time(UTC)'),
    coin: text('Coin'),
    qty: decimal('QTY'),
    type: text('Type'),
    description: text('Description'),
  },
  signature: { also: ['Account Balance'] },
  mapRow(row) {
    const desc = row.description.toLowerCase();
    const type = row.type.toLowerCase();
    const asset = normalizeAsset(row.coin);
    const amount = row.qty.abs();
    const wrongSign = (want: 'positive' | 'negative') =>
      reject('ROW_INCONSISTENT', `"${row.description || row.type}" with QTY ${row.qty.toFixed()}; expected a ${want} quantity`);
    if (desc === 'deposit') {
      return row.qty.gt(ZERO) ? events({ kind: 'deposit', instant: row.time, received: { asset, amount } }) : wrongSign('positive');
    }
    if (desc === 'withdrawal' || type === 'withdraw') {
      return row.qty.isNegative() ? events({ kind: 'withdrawal', instant: row.time, sent: { asset, amount } }) : wrongSign('negative');
    }
    if (/^transfer (to|from) /.test(desc) || type === 'transfer in' || type === 'transfer out') {
      return skip('Bybit transfer between own accounts');
    }
    if (type === 'airdrop') {
      return row.qty.gt(ZERO)
        ? events({ kind: 'income', incomeKind: 'airdrop', instant: row.time, received: { asset, amount }, note: row.description })
        : wrongSign('positive');
    }
    if (type === 'earn' && /subscription|redemption/.test(desc)) return skip('Bybit Earn subscription/redemption (own funds)');
    return reject('ROW_UNKNOWN_TYPE', `unknown Bybit funding row: Type "${row.type}", Description "${row.description}"`);
  },
});
