/**
 * Etherscan-family "NFT Transfers (ERC-721 & ERC-1155)" export. Headers:
 * - since 2023: `Txhash|Transaction Hash, Blockno, UnixTimestamp, DateTime (UTC), From, To,
 *   ContractAddress, TokenName, TokenSymbol, Token ID, Type, Quantity`;
 * - before: `Txhash[, Blockno], UnixTimestamp, DateTime, From, To, ContractAddress, TokenId,
 *   TokenName, TokenSymbol` (ERC-721 only: one token per row).
 *
 * Read like token transfers (`transfer-group.ts`); the asset is one NFT, `SYMBOL #<token id>`
 * (kept apart per contract the same way), the quantity `Quantity` (ERC-1155) or 1.
 */
import { ONE } from '../../../model/decimal.js';
import { decimal, ifPresent, text } from '../../columns.js';
import { defineImporter } from '../../importer-spec.js';
import { dateColumn, hashColumn } from './cells.js';
import { mapTransferGroup } from './transfer-group.js';

export const evmNftTransfers = defineImporter({
  id: 'etherscan-nft-transfers',
  label: 'Etherscan / BscScan / PolygonScan / … : NFT transfers (ERC-721 / ERC-1155) of one address',
  howToExport: 'explorer › address page › NFT Transfers › CSV Export',
  wallet: 'file-stem',
  columns: {
    hash: hashColumn(),
    date: dateColumn(),
    from: text('From'),
    to: text('To'),
    contract: text('ContractAddress'),
    tokenId: text(['Token ID', 'TokenId']),
    name: text('TokenName'),
    symbol: text('TokenSymbol'),
    type: ifPresent(text('Type')),
    quantity: ifPresent(decimal('Quantity')),
  },
  signature: { also: ['UnixTimestamp'] },
  groupKey: (row) => (row.quantity?.isZero() || row.from.toLowerCase() === row.to.toLowerCase() ? undefined : 'file'),
  mapGroup: (rows, ctx) =>
    mapTransferGroup(rows, ctx.file.name, (row, asset) => ({ asset, amount: row.quantity ?? ONE }), {
      symbolOf: (row) => `${row.symbol || row.name || row.contract} #${row.tokenId}`,
      zero: (row) => row.quantity?.isZero() === true,
      note: (row) => (row.type ? row.type : ''),
    }),
});
