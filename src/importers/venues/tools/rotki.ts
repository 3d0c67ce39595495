/**
 * rotki's generic import formats (docs/formats.md "rotki generic"; rotki docs "Importing data" and
 * `rotki_trades.py` / `rotki_events.py`, test files `rotki_generic_trades.csv`,
 * `rotki_generic_events.csv`):
 * - trades: `Location, Spend Currency, Receive Currency, Fee Currency, Spend Amount, Receive
 *   Amount, Fee, Description, Timestamp`;
 * - trades, older layout: `Location, Base Currency, Quote Currency, Type, Buy Amount, Sell
 *   Amount, Fee, Fee Currency, Description, Timestamp` — `Buy` received `Buy Amount` of the base
 *   for `Sell Amount` of the quote, `Sell` gave `Sell Amount` of the base for `Buy Amount` of
 *   the quote ("binance, USDC, ETH, Sell, 1, 1875.64": 1875.64 USDC sold for 1 ETH);
 * - events: `Type, Location, Currency, Amount, Fee, Fee Currency, Description, Timestamp` with
 *   Type `Deposit`, `Withdrawal`, `Income`, `Loss` / `Spend`, `Staking`.
 * Timestamps are Unix milliseconds (or seconds, or a UTC date). The wallet is the `Location`.
 */
import { decimal, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { epochOrDate, leg } from './cells.js';

const HOW = 'the CSV written for rotki\'s generic importer (rotki › Import data › rotki generic trades / events)';

export const rotkiGenericTrades = defineImporter({
  id: 'rotki-generic-trades',
  label: 'rotki: generic trades (Location, Spend Currency, Receive Currency, …, Timestamp)',
  howToExport: HOW,
  wallet: 'rotki',
  columns: {
    location: text('Location'),
    spendCurrency: text('Spend Currency'),
    receiveCurrency: text('Receive Currency'),
    feeCurrency: text('Fee Currency'),
    spendAmount: decimal('Spend Amount'),
    receiveAmount: decimal('Receive Amount'),
    fee: optional(decimal('Fee')),
    description: text('Description'),
    timestamp: epochOrDate('Timestamp'),
  },
  mapRow(row): RowOutcome {
    const sent = leg(row.spendCurrency, row.spendAmount);
    const received = leg(row.receiveCurrency, row.receiveAmount);
    if (!sent || !received) return reject('ROW_MISSING_VALUE', 'a trade needs a non-zero Spend Amount and Receive Amount with their currencies');
    const fee = leg(row.feeCurrency, row.fee);
    return events({ kind: 'trade', sent, received, wallet: row.location || 'rotki', instant: row.timestamp, ...(fee ? { fee } : {}), ...(row.description ? { note: row.description } : {}) });
  },
});

export const rotkiGenericTradesV1 = defineImporter({
  id: 'rotki-generic-trades-v1',
  label: 'rotki: generic trades, older layout (Location, Base Currency, Quote Currency, Type, Buy Amount, Sell Amount, …)',
  howToExport: HOW,
  wallet: 'rotki',
  columns: {
    location: text('Location'),
    base: text('Base Currency'),
    quote: text('Quote Currency'),
    type: text('Type'),
    buyAmount: decimal('Buy Amount'),
    sellAmount: decimal('Sell Amount'),
    fee: optional(decimal('Fee')),
    feeCurrency: text('Fee Currency'),
    description: text('Description'),
    timestamp: epochOrDate('Timestamp'),
  },
  mapRow(row): RowOutcome {
    const type = row.type.toLowerCase();
    if (type !== 'buy' && type !== 'sell') return reject('ROW_UNKNOWN_TYPE', `unknown Type "${row.type}" (Buy or Sell)`);
    const received = leg(type === 'buy' ? row.base : row.quote, row.buyAmount);
    const sent = leg(type === 'buy' ? row.quote : row.base, row.sellAmount);
    if (!sent || !received) return reject('ROW_MISSING_VALUE', 'a trade needs a non-zero Buy Amount and Sell Amount');
    const fee = leg(row.feeCurrency, row.fee);
    return events({ kind: 'trade', sent, received, wallet: row.location || 'rotki', instant: row.timestamp, ...(fee ? { fee } : {}), ...(row.description ? { note: row.description } : {}) });
  },
});

export const rotkiGenericEvents = defineImporter({
  id: 'rotki-generic-events',
  label: 'rotki: generic events (Type, Location, Currency, Amount, Fee, Fee Currency, Description, Timestamp)',
  howToExport: HOW,
  wallet: 'rotki',
  columns: {
    type: text('Type'),
    location: text('Location'),
    currency: text('Currency'),
    amount: decimal('Amount'),
    fee: optional(decimal('Fee')),
    feeCurrency: text('Fee Currency'),
    description: text('Description'),
    timestamp: epochOrDate('Timestamp'),
  },
  mapRow(row): RowOutcome {
    const q = leg(row.currency, row.amount);
    const fee = leg(row.feeCurrency, row.fee);
    const base = { wallet: row.location || 'rotki', instant: row.timestamp, ...(fee ? { fee } : {}), ...(row.description ? { note: row.description } : {}) };
    if (!q) return fee ? events({ kind: 'fee', ...base, fee }) : reject('ROW_MISSING_VALUE', 'Amount is zero or Currency is empty');
    switch (row.type.toLowerCase()) {
      case 'deposit':
        return events({ kind: 'deposit', received: q, ...base });
      case 'withdrawal':
        return events({ kind: 'withdrawal', sent: q, ...base });
      case 'income':
        return events({ kind: 'income', incomeKind: 'other', received: q, ...base });
      case 'staking':
        return events({ kind: 'income', incomeKind: 'staking', received: q, ...base });
      case 'loss':
        return events({ kind: 'removal', removalKind: 'lost', sent: q, ...base });
      case 'spend':
        return events({ kind: 'spend', spendKind: 'payment', sent: q, ...base });
      default:
        return reject('ROW_UNKNOWN_TYPE', `unknown rotki event Type "${row.type}"`);
    }
  },
});
