/**
 * The United Kingdom as a `Jurisdiction` (pure): tax years from 6 April to 5 April, named by the
 * year they end in (`tax-year.ts`), and HMRC's share identification for cryptoassets — same day,
 * the next 30 days, then the section 104 pool (`match-uk.ts`, README.md) — instead of the
 * engine's specific lots. No US-style loss limit: the annual exempt amount and losses are in
 * the UK totals (`uk-summary.ts`). The PDF is built in (no template folder).
 */
import type { Jurisdiction } from '../jurisdiction.js';
import { ukTaxYearLabel, ukTaxYearOf, ukTaxYearRange } from './tax-year.js';

export const UK: Jurisdiction = {
  id: 'uk',
  code: 'UK',
  defaults: { currency: 'GBP', timezone: 'Europe/London' },
  taxYearOf: ukTaxYearOf,
  taxYearRange: ukTaxYearRange,
  taxYearLabel: ukTaxYearLabel,
  identification: 'share-pooling',
};
