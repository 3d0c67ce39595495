/**
 * Etherscan-family "Internal Transactions" export: value a contract moved inside a transaction
 * (a DEX paying out ETH, a bridge, a refund). Header:
 * `Txhash|Transaction Hash, Blockno, UnixTimestamp, DateTime|DateTime (UTC), ParentTxFrom,
 * ParentTxTo, ParentTxETH_Value, From, TxTo, ContractAddress, Value_IN(ETH), Value_OUT(ETH),
 * CurrentValue @ $…, Historical $Price/Eth, Status, ErrCode, Type[, PrivateNote]`.
 *
 * `Value_IN` arrived at the address (`TxTo`), `Value_OUT` left it (`From`). No fee: the gas is
 * on the parent transaction, which is in the normal-transactions file. `Status` is `0` for
 * success, `1` for a reverted call (nothing moved: skipped).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, ifPresent, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { addressesInName } from './address.js';
import { coinAmount, dateColumn, failed, hashColumn, withUsd } from './cells.js';

export const evmInternalTransactions = defineImporter({
  id: 'etherscan-internal-transactions',
  label: 'Etherscan / BscScan / PolygonScan / … : internal transactions of one address (ParentTxFrom, TxTo)',
  howToExport: 'explorer › address page › Internal Transactions › CSV Export',
  wallet: 'file-stem',
  columns: {
    hash: hashColumn(),
    date: dateColumn(),
    from: text('From'),
    to: text('TxTo'),
    valueIn: coinAmount(/^Value_IN\(\w+\)$/i),
    valueOut: coinAmount(/^Value_OUT\(\w+\)$/i),
    price: ifPresent(decimal(/^Historical \$Price\/\w+$/i)),
    status: text('Status'),
    type: ifPresent(text('Type')),
  },
  signature: { also: ['ParentTxFrom', 'ParentTxTo', 'ContractAddress'] },
  mapRow(row, ctx): RowOutcome {
    const isFailed = failed(row.status);
    if (isFailed === undefined) return reject('ROW_UNKNOWN_TYPE', `unknown Status "${row.status}"`);
    if (isFailed) return skip('reverted internal transaction: nothing moved');
    const from = row.from.toLowerCase();
    const to = row.to.toLowerCase();
    const named = addressesInName(ctx.file.name).find((a) => a === from || a === to);
    const coin = normalizeAsset(row.valueIn.coin);
    const valueIn = row.valueIn.amount;
    const valueOut = row.valueOut.amount;
    if (valueIn.isNegative() || valueOut.isNegative()) return reject('ROW_INCONSISTENT', 'Value_IN / Value_OUT is negative');
    const price = row.price && row.price.gt(0) ? row.price : undefined;
    const valued = (amount: typeof valueIn) => withUsd(coin, amount, price?.mul(amount));
    const base = { instant: row.date, txHash: row.hash, ...(row.type ? { note: `internal ${row.type}` } : {}) };
    const incoming = named ? named === to && named !== from : valueIn.gt(0);
    const outgoing = named ? named === from && named !== to : valueOut.gt(0) && valueIn.isZero();
    const amount = incoming ? valueIn : valueOut;
    if (amount.isZero()) return skip(named === from && named === to ? 'internal transfer to itself' : 'internal transaction with no value');
    if (incoming) return events({ kind: 'deposit', wallet: named ?? to, received: valued(valueIn), ...base });
    if (outgoing) return events({ kind: 'withdrawal', wallet: named ?? from, sent: valued(valueOut), ...base });
    return skip('internal transfer to itself');
  },
});
