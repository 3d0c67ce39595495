/**
 * BittyTax — its transaction record format, the output of `bittytax_conv` and the input of
 * `bittytax` (docs/formats.md "BittyTax records"; BittyTax `conv/output_csv.py`, `bt_types.py`):
 * `Type, Buy Quantity, Buy Asset, Buy Value in GBP, Sell Quantity, Sell Asset, Sell Value in
 * GBP, Fee Quantity, Fee Asset, Fee Value in GBP, Wallet, Timestamp, Note` (the value currency
 * is the configured one, GBP by default; StakeTax writes the same layout with `Buy Value` and
 * `Tx ID`, `URL` added). Types: `Deposit`, `Withdrawal`, `Trade`, the income
 * types (`Mining`, `Staking-Reward` / `Staking`, `Interest`, `Dividend`, `Income`,
 * `Gift-Received`, `Airdrop`, `Referral`, `Cashback`, `Fee-Rebate`), `Fork`, `Loan`, the
 * outgoing ones (`Spend`, `Gift-Sent`, `Gift-Spouse`, `Charity-Sent`, `Lost`, `Loan-Repayment`,
 * `Loan-Interest`, `Margin-Fee`), margin results, and `Stake` / `Unstake` (moves into and out of
 * staking on the same wallet: no holding changes, skipped). Timestamps are written with their
 * zone's abbreviation (`2020-06-01T00:00:00 BST`).
 */
import { decimal, ifPresent, optional, text } from '../../columns.js';
import { usZoneInstant } from '../cashapp/cells.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { leg } from './cells.js';
import { inflow, labelKey, outflow, type InMeaning, type OutMeaning } from './meaning.js';

const IN: Readonly<Record<string, InMeaning>> = {
  deposit: 'deposit', mining: 'income:mining', 'staking reward': 'income:staking', staking: 'income:staking', interest: 'income:interest',
  dividend: 'income:other', income: 'income:other', 'gift received': 'income:other', airdrop: 'income:airdrop', referral: 'income:reward',
  cashback: 'income:reward', 'fee rebate': 'income:reward', 'margin fee rebate': 'income:reward', fork: 'income:airdrop', loan: 'acquisition:loan', 'margin gain': 'pnl',
};
const OUT: Readonly<Record<string, OutMeaning>> = {
  withdrawal: 'withdrawal', spend: 'spend:payment', 'gift sent': 'removal:gift', 'gift spouse': 'removal:gift', 'charity sent': 'removal:donation',
  lost: 'removal:lost', 'loan repayment': 'spend:loan-repayment', 'loan interest': 'spend:loan-fee', 'margin loss': 'pnl', 'margin fee': 'spend:margin-fee',
};

export const bittyTaxRecords = defineImporter({
  id: 'bittytax-records',
  label: 'BittyTax: transaction records (Type, Buy Quantity, Buy Asset, Buy Value in GBP, …, Wallet, Timestamp, Note)',
  howToExport: 'bittytax_conv <exports> (writes BittyTax.xlsx / --format CSV); or the records a user keeps by hand',
  wallet: 'bittytax',
  columns: {
    type: text('Type'),
    buyQty: optional(decimal('Buy Quantity')),
    buyAsset: text('Buy Asset'),
    buyValue: ifPresent(decimal(/^Buy Value( in \w+)?$/i)),
    sellQty: optional(decimal('Sell Quantity')),
    sellAsset: text('Sell Asset'),
    sellValue: ifPresent(decimal(/^Sell Value( in \w+)?$/i)),
    feeQty: optional(decimal('Fee Quantity')),
    feeAsset: text('Fee Asset'),
    wallet: text('Wallet'),
    timestamp: usZoneInstant('Timestamp'),
    note: text('Note'),
  },
  mapRow(row): RowOutcome {
    const key = labelKey(row.type);
    if (key === 'stake' || key === 'unstake') return skip(`${row.type}: into or out of staking on the same wallet, no holding changes`);
    const received = leg(row.buyAsset, row.buyQty);
    const sent = leg(row.sellAsset, row.sellQty);
    const fee = leg(row.feeAsset, row.feeQty);
    const base = { wallet: row.wallet || 'bittytax', instant: row.timestamp, ...(fee ? { fee } : {}), ...(row.note ? { note: row.note } : {}) };
    if (key === 'trade') return sent && received ? events({ kind: 'trade', sent, received, ...base }) : reject('ROW_MISSING_VALUE', 'a Trade needs Buy and Sell quantities');
    const i = IN[key];
    if (i) return received ? inflow(i, received, base) : reject('ROW_MISSING_VALUE', `${row.type} needs a Buy Quantity`);
    const o = OUT[key];
    if (o) {
      if (sent) return outflow(o, sent, base);
      if (fee && (key === 'spend' || key === 'withdrawal')) {
        const { fee: f, ...rest } = base;
        return events({ kind: 'fee', ...rest, fee: f as NonNullable<typeof fee> });
      }
      return reject('ROW_MISSING_VALUE', `${row.type} needs a Sell Quantity`);
    }
    return reject('ROW_UNKNOWN_TYPE', `unknown BittyTax Type "${row.type}"`);
  },
});
