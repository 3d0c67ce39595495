/**
 * Bybit derivatives exports recognised but not yet read (formats.md §2.8, §2.15): every row is
 * rejected ROW_UNSUPPORTED until derivatives support lands, so the file is accounted for rather
 * than "unknown". Cells are read as text so nothing fails before that message.
 *
 * - Derivatives/USDC "transaction log": `Time,Currency,Contract,Type,Direction,Quantity,Position,
 *   Filled Price,Funding,Fee Paid,Cash Flow,Change,Wallet Balance,Fee Rate,Trade ID,Order ID`.
 *   `transferIn`/`transferOut` rows are skipped (own accounts); all others rejected.
 * - Closed P&L: `Market,Order Quantity,Entry Price,Exit Price,Opening Fee,Closing Fee,Funding Fee,
 *   cumClosedPzOpenFeeInfo,cumClosedPzTradeFeeInfo,Trade Type,Realized P&L,Trade time`.
 */
import { text } from '../../columns.js';
import { defineImporter, reject, skip } from '../../importer-spec.js';

const NOT_YET = 'margin/futures support is not yet available';

export const bybitDerivativesLog = defineImporter({
  id: 'bybit-derivatives-log',
  label: 'Bybit Derivatives/USDC transaction log (recognised; rows rejected until derivatives support)',
  howToExport: 'Bybit › Orders › Derivatives › Transaction Log › Export',
  wallet: 'bybit',
  columns: {
    time: text('Time'),
    contract: text('Contract'),
    type: text('Type'),
    direction: text('Direction'),
  },
  signature: { also: ['Currency', 'Cash Flow', 'Fee Paid', 'Fee Rate', 'Trade ID', 'Order ID'] },
  mapRow(row) {
    if (row.type === 'transferIn' || row.type === 'transferOut') return skip('Bybit transfer between own accounts');
    return reject('ROW_UNSUPPORTED', `Bybit derivatives ${[row.type, row.direction].filter((x) => x !== '').join(' ')} on ${row.contract || 'no contract'}: ${NOT_YET}`);
  },
});

export const bybitClosedPnl = defineImporter({
  id: 'bybit-closed-pnl',
  label: 'Bybit Closed P&L (recognised; rows rejected until derivatives support)',
  howToExport: 'Bybit › Orders › Derivatives › Closed P&L › Export',
  wallet: 'bybit',
  columns: {
    market: text('Market'),
    tradeType: text('Trade Type'),
    pnl: text('Realized P&L'),
    time: text('Trade time'),
  },
  signature: { also: ['Entry Price', 'Exit Price', 'Closing Fee', 'Funding Fee'] },
  mapRow(row) {
    return reject('ROW_UNSUPPORTED', `Bybit closed position ${row.market} (${row.tradeType}, realized P&L ${row.pnl}): ${NOT_YET}`);
  },
});
