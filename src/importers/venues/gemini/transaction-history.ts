/**
 * Gemini transaction history (the CSV form of the display-formatted history).
 *
 * Export: gemini.com › Account › Statements & History (Transaction history) › Download, CSV
 * (Gemini offers .xlsx too; save it as CSV). Header: `Date,Time (UTC),Type,Symbol,Specification,
 * Liquidity Indicator,Trading Fee Rate (bps)`, then per asset `<A> Amount <A>,Fee (<A>) <A>,
 * <A> Balance <A>`, then `Trade ID,Order ID,…,Tx Hash,…` (docs/formats.md §2.5). Times are UTC.
 *
 * Mapping: `Buy`/`Sell` — `Symbol` is the pair (`BTCUSD`); it is split where both assets have a
 * non-empty amount in the row. Amounts exclude the fee: the USD balance moves by amount + fee
 * (`$766.12` + `($1.92)` = `$764.20`), so sent/received are the amounts and the fee the `Fee (…)`
 * cell. `Credit` (Symbol = asset) is a deposit, `Debit` a withdrawal, when Specification says
 * `Deposit …` / `Withdrawal …`; `Tx Hash` is kept. Decisions (docs/formats.md silent): a Credit whose
 * Specification names staking, interest or a reward/promotion is income of that kind, and type
 * `Interest Credit` (Gemini Earn) is interest income; any other Credit/Debit specification is
 * rejected, naming it. `…PERP` symbols (Gemini derivatives) are rejected ROW_UNSUPPORTED. A row
 * with an empty Date (spacer/total rows of the sheet) is skipped.
 */
import type { Dec } from '../../../model/decimal.js';
import type { IncomeKind, Quantity } from '../../../model/ledger-event.js';
import { ifPresent, instant as instantCell, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { parseInstant } from '../../parse-instant.js';
import { amountKey, assetColumns, feeKey, GEMINI_ASSETS } from './cells.js';

const KNOWN = new Set(GEMINI_ASSETS);
type Cells = Readonly<Record<`amount:${string}` | `fee:${string}`, Dec | undefined>>;

/** Split `BTCUSD` at the one point where both sides are listed assets with an amount in this row. */
export function splitGeminiSymbol(symbol: string, cells: Cells): { base: string; quote: string } | undefined {
  const found: { base: string; quote: string }[] = [];
  for (let i = 1; i < symbol.length; i++) {
    const base = symbol.slice(0, i);
    const quote = symbol.slice(i);
    if (KNOWN.has(base) && KNOWN.has(quote) && cells[amountKey(base)] && cells[amountKey(quote)]) found.push({ base, quote });
  }
  return found.length === 1 ? found[0] : undefined;
}

function creditMeaning(spec: string): IncomeKind | 'deposit' | undefined {
  if (/^deposit\b/i.test(spec)) return 'deposit';
  if (/staking/i.test(spec)) return 'staking';
  if (/interest/i.test(spec)) return 'interest';
  if (/reward|promo|bonus|referral|cashback/i.test(spec)) return 'reward';
  return undefined;
}

// Object.assign keeps the template-literal index signatures in the type (a spread drops them),
// so `row[amountKey(a)]` is typed `Dec | undefined`.
const columns = Object.assign(assetColumns(), {
  // the day through the shared reader (its day/month order decided once for the file), then the time of day
  date: optional(instantCell('Date', { zone: 'UTC' })),
  time: text('Time (UTC)'),
  type: text('Type'),
  symbol: text('Symbol'),
  specification: text('Specification'),
  liquidity: text('Liquidity Indicator'),
  feeRate: text('Trading Fee Rate (bps)'),
  txHash: ifPresent(text('Tx Hash')),
});

export const geminiTransactionHistory = defineImporter({
  id: 'gemini-transaction-history',
  label: 'Gemini transaction history (per-asset columns)',
  howToExport: 'gemini.com › Account › Statements & History › Transaction history › Download (CSV, or save the .xlsx as CSV)',
  wallet: 'gemini',
  zone: 'UTC',
  columns,
  mapRow(row): RowOutcome {
    if (row.date === undefined) return skip('Gemini row without a date (spacer or total row)');
    const timeOfDay = parseInstant(`1970-01-01 ${row.time}`, { zone: 'UTC' });
    if (timeOfDay === undefined) return reject('ROW_BAD_DATE', `cannot read "${row.time}" as a time of day in column "Time (UTC)"`);
    const instant = row.date + timeOfDay;
    const symbol = row.symbol.toUpperCase();
    if (symbol.endsWith('PERP')) return reject('ROW_UNSUPPORTED', `Gemini derivative ${row.symbol}: margin/futures support is not yet available`);
    const q = (asset: string, amount: Dec): Quantity => ({ asset, amount: amount.abs() });
    const feeOf = (asset: string): Quantity | undefined => {
      const f = row[feeKey(asset)];
      return f && !f.isZero() ? q(asset, f) : undefined;
    };
    const type = row.type.toLowerCase();

    if (type === 'buy' || type === 'sell') {
      const pair = splitGeminiSymbol(symbol, row);
      if (!pair) return reject('ROW_UNKNOWN_TYPE', `cannot split Gemini symbol "${row.symbol}" into two listed assets with amounts in this row`);
      const base = row[amountKey(pair.base)] as Dec;
      const quote = row[amountKey(pair.quote)] as Dec;
      const buying = type === 'buy';
      if (base.isNegative() === buying || quote.isNegative() !== buying) {
        return reject('ROW_INCONSISTENT', `Gemini ${row.type} ${row.symbol} with ${base.toFixed()} ${pair.base} and ${quote.toFixed()} ${pair.quote}`);
      }
      const [sent, received] = buying ? [q(pair.quote, quote), q(pair.base, base)] : [q(pair.base, base), q(pair.quote, quote)];
      const [fee, extra] = [feeOf(pair.quote), feeOf(pair.base)].filter((f): f is Quantity => f !== undefined);
      const trade: EventDraft = { kind: 'trade', instant, sent, received, ...(fee ? { fee } : {}) };
      return events(trade, ...(extra ? [{ kind: 'fee', instant, fee: extra } as EventDraft] : []));
    }

    if (type === 'credit' || type === 'debit' || type === 'interest credit') {
      if (!KNOWN.has(symbol)) return reject('ROW_UNKNOWN_TYPE', `Gemini asset "${row.symbol}" has no amount column known to this importer`);
      const amount = row[amountKey(symbol)];
      if (!amount || amount.isZero()) return reject('ROW_MISSING_VALUE', `Gemini ${row.type} row has no amount in column "${symbol} Amount ${symbol}"`);
      const fee = feeOf(symbol);
      const base = { instant, ...(fee ? { fee } : {}), ...(row.txHash ? { txHash: row.txHash } : {}) };
      const quantity = q(symbol, amount);
      if (type === 'debit') {
        if (/^withdrawal\b/i.test(row.specification)) return events({ kind: 'withdrawal', sent: quantity, ...base });
        return reject('ROW_UNKNOWN_TYPE', `Gemini Debit with unknown specification "${row.specification}"`);
      }
      const meaning = type === 'interest credit' ? 'interest' : creditMeaning(row.specification);
      if (meaning === 'deposit') return events({ kind: 'deposit', received: quantity, ...base });
      if (meaning) return events({ kind: 'income', incomeKind: meaning, received: quantity, ...base, note: row.specification || row.type });
      return reject('ROW_UNKNOWN_TYPE', `Gemini Credit with unknown specification "${row.specification}"`);
    }
    return reject('ROW_UNKNOWN_TYPE', `unknown Gemini transaction type "${row.type}"`);
  },
});
