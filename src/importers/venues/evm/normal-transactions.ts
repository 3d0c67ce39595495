/**
 * Etherscan-family "Transactions" export (Etherscan, BscScan, PolygonScan, Arbiscan, Snowtrace,
 * Basescan, FtmScan, Optimistic Etherscan …: one software, one layout; docs/formats.md "EVM block
 * explorers"). Header, with the coin of the chain in the names:
 * `Txhash|Transaction Hash, Blockno, UnixTimestamp, DateTime|DateTime (UTC), From, To,
 * ContractAddress, Value_IN(ETH), Value_OUT(ETH), CurrentValue @ $…/Eth, TxnFee(ETH), TxnFee(USD),
 * Historical $Price/Eth, Status, ErrCode[, Method][, PrivateNote]`.
 *
 * The values are stated from the address's side: `Value_IN` is what it received, `Value_OUT`
 * what it sent. The fee is paid by the sender (`From`), so it counts only when the address sent
 * the transaction, failed ones included (a failed transaction moves no value but burns its gas).
 * The wallet is the address (`address.ts`): the one in the file name when the row has it, else
 * the side the values point at (`From` when nothing moved: a contract call the address made).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO } from '../../../model/decimal.js';
import { decimal, ifPresent, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { addressesInName } from './address.js';
import { coinAmount, dateColumn, failed, hashColumn, withUsd } from './cells.js';

const VALUE_IN = /^Value_IN\(\w+\)$/i;
const VALUE_OUT = /^Value_OUT\(\w+\)$/i;
const FEE = /^TxnFee\((?!USD\))\w+\)$/i;

export const evmNormalTransactions = defineImporter({
  id: 'etherscan-transactions',
  label: 'Etherscan / BscScan / PolygonScan / … : transactions of one address (Value_IN, Value_OUT, TxnFee)',
  howToExport: 'explorer › address page › Transactions › "Download Page Data" / CSV Export (one file per address)',
  wallet: 'file-stem',
  columns: {
    hash: hashColumn(),
    date: dateColumn(),
    from: text('From'),
    to: text('To'),
    valueIn: coinAmount(VALUE_IN),
    valueOut: coinAmount(VALUE_OUT),
    fee: optional(coinAmount(FEE)),
    feeUsd: ifPresent(decimal('TxnFee(USD)')),
    price: ifPresent(decimal(/^Historical \$Price\/\w+$/i)),
    status: text('Status'),
    method: ifPresent(text('Method')),
  },
  signature: { also: ['Blockno', 'UnixTimestamp', 'ContractAddress', 'ErrCode'] },
  mapRow(row, ctx): RowOutcome {
    const from = row.from.toLowerCase();
    const to = row.to.toLowerCase();
    const named = addressesInName(ctx.file.name).find((a) => a === from || a === to);
    const isFailed = failed(row.status);
    if (isFailed === undefined) return reject('ROW_UNKNOWN_TYPE', `unknown Status "${row.status}"`);
    const valueIn = isFailed ? ZERO : row.valueIn.amount;
    const valueOut = isFailed ? ZERO : row.valueOut.amount;
    if (valueIn.isNegative() || valueOut.isNegative()) return reject('ROW_INCONSISTENT', 'Value_IN / Value_OUT is negative');
    // whose row: the address in the file name, else the side the values point at
    const own = named ?? (valueIn.gt(0) && valueOut.isZero() ? to : from);
    if (own === '') return reject('ROW_MISSING_VALUE', 'From / To is empty');
    const coin = normalizeAsset(row.valueIn.coin);
    const price = row.price && row.price.gt(0) ? row.price : undefined;
    const valued = (amount: typeof valueIn) => withUsd(coin, amount, price?.mul(amount));
    const sent = own === from;
    const feeAmount = row.fee?.amount;
    const fee = sent && feeAmount && feeAmount.gt(0) ? withUsd(normalizeAsset(row.fee?.coin ?? coin), feeAmount, row.feeUsd) : undefined;
    const note = [row.method ? `method ${row.method}` : '', isFailed ? `failed (${row.status})` : '', own === from && own === to ? 'to itself' : '']
      .filter((x) => x !== '')
      .join(', ');
    const base = { wallet: own, instant: row.date, txHash: row.hash, ...(note ? { note } : {}) };
    if (own === from && own === to) {
      // a transaction to itself (a nonce reset, a cancel): nothing moves but the gas
      return fee ? events({ kind: 'fee', fee, ...base }) : skip('transaction to itself with no fee');
    }
    if (sent) {
      if (valueOut.gt(0)) return events({ kind: 'withdrawal', sent: valued(valueOut), ...(fee ? { fee } : {}), ...base });
      if (fee) return events({ kind: 'fee', fee, ...base });
      return skip('transaction sent with no value and no fee');
    }
    if (valueIn.gt(0)) return events({ kind: 'deposit', received: valued(valueIn), ...base });
    return skip(isFailed ? 'failed transaction sent to the address: nothing moved, the sender paid the gas' : 'transaction received with no value: nothing moved, the sender paid the gas');
  },
});
