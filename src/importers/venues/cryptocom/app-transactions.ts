/**
 * Crypto.com App — crypto wallet transaction history (docs/formats.md §2.10; BittyTax `cryptocom.py`,
 * rotki `importers/cryptocom.py`). Header with or without the trailing `Transaction Hash`.
 *
 * Export: App › Accounts › Crypto Wallet › Transaction History (clock icon) › Export to CSV.
 *
 * Mapping (meaning of every kind in `kinds.ts`):
 * - `Amount` is signed in `Currency`; every event amount is its absolute value, and the direction
 *   comes from the kind (a swap's `Amount` is the coin given, `To Amount` the coin received).
 * - `Native Amount (in USD)`, absolute (its sign is not reliable, BittyTax), is the stated value of
 *   the row's quantity: on the received side of a trade, on the moved quantity otherwise. A zero
 *   is not stated (Crypto.com writes 0 below 0.01 USD), so it is left out.
 * - `Amount` must have the sign its kind implies (income and deposits +, spends, withdrawals and
 *   a swap's given side −); a row that contradicts its kind is rejected, not flipped.
 * - Card purchases (`crypto_purchase`) have no money leg: the counter-leg is `Native Amount` in
 *   `Native Currency` (BittyTax).
 * - Paired `…_debited`/`…_credited` rows of one timestamp are grouped into trades (`paired-swap.ts`).
 * - An empty kind is a fiat row; its description says `Deposit` or `Withdraw…` (BittyTax).
 * - Times are UTC: the header says so.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { withFields } from '../../../model/copy-fields.js';
import type { Dec } from '../../../model/decimal.js';
import type { Quantity, StatedValue } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type EventDraft, type RowOf, type RowOutcome } from '../../importer-spec.js';
import { CRYPTOCOM_KINDS, pairedKind } from './kinds.js';
import { pairSwapTrades, type SwapLeg } from './paired-swap.js';

const columns = {
  time: instant('Timestamp (UTC)'),
  description: text('Transaction Description'),
  currency: text('Currency'),
  amount: decimal('Amount'),
  toCurrency: text('To Currency'),
  toAmount: optional(decimal('To Amount')),
  nativeCurrency: text('Native Currency'),
  nativeAmount: optional(decimal('Native Amount')),
  usdAmount: optional(decimal('Native Amount (in USD)')),
  kind: text('Transaction Kind'),
  txHash: ifPresent(text('Transaction Hash')),
};
type Row = RowOf<typeof columns>;

export const cryptocomApp = defineImporter({
  id: 'cryptocom-app',
  label: 'Crypto.com App: crypto wallet transaction history',
  howToExport: 'Crypto.com App › Accounts › Crypto Wallet › Transaction History › Export (CSV)',
  wallet: 'cryptocom',
  zone: 'UTC',
  columns,
  groupKey(row) {
    const paired = pairedKind(row.kind);
    return paired ? `${paired.prefix}@${row.time}` : undefined;
  },
  mapGroup(rows) {
    const first = rows[0] as Row;
    return pairedKind(first.kind) ? mapPaired(rows) : mapRow(first);
  },
});

function usdValue(row: Row): StatedValue | undefined {
  const usd = row.usdAmount?.abs();
  return usd && !usd.isZero() ? { amount: usd, currency: 'USD' } : undefined;
}

function quantity(amount: Dec | undefined, currency: string, value?: StatedValue): Quantity | undefined {
  if (amount === undefined || amount.isZero() || currency === '') return undefined;
  const q: Quantity = { asset: normalizeAsset(currency), amount: amount.abs() };
  return value ? withFields(q, { value }) : q;
}

/** The sign `Amount` must have for a kind (true = positive); swaps and movements go either way. */
const EXPECTED_SIGN: Partial<Record<string, boolean>> = { swap: false, income: true, deposit: true, spend: false, withdrawal: false };

