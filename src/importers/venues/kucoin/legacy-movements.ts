/**
 * KuCoin deposit and withdrawal exports of the old site (docs/formats.md §2.7; BittyTax
 * `parse_kucoin_deposits_crypto`, `parse_kucoin_withdrawals_crypto`,
 * `parse_kucoin_deposits_withdrawals_crypto_v1`).
 *
 * Menu: KuCoin › Assets › Deposit / Withdrawal History › Export (2019–2022 site).
 * Headers:
 * - deposits `Time,Coin,[Network,]Amount,Type,Remark[,Fee]`;
 * - withdrawals `Time,Coin,[Network,]Amount,Type,Wallet Address[/Account],Remark`;
 * - the oldest combined file `coin_type,type,add,hash,vol,created_at` (`type` DEPOSIT / WITHDRAW).
 *
 * Mapping (as BittyTax): every row of a deposit file is a deposit of `Amount` `Coin` (its `Fee`,
 * where present, leaves in addition); every row of a withdrawal file a withdrawal of `Amount`.
 * These files hold completed movements only (no status column). `Type` (e.g. `Deposit`,
 * `Withdrawal`, `Internal`) is kept in the note, not interpreted: BittyTax ignores it too.
 * Amounts are read by magnitude (the file gives the direction). The combined file's `type`
 * decides; any other value is rejected by name. Times: Singapore wall-clock time (UTC+8), as
 * BittyTax (`tz="Asia/Singapore"`).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject } from '../../importer-spec.js';
import { KUCOIN_DEFAULT_ZONE, missing } from './common.js';

const ADDRESS = ['Wallet Address/Account', 'Wallet Address'];
const note = (...parts: (string | undefined)[]): { note?: string } => {
  const text = parts.filter((p) => p).join(' — ');
  return text ? { note: text } : {};
};

export const kucoinDepositsLegacy = defineImporter({
  id: 'kucoin-deposits-legacy',
  label: 'KuCoin deposit history, old site (`Time,Coin,[Network,]Amount,Type,Remark[,Fee]`; times UTC+8)',
  howToExport: 'KuCoin › Assets › Deposit History › Export (old site)',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    time: instant('Time'),
    coin: text('Coin'),
    network: ifPresent(text('Network')),
    amount: decimal('Amount'),
    type: text('Type'),
    remark: text('Remark'),
    fee: ifPresent(decimal('Fee')),
  },
  signature: { absent: ADDRESS },
  mapRow(row) {
    if (row.coin === '') return missing('Coin');
    const asset = normalizeAsset(row.coin);
    return events({
      kind: 'deposit',
      instant: row.time,
      received: { asset, amount: row.amount.abs() },
      ...(row.fee && !row.fee.isZero() ? { fee: { asset, amount: row.fee.abs() } } : {}),
      ...note(row.type, row.remark),
    });
  },
});

export const kucoinWithdrawalsLegacy = defineImporter({
  id: 'kucoin-withdrawals-legacy',
  label: 'KuCoin withdrawal history, old site (`Time,Coin,[Network,]Amount,Type,Wallet Address…,Remark`; times UTC+8)',
  howToExport: 'KuCoin › Assets › Withdrawal History › Export (old site)',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    time: instant('Time'),
    coin: text('Coin'),
    network: ifPresent(text('Network')),
    amount: decimal('Amount'),
    type: text('Type'),
    address: text(ADDRESS),
    remark: text('Remark'),
  },
  mapRow(row) {
    if (row.coin === '') return missing('Coin');
    return events({
      kind: 'withdrawal',
      instant: row.time,
      sent: { asset: normalizeAsset(row.coin), amount: row.amount.abs() },
      ...note(row.type, row.remark, row.address ? `to ${row.address}` : undefined),
    });
  },
});

export const kucoinDepositsWithdrawalsV1 = defineImporter({
  id: 'kucoin-deposits-withdrawals-v1',
  label: 'KuCoin deposits and withdrawals, oldest form (`coin_type,type,add,hash,vol,created_at`; times UTC+8)',
  howToExport: 'KuCoin › Assets › Deposit/Withdrawal History › Export (2018 site)',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    coin: text('coin_type'),
    type: text('type'),
    address: text('add'),
    hash: optional(text('hash')),
    vol: decimal('vol'),
    time: instant('created_at'),
  },
  mapRow(row) {
    if (row.coin === '') return missing('coin_type');
    const q = { asset: normalizeAsset(row.coin), amount: row.vol.abs() };
    const base = { instant: row.time, ...(row.hash ? { txHash: row.hash } : {}) };
    switch (row.type.toUpperCase()) {
      case 'DEPOSIT':
        return events({ kind: 'deposit', received: q, ...base });
      case 'WITHDRAW':
      case 'WITHDRAWAL':
        return events({ kind: 'withdrawal', sent: q, ...base, ...(row.address ? { note: `to ${row.address}` } : {}) });
      default:
        return reject('ROW_UNKNOWN_TYPE', `unknown KuCoin deposit/withdrawal type "${row.type}"`);
    }
  },
});
