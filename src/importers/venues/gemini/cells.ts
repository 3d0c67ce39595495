/**
 * Gemini's per-asset columns and their display-formatted cells.
 *
 * The transaction history has one column group per asset the account ever held —
 * `<A> Amount <A>`, `Fee (<A>) <A>`, `<A> Balance <A>` — so its header differs between users
 * (docs/formats.md §2.5). The shared driver hands `mapRow` only declared columns, so the importer
 * declares an optional amount and fee column for every asset Gemini lists (`GEMINI_ASSETS`);
 * a row naming an asset outside this list is rejected with a message saying so (not guessed).
 *
 * Cells are formatted for display: `$766.12 `, `"$4,478.35 "`, `($1.92)`, `0.4995 BTC `,
 * `(0.07 BTC)`. Parentheses mean negative and may wrap a unit, which `parseNumber` alone does
 * not accept (`(0.07 BTC)`), hence this column type.
 */
import type { Dec } from '../../../model/decimal.js';
import type { Column } from '../../columns.js';
import { parseNumber } from '../../parse-number.js';

/** Fiat and crypto assets Gemini has listed (gemini.com/prices and fee schedule; fiat first). */
export const GEMINI_ASSETS: readonly string[] = [
  'USD', 'EUR', 'GBP', 'SGD', 'CAD', 'AUD', 'HKD', 'CHF',
  'BTC', 'ETH', 'BCH', 'LTC', 'ZEC', 'FIL', 'BAT', 'LINK', 'DAI', 'OXT', 'AMP', 'COMP', 'PAXG',
  'MKR', 'ZRX', 'KNC', 'STORJ', 'MANA', 'AAVE', 'SNX', 'YFI', 'UMA', 'BAL', 'CRV', 'REN', 'UNI',
  'ENJ', 'BNT', '1INCH', 'LRC', 'SAND', 'GRT', 'SKL', 'CUBE', 'LPT', 'MATIC', 'POL', 'INJ',
  'SUSHI', 'DOGE', 'ALCX', 'MIR', 'FTM', 'ANKR', 'CTX', 'XTZ', 'AXS', 'SLP', 'LUNA', 'UST',
  'MCO2', 'WCFG', 'RARE', 'RAD', 'QNT', 'NMR', 'MASK', 'FET', 'ASH', 'AUDIO', 'API3', 'USDC',
  'USDT', 'GUSD', 'SHIB', 'RNDR', 'RENDER', 'MC', 'GALA', 'ENS', 'KP3R', 'CVC', 'ELON', 'MIM',
  'SPELL', 'TOKE', 'LDO', 'RLY', 'SOL', 'RAY', 'SBR', 'APE', 'JAM', 'DPI', 'EFIL', 'GMT', 'QRDO',
  'ATOM', 'DOT', 'AVAX', 'XRP', 'ADA', 'PEPE', 'BONK', 'WIF', 'POPCAT', 'HNT', 'ARB', 'OP',
  'CHZ', 'IOTX', 'GAL', 'PYUSD', 'ERN', 'FXS', 'BICO', 'IMX', 'METIS', 'ZBC', 'CHR', 'EUL',
  'GODS', 'PLA', 'REVV', 'SAMO', 'STX', 'TRU', 'XCN', 'DYDX', 'JTO', 'JUP', 'PYTH', 'TIA', 'SEI',
  'SUI', 'APT', 'NEAR', 'HBAR', 'XLM', 'TRUMP', 'MOODENG', 'PNUT', 'GOAT', 'CAT', 'FLOKI',
];

export const amountKey = (asset: string): `amount:${string}` => `amount:${asset}`;
export const feeKey = (asset: string): `fee:${string}` => `fee:${asset}`;

/** An optional Gemini money cell: empty gives `undefined`; `(…)` is negative. */
export function geminiMoney(header: string | readonly string[]): Column<Dec | undefined> {
  return {
    headers: typeof header === 'string' ? [header] : header,
    presence: 'optional',
    parse(cell, ctx) {
      const t = (cell ?? '').trim();
      if (t === '') return { ok: true, value: undefined };
      const wrapped = /^\((.*)\)$/.exec(t);
      const n = parseNumber((wrapped?.[1] ?? t).trim(), ctx.numberStyle);
      if (!n) return { ok: false, problem: { code: 'ROW_BAD_NUMBER', message: `cannot read "${t}" as an amount in column "${ctx.header}"` } };
      return { ok: true, value: wrapped ? n.value.negated() : n.value };
    },
  };
}

type AssetColumns = { [k: `amount:${string}`]: Column<Dec | undefined> } & { [k: `fee:${string}`]: Column<Dec | undefined> };

/**
 * `amount:BTC` ← `BTC Amount BTC` (or the 2017 `BTC Amount`), `fee:BTC` ← `Fee (BTC) BTC` (or the
 * 2017 `Trading Fee (BTC)`, docs/formats.md §2.5), for every listed asset.
 */
export function assetColumns(): AssetColumns {
  const columns: AssetColumns = {};
  for (const a of GEMINI_ASSETS) {
    // Current headers, then the older (2017) ones: `USD Amount`, `Trading Fee (USD)`.
    columns[amountKey(a)] = geminiMoney([`${a} Amount ${a}`, `${a} Amount`]);
    columns[feeKey(a)] = geminiMoney([`Fee (${a}) ${a}`, `Trading Fee (${a})`]);
  }
  return columns;
}
