/**
 * Paxful — completed trades (docs/formats.md "Paxful"; everytrade `paxful_v001` fixture): `type,
 * fiat_currency, amount_fiat, amount_btc, rate, fee_fiat, fee_btc, market_rate_usd,
 * payment_method, partner, status, completed_at, trade_hash, offer_hash`. `BUY` paid
 * `amount_fiat` for `amount_btc`; `SELL` gave `amount_btc` for `amount_fiat`, Paxful's fee in BTC
 * charged to the seller in addition. Only `successful` trades count; `-` means none.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import { parseNumber } from '../../parse-number.js';
import { decimal, instant, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type Importer, type RowOutcome } from '../../importer-spec.js';

const maybe = (t: string): Dec | undefined => (/^-?\d+(\.\d+)?$/.test(t.trim()) ? parseNumber(t.trim())?.value : undefined);

export const paxfulTrades = defineImporter({
  id: 'paxful-trades',
  label: 'Paxful: trades (type, fiat_currency, amount_fiat, amount_btc, rate, fee_fiat, fee_btc, …, completed_at, trade_hash)',
  howToExport: 'Paxful › Trade history › Download (CSV)',
  wallet: 'paxful',
  columns: {
    type: text('type'),
    fiatCurrency: text('fiat_currency'),
    amountFiat: decimal('amount_fiat'),
    amountBtc: decimal('amount_btc'),
    feeBtc: text('fee_btc'),
    status: text('status'),
    completed: instant('completed_at'),
    hash: text('trade_hash'),
  },
  signature: { also: ['rate', 'fee_fiat', 'offer_hash'] },
  // real exports leave the empty offer_hash cell off the end of every row
  lastCellMayBeMissing: 'offer_hash',
  mapRow(row): RowOutcome {
    if (row.status.toLowerCase() !== 'successful') return skip(`trade ${row.status}: not completed`);
    const fiat = { asset: normalizeAsset(row.fiatCurrency), amount: row.amountFiat.abs() };
    const btc = { asset: 'BTC', amount: row.amountBtc.abs() };
    const feeBtc = maybe(row.feeBtc);
    const fee = feeBtc && !feeBtc.isZero() ? { fee: { asset: 'BTC', amount: feeBtc.abs() } } : {};
    const base = { instant: row.completed, note: `Paxful trade ${row.hash}`, ...fee };
    const t = row.type.toUpperCase();
    if (t === 'BUY') return events({ kind: 'trade', sent: fiat, received: btc, ...base });
    if (t === 'SELL') return events({ kind: 'trade', sent: btc, received: fiat, ...base });
    return reject('ROW_UNKNOWN_TYPE', `unknown Paxful type "${row.type}"`);
  },
});

export const PAXFUL_IMPORTERS: readonly Importer[] = [paxfulTrades];
