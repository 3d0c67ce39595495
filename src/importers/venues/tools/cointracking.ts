/**
 * CoinTracking — trade table export (docs/formats.md "CoinTracking"; rotki `cointracking.py` and its
 * test files, BittyTax `cointracking.py`): `Type, Buy, Cur., Sell, Cur., Fee, Cur., Exchange,
 * Group, Comment, Date` (the currency header repeats after each amount; BittyTax's variant has
 * `Value in BTC` / `Value in <fiat>` columns and no fee). Empty amounts are written `-`. Dates
 * follow the account's locale: `20.09.2019 13:00:00` (day first, with dots) or `5/9/2017 21:14`
 * (month first, with slashes), read in UTC unless `--input-timezone`.
 *
 * `Trade` gives Sell for Buy; `Deposit` / `Withdrawal` move own funds; income types (`Income`,
 * `Staking`, `Mining`, `Airdrop`, `Gift/Tip`, …) and outflow types (`Spend`, `Donation`,
 * `Gift`, `Lost`, `Stolen`, margin results and fees) map as in `TYPES`. The wallet is the
 * `Exchange` column (CoinTracking's account name), or `cointracking` when empty.
 */
import type { Dec } from '../../../model/decimal.js';
import { parseNumber } from '../../parse-number.js';
import type { Column } from '../../columns.js';
import { ifPresent, instant, text } from '../../columns.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { leg } from './cells.js';
import { inflow, labelKey, outflow, type InMeaning, type OutMeaning } from './meaning.js';

/** An amount cell where CoinTracking writes `-` or nothing for "none". */
function amount(header: string): Column<Dec | undefined> {
  return {
    headers: [header],
    presence: 'required',
    parse(cell, ctx) {
      const t = (cell ?? '').trim();
      if (t === '' || t === '-') return { ok: true, value: undefined };
      const n = parseNumber(t, ctx.numberStyle);
      if (!n || n.unit !== undefined) return { ok: false, problem: { code: 'ROW_BAD_NUMBER', message: `cannot read "${t}" as a number in column "${ctx.header}"` } };
      return { ok: true, value: n.value };
    },
  };
}

const IN: Readonly<Record<string, InMeaning>> = {
  deposit: 'deposit', income: 'income:other', 'gift tip': 'income:other', 'reward bonus': 'income:reward', mining: 'income:mining',
  'mining commercial': 'income:mining', airdrop: 'income:airdrop', staking: 'income:staking', masternode: 'income:staking',
  minting: 'income:staking', 'lending income': 'income:interest', 'interest income': 'income:interest', 'margin profit': 'pnl',
  'derivatives futures profit': 'pnl', 'income non taxable': 'deposit', 'receive loan': 'acquisition:loan',
};
const OUT: Readonly<Record<string, OutMeaning>> = {
  withdrawal: 'withdrawal', spend: 'spend:payment', donation: 'removal:donation', gift: 'removal:gift', stolen: 'removal:lost',
  lost: 'removal:lost', 'margin loss': 'pnl', 'derivatives futures loss': 'pnl', 'margin fee': 'spend:margin-fee', 'other fee': 'fee',
  'borrowing fee': 'spend:loan-fee', 'repay loan': 'spend:loan-repayment', 'expense non taxable': 'withdrawal',
};

export const coinTrackingTrades = defineImporter({
  id: 'cointracking-trades',
  label: 'CoinTracking: trade table (Type, Buy, Cur., Sell, Cur., Fee, Cur., Exchange, Group, Comment, Date)',
  howToExport: 'CoinTracking › Enter Coins (Trade Table) › Export › CSV',
  wallet: 'cointracking',
  columns: {
    type: text('Type'),
    buy: amount('Buy'),
    buyCur: text('Cur.'),
    sell: amount('Sell'),
    sellCur: text('Cur.'),
    fee: ifPresent(amount('Fee')),
    feeCur: ifPresent(text('Cur.')),
    exchange: text('Exchange'),
    group: text('Group'),
    comment: ifPresent(text('Comment')),
    date: instant('Date'),
  },
  mapRow(row): RowOutcome {
    const received = leg(row.buyCur, row.buy);
    const sent = leg(row.sellCur, row.sell);
    const fee = row.fee !== undefined ? leg(row.feeCur, row.fee) : undefined;
    const base = { wallet: row.exchange || 'cointracking', instant: row.date, ...(fee ? { fee } : {}), ...(row.comment ? { note: row.comment } : {}) };
    const key = labelKey(row.type);
    if (key === 'trade') {
      if (!sent || !received) return reject('ROW_MISSING_VALUE', 'a Trade needs a Buy and a Sell amount');
      return events({ kind: 'trade', sent, received, ...base });
    }
    const inMeaning = IN[key];
    if (inMeaning) return received ? inflow(inMeaning, received, base) : reject('ROW_MISSING_VALUE', `${row.type} needs a Buy amount`);
    const outMeaning = OUT[key];
    if (outMeaning) return sent ? outflow(outMeaning, sent, base) : reject('ROW_MISSING_VALUE', `${row.type} needs a Sell amount`);
    return reject('ROW_UNKNOWN_TYPE', `unknown CoinTracking Type "${row.type}"`);
  },
});
