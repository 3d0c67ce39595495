/**
 * Etherscan-family "Token Transfers (ERC-20)" export (BEP-20 on BscScan, …). Headers:
 * - since 2021: `Txhash|Transaction Hash, Blockno, UnixTimestamp, DateTime|DateTime (UTC), From,
 *   To, TokenValue, USDValueDayOfTx, ContractAddress, TokenName, TokenSymbol`;
 * - before: `Txhash, UnixTimestamp, DateTime, From, To, Value, ContractAddress, TokenName, TokenSymbol`.
 *
 * No column says which side the address is on, so the whole file is read first: the address is
 * the one in the file name, else the one on every row (`address.ts`). `To` = address: a deposit;
 * `From` = address: a withdrawal (the gas is in the normal-transactions file). A zero-value
 * transfer (address-poisoning spam) or one to itself moves nothing and is skipped.
 *
 * Assets: the symbol. Two contracts using one symbol in a file (a fake "USDT") stay apart: the
 * contract with the most rows keeps the bare symbol, the others become `SYMBOL-0x<contract>`.
 */
import type { Dec } from '../../../model/decimal.js';
import { decimal, ifPresent, text } from '../../columns.js';
import { defineImporter } from '../../importer-spec.js';
import { dateColumn, hashColumn, withUsd } from './cells.js';
import { mapTransferGroup } from './transfer-group.js';

export const evmTokenTransfers = defineImporter({
  id: 'etherscan-token-transfers',
  label: 'Etherscan / BscScan / PolygonScan / … : ERC-20 token transfers of one address (TokenValue, TokenSymbol)',
  howToExport: 'explorer › address page › Token Transfers (ERC-20) › CSV Export',
  wallet: 'file-stem',
  columns: {
    hash: hashColumn(),
    date: dateColumn(),
    from: text('From'),
    to: text('To'),
    value: decimal(['TokenValue', 'Value']),
    usd: ifPresent(decimal('USDValueDayOfTx')),
    contract: text('ContractAddress'),
    name: text('TokenName'),
    symbol: text('TokenSymbol'),
  },
  signature: { also: ['UnixTimestamp'], absent: ['Token ID', 'TokenId'] },
  groupKey: (row) => (row.value.isZero() || row.from.toLowerCase() === row.to.toLowerCase() ? undefined : 'file'),
  mapGroup: (rows, ctx) =>
    mapTransferGroup(rows, ctx.file.name, (row, asset) => withUsd(asset, row.value as Dec, row.usd), {
      symbolOf: (row) => row.symbol || row.name || row.contract,
      zero: (row) => row.value.isZero(),
    }),
});