function mapRow(row: Row): RowOutcome {
  const base = { instant: row.time, ...(row.description ? { note: row.description } : {}) };
  const hash = row.txHash ? { txHash: row.txHash } : {};
  const value = usdValue(row);
  const own = quantity(row.amount, row.currency, value);
  if (row.kind === '') {
    // Fiat wallet rows carry no kind (BittyTax); the description is the only clue.
    if (!own) return reject('ROW_MISSING_VALUE', 'fiat row without an amount or currency');
    if (/deposit/i.test(row.description)) return events({ kind: 'deposit', received: own, ...base });
    if (/withdraw/i.test(row.description)) return events({ kind: 'withdrawal', sent: own, ...base });
    return reject('ROW_UNKNOWN_TYPE', `empty Transaction Kind with description "${row.description}" (neither deposit nor withdrawal)`);
  }
  const meaning = CRYPTOCOM_KINDS[row.kind];
  if (!meaning) return reject('ROW_UNKNOWN_TYPE', `unknown Crypto.com Transaction Kind "${row.kind}"`);
  if (meaning.kind === 'skip') return skip(meaning.reason);
  if (!own) return reject('ROW_MISSING_VALUE', `"${row.kind}" row with a zero amount or no currency`);
  const incoming = row.amount.isPositive();
  const expected = EXPECTED_SIGN[meaning.kind];
  if (expected !== undefined && expected !== incoming) {
    return reject('ROW_INCONSISTENT', `"${row.kind}" ${expected ? 'brings units in' : 'takes units out'} but Amount is ${row.amount.toFixed()}`);
  }
  switch (meaning.kind) {
    case 'swap': {
      const received = quantity(row.toAmount, row.toCurrency, value);
      if (!received) return reject('ROW_MISSING_VALUE', `"${row.kind}" row without To Amount / To Currency`);
      return events({ kind: 'trade', sent: quantity(row.amount, row.currency) as Quantity, received, ...base });
    }
    case 'native-trade': {
      const money = quantity(row.nativeAmount, row.nativeCurrency);
      if (!money) return reject('ROW_MISSING_VALUE', `"${row.kind}" row without Native Amount / Native Currency`);
      const coin = quantity(row.amount, row.currency) as Quantity;
      const valued = (q: Quantity): Quantity => (value ? withFields(q, { value }) : q);
      return events(incoming ? { kind: 'trade', sent: money, received: valued(coin), ...base } : { kind: 'trade', sent: coin, received: valued(money), ...base });
    }
    case 'income':
      return events({ kind: 'income', incomeKind: meaning.incomeKind, received: own, ...base });
    case 'spend':
      return events({ kind: 'spend', spendKind: meaning.spendKind, sent: own, ...base });
    case 'deposit':
      return events({ kind: 'deposit', received: own, ...base, ...hash });
    case 'withdrawal':
      return events({ kind: 'withdrawal', sent: own, ...base, ...hash });
    case 'movement':
      return events(incoming ? { kind: 'deposit', received: own, ...base, ...hash } : { kind: 'withdrawal', sent: own, ...base, ...hash });
  }
}

function mapPaired(rows: readonly Row[]): RowOutcome {
  const kind = pairedKind((rows[0] as Row).kind)?.prefix ?? '';
  const credited = rows.filter((r) => r.kind.endsWith('_credited'));
  const debited = rows.filter((r) => r.kind.endsWith('_debited'));
  const leg = (r: Row): SwapLeg | undefined => {
    const q = quantity(r.amount, r.currency);
    const usd = usdValue(r);
    return q && (usd ? { quantity: q, usd } : { quantity: q });
  };
  if (credited.length !== 1) {
    return reject('ROW_INCONSISTENT', `${kind}: expected one ${kind}_credited row at this time, found ${credited.length}`);
  }
  const credit = leg(credited[0] as Row);
  const debits = debited.map(leg);
  if (!credit || debits.some((d) => d === undefined)) return reject('ROW_MISSING_VALUE', `${kind}: a row has a zero amount or no currency`);
  const trades = pairSwapTrades(credit, debits as SwapLeg[]);
  if (typeof trades === 'string') return reject('ROW_INCONSISTENT', `${kind}: ${trades}`);
  const first = credited[0] as Row;
  const base = { instant: first.time, ...(first.description ? { note: first.description } : {}) };
  return events(...trades.map((t): EventDraft => ({ kind: 'trade', sent: t.sent, received: t.received, ...base })));
}
