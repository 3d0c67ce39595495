/**
 * What the OKX exports share: the zone of their wall-clock times and the rejection of
 * derivative trade types.
 */
import { reject, type RowOutcome } from '../../importer-spec.js';

/**
 * OKX writes statement times in the zone chosen on the site, default UTC+8; the current trading
 * history states it in a preamble line (`…,Time Zone:UTC+8`), which the specs read (`zoneFrom`).
 * Files without that line use the documented default (docs/formats.md §2.9); `--input-timezone`
 * overrides both.
 */
export const OKX_ZONE = '+08:00';

const DERIVATIVE_TRADE_TYPES = new Set(['perpetual', 'swap', 'futures', 'margin', 'options', 'option', 'expiry futures']);

/**
 * `Spot` → undefined (read it), `Transfer` → skip, margin/options → ROW_UNSUPPORTED, other →
 * unknown. Perpetuals and futures are read before this is asked (`derivative-rows.ts`).
 */
export function nonSpot(tradeType: string, instrument: string): RowOutcome | undefined {
  const key = tradeType.trim().toLowerCase();
  if (key === 'spot') return undefined;
  if (DERIVATIVE_TRADE_TYPES.has(key)) {
    return reject('ROW_UNSUPPORTED', `OKX ${tradeType} row${instrument ? ` on ${instrument}` : ''}: OKX margin and options rows are not supported`);
  }
  return reject('ROW_UNKNOWN_TYPE', `unknown OKX trade type "${tradeType}"`);
}
