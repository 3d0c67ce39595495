/**
 * Every jurisdiction taxlot reports for, by id (`--jurisdiction`, `ReportOptions.jurisdiction`,
 * a batch client's `taxlot.json`). A new one is a folder beside this file plus a line here
 * (src/jurisdictions/README.md, "A new jurisdiction").
 */
import type { Jurisdiction, JurisdictionId } from './jurisdiction.js';
import { UK } from './uk/uk-jurisdiction.js';
import { US } from './us/us-jurisdiction.js';

export type { Jurisdiction, JurisdictionId } from './jurisdiction.js';

export const JURISDICTIONS: Readonly<Record<JurisdictionId, Jurisdiction>> = { us: US, uk: UK };

/**
 * The jurisdiction of an id; absent means the US (the default of every entry point), and so does
 * an id no entry knows (a library caller's untyped options: as before this table existed).
 */
export function jurisdictionFor(id: JurisdictionId | undefined): Jurisdiction {
  return (id !== undefined && Object.hasOwn(JURISDICTIONS, id) ? JURISDICTIONS[id] : undefined) ?? JURISDICTIONS.us;
}
