/**
 * US custodial brokers known to issue Form 1099-DA from tax year 2025, by taxlot wallet id. A
 * disposal in one of these wallets with no 1099-DA input for it raises `DA_FORM_EXPECTED`.
 * Sources (README of this folder, "Brokers known to issue Form 1099-DA"): each broker's help
 * page, or where none was found, a public report naming it.
 */
export const FORM_1099DA_BROKERS: Readonly<Record<string, string>> = {
  coinbase: 'Coinbase',
  kraken: 'Kraken',
  gemini: 'Gemini',
  robinhood: 'Robinhood',
  cryptocom: 'Crypto.com',
};

/** The first tax year of Form 1099-DA (gross proceeds of sales from 2025-01-01). */
export const FIRST_1099DA_YEAR = 2025;
