/**
 * Blockpit — transaction export (docs/formats.md "Blockpit"; rotki `blockpit.py` and its test file,
 * BittyTax `blockpit.py`). Two layouts:
 * - 2024 (`blockpit-transactions`), `;`-separated: `Blockpit ID; Timestamp; Source Type; Source
 *   Name; Integration; Transaction Type; Outgoing Asset; Outgoing Amount; Incoming Asset;
 *   Incoming Amount; Fee Asset; Fee Amount; Transaction ID; Note; Merge ID`, dates
 *   `06.01.2023 20:08` (day first, UTC);
 * - earlier (`blockpit-transactions-v1`): `Date (UTC), Integration Name, Label, Outgoing Asset,
 *   Outgoing Amount, Incoming Asset, Incoming Amount, Fee Asset (optional), Fee Amount
 *   (optional), Comment (optional), Trx. ID (optional), Source Type, Source Name`.
 * Both sides: a trade. One side: by label (`Deposit`, `Withdrawal`, `Staking`, `Lending`,
 * `Airdrop`, `Bounties`, `Gift`, `Fee`, `NonTaxableIn` / `NonTaxableOut` (own-money moves),
 * `Margin_trading_profit` / `_loss`, …). A fee alone is a fee. The wallet is the `Source Name`.
 * Spreadsheets turn Blockpit's long ids into `1,55444E+13`: taxlot never reads them.
 */
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { leg } from './cells.js';
import { inflow, labelKey, outflow, type InMeaning, type OutMeaning } from './meaning.js';

const IN: Readonly<Record<string, InMeaning>> = {
  deposit: 'deposit', nontaxablein: 'deposit', 'non taxable in': 'deposit', staking: 'income:staking', lending: 'income:interest',
  airdrop: 'income:airdrop', bounties: 'income:reward', bounty: 'income:reward', mining: 'income:mining', income: 'income:other',
  gift: 'income:other', cashback: 'income:reward', 'margin trading profit': 'pnl', 'derivative profit': 'pnl', 'hard fork': 'income:airdrop',
};
const OUT: Readonly<Record<string, OutMeaning>> = {
  withdrawal: 'withdrawal', nontaxableout: 'withdrawal', 'non taxable out': 'withdrawal', gift: 'removal:gift', fee: 'fee',
  'margin trading loss': 'pnl', 'derivative loss': 'pnl', 'margin trading fee': 'spend:margin-fee', payment: 'spend:payment',
  lost: 'removal:lost', stolen: 'removal:lost', donation: 'removal:donation',
};

interface Parts {
  readonly time: number;
  readonly label: string;
  readonly outAsset: string;
  readonly outAmount: import('../../../model/decimal.js').Dec | undefined;
  readonly inAsset: string;
  readonly inAmount: import('../../../model/decimal.js').Dec | undefined;
  readonly feeAsset: string;
  readonly feeAmount: import('../../../model/decimal.js').Dec | undefined;
  readonly txid: string;
  readonly note: string;
  readonly source: string;
}

function mapBlockpit(p: Parts): RowOutcome {
  const sent = leg(p.outAsset, p.outAmount);
  const received = leg(p.inAsset, p.inAmount);
  const fee = leg(p.feeAsset, p.feeAmount);
  const base = { wallet: p.source || 'blockpit', instant: p.time, ...(fee ? { fee } : {}), ...(p.txid && p.txid.length > 8 ? { txHash: p.txid } : {}), note: [p.label, p.note].filter((x) => x).join(': ') };
  const key = labelKey(p.label);
  if (sent && received) return events({ kind: 'trade', sent, received, ...base });
  if (received) {
    const m = IN[key];
    return m ? inflow(m, received, base) : reject('ROW_UNKNOWN_TYPE', `unknown Blockpit type "${p.label}" on an incoming row`);
  }
  if (sent) {
    const m = OUT[key];
    return m ? outflow(m, sent, base) : reject('ROW_UNKNOWN_TYPE', `unknown Blockpit type "${p.label}" on an outgoing row`);
  }
  if (fee) {
    const { fee: f, ...rest } = base;
    return events({ kind: 'fee', ...rest, fee: f as NonNullable<typeof fee> });
  }
  return reject('ROW_MISSING_VALUE', 'no incoming, outgoing or fee amount');
}

export const blockpitTransactions = defineImporter({
  id: 'blockpit-transactions',
  label: 'Blockpit: transactions (Blockpit ID; Timestamp; Source Type; Source Name; …; Merge ID)',
  howToExport: 'Blockpit › Transactions › Export (CSV)',
  wallet: 'blockpit',
  zone: 'UTC',
  columns: {
    time: instant('Timestamp', { order: 'dmy' }),
    sourceName: text('Source Name'),
    type: text('Transaction Type'),
    outAsset: text('Outgoing Asset'),
    outAmount: optional(decimal('Outgoing Amount')),
    inAsset: text('Incoming Asset'),
    inAmount: optional(decimal('Incoming Amount')),
    feeAsset: text('Fee Asset'),
    feeAmount: optional(decimal('Fee Amount')),
    txid: text('Transaction ID'),
    note: text('Note'),
  },
  signature: { also: ['Blockpit ID', 'Source Type'] },
  mapRow: (row) =>
    mapBlockpit({ time: row.time, label: row.type, outAsset: row.outAsset, outAmount: row.outAmount, inAsset: row.inAsset, inAmount: row.inAmount, feeAsset: row.feeAsset, feeAmount: row.feeAmount, txid: row.txid, note: row.note, source: row.sourceName }),
});

export const blockpitTransactionsV1 = defineImporter({
  id: 'blockpit-transactions-v1',
  label: 'Blockpit: transactions, earlier layout (Date (UTC), Integration Name, Label, Outgoing Asset, …, Source Name)',
  howToExport: 'Blockpit › Transactions › Export (CSV), before 2024',
  wallet: 'blockpit',
  columns: {
    time: instant('Date (UTC)', { order: 'dmy' }),
    label: text('Label'),
    outAsset: text('Outgoing Asset'),
    outAmount: optional(decimal('Outgoing Amount')),
    inAsset: text('Incoming Asset'),
    inAmount: optional(decimal('Incoming Amount')),
    feeAsset: text('Fee Asset (optional)'),
    feeAmount: optional(decimal('Fee Amount (optional)')),
    comment: text('Comment (optional)'),
    txid: text('Trx. ID (optional)'),
    sourceName: text('Source Name'),
  },
  signature: { also: ['Integration Name'] },
  mapRow: (row) =>
    mapBlockpit({ time: row.time, label: row.label, outAsset: row.outAsset, outAmount: row.outAmount, inAsset: row.inAsset, inAmount: row.inAmount, feeAsset: row.feeAsset, feeAmount: row.feeAmount, txid: row.txid, note: row.comment, source: row.sourceName }),
});
