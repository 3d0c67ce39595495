/**
 * KuCoin "Futures Orders – Realized PNL" bundle file (docs/formats.md §2.7, §2.15): one row per closed
 * position, with its opening and closing times.
 *
 * Menu: KuCoin › Account › Export Data › Futures Orders › Realized PNL.
 * Header: `UID,Account Type,Symbol,Close Type,Realized PNL,Total Realized PNL,Total Funding Fees,
 * Total Trading Fees,Position Opening Time(…),Position Closing Time(…)`.
 *
 * Mapping: `Total Realized PNL` is the position's price PnL before costs and `Realized PNL` the
 * result after them: `Realized PNL = Total Realized PNL − Total Trading Fees + Total Funding
 * Fees` (BittyTax/BittyTax#377, where a user reconciles both columns against the fills; BittyTax's
 * parser books `Realized PNL − (Funding − Trading)` as the gross gain; KuCoin's position API pairs
 * the two as `realisedGrossPnl` / `realisedPnl`). So `Total Realized PNL` → realized PnL (a
 * liquidation when `Close Type` names one, an ADL close for ADL); `Total Funding Fees` is signed
 * funding (positive = received, negative = paid); `Total Trading Fees` is commission paid
 * (positive = paid). A row whose `Realized PNL` differs from that relation by more than two units
 * of the last decimal place the row shows (independently rounded cells) is rejected. Each row
 * is its own position (`Symbol@opening time`) opened at `Position Opening Time`, so the holding
 * period is known. Settlement asset from the contract (BittyTax): `…USDTM` → USDT, `…USDCM` →
 * USDC, `…USDM` → the base coin (inverse), `XBT` → BTC. Times: the offset in the header, else
 * Singapore time (common.ts).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { formatInstant } from '../../../model/local-date.js';
import type { DerivativeKind } from '../../../model/ledger-event.js';
import { Dec, ZERO } from '../../../model/decimal.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { defineImporter, events, reject, skip, type EventDraft } from '../../importer-spec.js';
import { EMPTY_REPORT, EMPTY_REPORT_REASON, KUCOIN_DEFAULT_ZONE, missing } from './common.js';

/** Settlement asset of a KuCoin futures contract, or undefined when the name is not understood. */
export function kucoinSettlement(symbol: string): string | undefined {
  const s = symbol.trim().toUpperCase();
  const m = /^([A-Z0-9]+?)(USDT|USDC|USD)M$/.exec(s);
  if (!m) return undefined;
  if (m[2] === 'USD') return normalizeAsset(m[1] === 'XBT' ? 'BTC' : (m[1] as string));
  return m[2];
}

function closeKind(closeType: string): DerivativeKind {
  if (/liquidat/i.test(closeType)) return 'liquidation';
  if (/adl|deleverag/i.test(closeType)) return 'adl';
  return 'realized-pnl';
}

export const kucoinFuturesRealizedPnl = defineImporter({
  id: 'kucoin-futures-realized-pnl',
  label: 'KuCoin Futures Realized PNL (one row per closed position)',
  howToExport: 'KuCoin › Account › Export Data › Futures Orders › Realized PNL',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  // Optional cells: the empty-report row has only its first cell.
  columns: {
    uid: text('UID'),
    accountType: text('Account Type'),
    symbol: text('Symbol'),
    closeType: text('Close Type'),
    realizedPnl: optional(decimal('Realized PNL')),
    total: optional(decimal('Total Realized PNL')),
    funding: optional(decimal('Total Funding Fees')),
    trading: optional(decimal('Total Trading Fees')),
    opened: optional(instant(/^Position Opening Time/i)),
    closed: optional(instant(/^,?Position Closing Time/i)),
  },
  mapRow(row) {
    if (row.uid === EMPTY_REPORT) return skip(EMPTY_REPORT_REASON);
    const { realizedPnl, total, funding, trading, opened, closed } = row;
    if (realizedPnl === undefined) return missing('Realized PNL');
    if (total === undefined) return missing('Total Realized PNL');
    if (closed === undefined) return missing('Position Closing Time');
    const asset = kucoinSettlement(row.symbol);
    if (!asset) return reject('ROW_UNKNOWN_TYPE', `KuCoin futures contract "${row.symbol}": settlement asset unknown (expected …USDTM, …USDCM or …USDM)`);
    const fundingAmount = funding ?? ZERO;
    const fees = trading ?? ZERO;
    const expected = total.minus(fees).plus(fundingAmount);
    const places = Math.max(...[realizedPnl, total, fundingAmount, fees].map((d) => d.decimalPlaces()));
    if (expected.minus(realizedPnl).abs().greaterThan(new Dec(2).times(new Dec(10).pow(-places)))) {
      return reject(
        'ROW_INCONSISTENT',
        `KuCoin ${row.symbol}: Realized PNL ${realizedPnl.toFixed()} is not Total Realized PNL ${total.toFixed()} − trading fees ${fees.toFixed()} + funding ${fundingAmount.toFixed()} (= ${expected.toFixed()})`,
      );
    }
    const base = {
      instant: closed,
      account: row.accountType || 'futures',
      contract: row.symbol,
      asset,
      position: `${row.symbol}@${formatInstant(opened ?? closed)}`,
      openedAt: opened,
    };
    const drafts: EventDraft[] = [derivativeDraft(closeKind(row.closeType), { ...base, amount: total, note: `close type ${row.closeType}` })];
    if (!fundingAmount.isZero()) drafts.push(derivativeDraft('funding', { ...base, amount: fundingAmount }));
    if (!fees.isZero()) drafts.push(derivativeDraft('commission', { ...base, amount: fees.negated() }));
    return events(...drafts);
  },
});
