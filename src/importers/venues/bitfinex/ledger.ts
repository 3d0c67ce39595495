/**
 * Bitfinex — ledgers report (docs/formats.md §2.11; BittyTax `bitfinex.py` "Bitfinex Ledger").
 * Headers: `#,DESCRIPTION,CURRENCY,AMOUNT,BALANCE,DATE,WALLET` and the same without `#`.
 *
 * Export: bitfinex.com › Reports (report.bitfinex.com) › Ledgers › Export (CSV).
 *
 * The ledger repeats every trade, fee, deposit and withdrawal that the Trades and Movements
 * reports already carry; those rows are skipped with a reason naming the report to import (as
 * BittyTax, which keeps only referral income from this file). What no other report carries is
 * mapped, by the fixed `DESCRIPTION` texts Bitfinex writes (`… on wallet <name>`; texts from
 * BittyTax and a public ledger parser):
 * - `Earned fees from user …`, `Affiliate Rebate …` → income:reward (referral, BittyTax);
 * - `Margin Funding Payment`, `Interest Payment` → income:interest (the lender's interest on
 *   funding provided; decision: BittyTax leaves it out, but it is taxable interest);
 * - `<COIN> airdrop|distribution` → income:airdrop; `Staking reward|payment …` → income:staking;
 * - margin trading (docs/formats.md §2.15): `Position closed @ …`, `Position PL @ … settlement`,
 *   `Settlement @ …` → realized PnL (signed AMOUNT in CURRENCY); `Used/Unused Margin Funding
 *   Charge|Fee`, `Position [#id] funding cost`, `Position #id swap` → margin interest (signed);
 *   `Claiming fee …` → commission. Contract = the `#id` of the position when named, else ``;
 *   account = `WALLET`; `BALANCE` is the wallet balance after the row.
 * - `Position … claimed` (the user takes over a margin position's coins: a purchase booked as
 *   several ledger lines), `Adjustment #…`, `Extraordinary loss adj…`, token redemptions and
 *   snapshots are rejected ROW_UNSUPPORTED naming the text; any other description is rejected
 *   ROW_UNKNOWN_TYPE. Dates: the report's format, day-first default (`DD-MM-YY HH:MM:SS`) or ISO, UTC.
 */
import { ZERO } from '../../../model/decimal.js';
import type { DerivativeKind, IncomeKind } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { bitfinexAsset } from './symbols.js';

const DUPLICATES: readonly [RegExp, string][] = [
  [/^exchange .* for .* @ /i, 'trade leg: import the Bitfinex Trades report'],
  [/^trading (fees|rebate) for /i, 'trading fee or rebate: in the Bitfinex Trades report (FEE column)'],
  [/^(otc trade fee|hidden order fee|swap fee)/i, 'trading fee: in the Bitfinex Trades report (FEE column)'],
  [/^deposit( fee)? \(/i, 'deposit: import the Bitfinex Movements report'],
  [/^(.+ )?withdrawal #\d+/i, 'withdrawal: import the Bitfinex Movements report'],
  [/^(crypto )?withdrawal (express )?fee/i, 'withdrawal fee: in the Bitfinex Movements report (FEES column)'],
  [/^canceled withdrawal (fee|request)/i, 'cancelled withdrawal: reversed, no movement'],
  [/^transfer of .* from wallet .* to /i, "transfer between the user's own Bitfinex wallets"],
];

const INCOME: readonly [RegExp, IncomeKind][] = [
  [/^earned fees from user/i, 'reward'],
  [/^affiliate rebate/i, 'reward'],
  [/^margin funding payment/i, 'interest'],
  [/^interest payment/i, 'interest'],
  [/^\S+ (airdrop|distribution)\b/i, 'airdrop'],
  [/^staking (reward|payment)/i, 'staking'],
];

const DERIVATIVE: readonly [RegExp, DerivativeKind][] = [
  [/^position (#\d+ )?closed @ /i, 'realized-pnl'],
  [/^position pl @ .* settlement/i, 'realized-pnl'],
  [/^settlement @ /i, 'realized-pnl'],
  [/^(used |unused )?margin funding (charge|fee)/i, 'margin-interest'],
  [/^position (#\d+ )?funding cost/i, 'margin-interest'],
  [/^position #\d+ swap/i, 'margin-interest'],
  [/^claiming fee for /i, 'commission'],
];

const UNSUPPORTED = /^(position (#\d+ )?claimed|adjustment #|extraordinary loss adj|.* token redemption|.* snapshot step)/i;

export const bitfinexLedger = defineImporter({
  id: 'bitfinex-ledger',
  label: 'Bitfinex: ledgers report (income and margin rows; trades and movements come from their own reports)',
  howToExport: 'Bitfinex › Reports (report.bitfinex.com) › Ledgers › Export › CSV',
  wallet: 'bitfinex',
  zone: 'UTC',
  columns: {
    id: ifPresent(text('#')),
    description: text('DESCRIPTION'),
    currency: text('CURRENCY'),
    amount: decimal('AMOUNT'),
    balance: optional(decimal('BALANCE')),
    date: instant('DATE', { order: 'dmy' }),
    wallet: text('WALLET'),
  },
  mapRow(row): RowOutcome {
    const text = row.description.trim();
    const duplicate = DUPLICATES.find(([re]) => re.test(text));
    if (duplicate) return skip(`Bitfinex ledger ${duplicate[1]}`);
    if (row.currency === '') return reject('ROW_MISSING_VALUE', 'CURRENCY is empty');
    const asset = bitfinexAsset(row.currency);
    const income = INCOME.find(([re]) => re.test(text));
    if (income) {
      if (!row.amount.gt(ZERO)) return reject('ROW_INCONSISTENT', `"${text}" with AMOUNT ${row.amount.toFixed()}; expected a credit`);
      return events({ kind: 'income', incomeKind: income[1], instant: row.date, received: { asset, amount: row.amount }, note: text });
    }
    const derivative = DERIVATIVE.find(([re]) => re.test(text));
    if (derivative) {
      if (row.amount.isZero()) return skip('Bitfinex ledger row of zero amount');
      const position = /#(\d+)/.exec(text)?.[1];
      return events(
        derivativeDraft(derivative[1], {
          instant: row.date,
          account: row.wallet || 'margin',
          contract: position ? `position #${position}` : '',
          asset,
          amount: row.amount,
          balanceAfter: row.balance,
          note: text,
        }),
      );
    }
    if (UNSUPPORTED.test(text)) {
      return reject('ROW_UNSUPPORTED', `Bitfinex ledger row "${text}" is not supported`, 'enter its effect by hand in the taxlot generic format');
    }
    return reject('ROW_UNKNOWN_TYPE', `unknown Bitfinex ledger description "${text}"`);
  },
});
