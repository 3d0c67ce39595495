/**
 * What the OKX exports share: the zone of their wall-clock times and the rejection of
 * derivative trade types.
 */
import { reject, type RowOutcome } from '../../importer-spec.js';

/**
 * OKX writes statement times in the zone chosen on the site, default UTC+8; the current trading
 * history states it in a preamble line (`…,Time Zone:UTC+8`). The shared driver does not expose
 * lines above the header to a spec, so the documented default is used (formats.md §2.9); a user
 * who exported in another zone passes `--input-timezone`, which overrides this default.
 */
export const OKX_ZONE = '+08:00';

const DERIVATIVE_TRADE_TYPES = new Set(['perpetual', 'swap', 'futures', 'margin', 'options', 'option', 'expiry futures']);

/** `Spot` → undefined (read it), `Transfer` → skip, derivatives → ROW_UNSUPPORTED, other → unknown. */
export function nonSpot(tradeType: string, instrument: string): RowOutcome | undefined {
  const key = tradeType.trim().toLowerCase();
  if (key === 'spot') return undefined;
  if (DERIVATIVE_TRADE_TYPES.has(key)) {
    return reject('ROW_UNSUPPORTED', `OKX ${tradeType} row${instrument ? ` on ${instrument}` : ''}: margin/futures support is not yet available`);
  }
  return reject('ROW_UNKNOWN_TYPE', `unknown OKX trade type "${tradeType}"`);
}
