/**
 * Bybit Asset deposit history, v1 (docs/formats.md §2.8; BittyTax `parse_bybit_deposits_withdrawals_v1`).
 *
 * Menu: Bybit › Assets › Spot/Asset account › History › Export (2021–22 site).
 * Header: `Type,Coin,Amount,Wallet Balance,Time(UTC)`.
 *
 * Mapping (as BittyTax): `userDeposit` → deposit; `internalAccountTransferDeposit/Withdrawal` →
 * skipped (moves between own Bybit accounts). Any other Type is rejected by name — withdrawals
 * and converts were not observed in this layout, so none is guessed.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO } from '../../../model/decimal.js';
import { decimal, instant, text } from '../../columns.js';
import { defineImporter, events, reject, skip } from '../../importer-spec.js';

export const bybitAssetHistoryV1 = defineImporter({
  id: 'bybit-asset-history-v1',
  label: 'Bybit Asset account deposit history (v1, `Type,Coin,Amount,Wallet Balance,Time(UTC)`)',
  howToExport: 'Bybit › Assets › Asset account › History › Export (2021–22 site)',
  wallet: 'bybit',
  columns: {
    type: text('Type'),
    coin: text('Coin'),
    amount: decimal('Amount'),
    time: instant('Time(UTC)'),
  },
  signature: { also: ['Wallet Balance'] },
  mapRow(row) {
    if (row.type === 'internalAccountTransferDeposit' || row.type === 'internalAccountTransferWithdrawal') {
      return skip('Bybit transfer between own accounts');
    }
    if (row.type === 'userDeposit') {
      if (!row.amount.gt(ZERO)) return reject('ROW_INCONSISTENT', `deposit with Amount ${row.amount.toFixed()}`);
      return events({ kind: 'deposit', instant: row.time, received: { asset: normalizeAsset(row.coin), amount: row.amount } });
    }
    return reject('ROW_UNKNOWN_TYPE', `unknown Bybit asset history type "${row.type}"`);
  },
});
