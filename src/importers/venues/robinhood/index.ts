/**
 * Robinhood Crypto (docs/formats.md "Robinhood"; BittyTax `robinhood.py`): the crypto order history
 * and the crypto deposits / withdrawals report, both from Account › Reports and statements.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type Importer, type RowOutcome } from '../../importer-spec.js';
import { usMoney } from '../cashapp/cells.js';

/**
 * Orders: `UUID, Time Entered, Symbol, Side, Quantity, State, Order Type, Leaves Quantity,
 * Entered Price, Average Price, Notional`. A `Filled` order bought or sold `Quantity` of `Symbol`
 * for `Notional` dollars (Robinhood charges no separate fee: its spread is in the price). Other
 * states (cancelled, rejected) moved nothing.
 */
export const robinhoodCryptoOrders = defineImporter({
  id: 'robinhood-crypto-orders',
  label: 'Robinhood Crypto: orders (UUID, Time Entered, Symbol, Side, Quantity, State, …, Notional)',
  howToExport: 'Robinhood › Account › Reports and statements › Crypto › Order history (CSV)',
  wallet: 'robinhood',
  columns: {
    uuid: text('UUID'),
    time: instant('Time Entered'),
    symbol: text('Symbol'),
    side: text('Side'),
    quantity: decimal('Quantity'),
    state: text('State'),
    notional: usMoney('Notional'),
  },
  signature: { also: ['Order Type', 'Leaves Quantity', 'Average Price'] },
  mapRow(row): RowOutcome {
    if (row.state.toLowerCase() !== 'filled') return skip(`order ${row.state}: not filled`);
    const crypto = { asset: normalizeAsset(row.symbol.replace(/-USD$/i, '')), amount: row.quantity.abs() };
    if (!row.notional) return reject('ROW_MISSING_VALUE', 'Notional is empty');
    const usd = { asset: 'USD', amount: row.notional.abs() };
    const base = { instant: row.time, note: `order ${row.uuid}` };
    const side = row.side.toLowerCase();
    if (side === 'buy') return events({ kind: 'trade', sent: usd, received: crypto, ...base });
    if (side === 'sell') return events({ kind: 'trade', sent: crypto, received: usd, ...base });
    return reject('ROW_UNKNOWN_TYPE', `unknown Side "${row.side}"`);
  },
});

/**
 * Transfers: `id, created_at, withdrawal_submitted_timestamp, currency_code, transfer_type,
 * amount, network, network_fee, native_network_fee, usd_amount_at_request, fiat_amount_at_request,
 * state, to_address, address_tag, blockchain_txn_id, blockchain_txn_state`. `succeeded` rows only;
 * a withdrawal sends `amount` with `network_fee` in addition, a deposit receives `amount`.
 */
export const robinhoodCryptoTransfers = defineImporter({
  id: 'robinhood-crypto-transfers',
  label: 'Robinhood Crypto: deposits and withdrawals (id, created_at, currency_code, transfer_type, amount, …)',
  howToExport: 'Robinhood › Account › Reports and statements › Crypto › Transfers (CSV)',
  wallet: 'robinhood',
  columns: {
    created: instant('created_at'),
    currency: text('currency_code'),
    type: text('transfer_type'),
    amount: decimal('amount'),
    fee: optional(decimal('network_fee')),
    state: text('state'),
    txid: text('blockchain_txn_id'),
  },
  signature: { also: ['id', 'network', 'to_address'] },
  mapRow(row): RowOutcome {
    if (row.state.toLowerCase() !== 'succeeded') return skip(`transfer ${row.state}: not succeeded`);
    const asset = normalizeAsset(row.currency);
    const q = { asset, amount: row.amount.abs() };
    const base = { instant: row.created, ...(row.txid ? { txHash: row.txid } : {}) };
    const type = row.type.toLowerCase();
    if (type === 'withdrawal') return events({ kind: 'withdrawal', sent: q, ...(row.fee && !row.fee.isZero() ? { fee: { asset, amount: row.fee.abs() } } : {}), ...base });
    if (type === 'deposit') return events({ kind: 'deposit', received: q, ...base });
    return reject('ROW_UNKNOWN_TYPE', `unknown transfer_type "${row.type}"`);
  },
});

export const ROBINHOOD_IMPORTERS: readonly Importer[] = [robinhoodCryptoOrders, robinhoodCryptoTransfers];
