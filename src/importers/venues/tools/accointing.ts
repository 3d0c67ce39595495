/**
 * Accointing (now Blockpit) — transaction export (docs/formats.md "Accointing"; BittyTax
 * `accointing.py`): `timeExecuted, type, boughtQuantity, boughtCurrency, boughtCurrencyId,
 * soldQuantity, soldCurrency, soldCurrencyId, feeQuantity, feeCurrency, feeCurrencyId,
 * classification, walletName, walletProvider, [providerId,] txId, primaryAddress,
 * otherAddress, temporaryCurrencyName, …, id, associatedTransferId, comments[,
 * fiatValueOverwrite, feeFiatValueOverwrite]`. Both sides: a trade. One side: by
 * `classification` (empty / `internal` / `add_funds` / `remove_funds`: own funds; `staked`,
 * `lending_income`, `mined`, `airdrop`, `hard_fork`, `income`, `bounty`, … income; `gift_sent`,
 * `lost`, `payment`, `fee`, `interest_paid`, margin results …); `ignored` rows skipped. Dates
 * are `MM/DD/YYYY HH:MM:SS` UTC. The wallet is `walletName`.
 */
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { leg } from './cells.js';
import { inflow, outflow, type InMeaning, type OutMeaning } from './meaning.js';

const IN: Readonly<Record<string, InMeaning>> = {
  '': 'deposit', add_funds: 'deposit', internal: 'deposit', airdrop: 'income:airdrop', bounty: 'income:reward', gambling_income: 'income:other',
  gift_received: 'income:other', hard_fork: 'income:airdrop', income: 'income:other', lending_income: 'income:interest',
  liquidity_pool: 'income:staking', master_node: 'income:staking', mined: 'income:mining', staked: 'income:staking', margin_gain: 'pnl',
};
const OUT: Readonly<Record<string, OutMeaning>> = {
  '': 'withdrawal', remove_funds: 'withdrawal', internal: 'withdrawal', fee: 'fee', gambling_used: 'spend:payment', gift_sent: 'removal:gift',
  interest_paid: 'spend:loan-fee', lost: 'removal:lost', payment: 'spend:payment', margin_loss: 'pnl', margin_fee: 'spend:margin-fee',
};

export const accointingTransactions = defineImporter({
  id: 'accointing-transactions',
  label: 'Accointing: transactions (timeExecuted, type, boughtQuantity, boughtCurrency, …, classification, walletName, …)',
  howToExport: 'Accointing › Transactions › Export (CSV)',
  wallet: 'accointing',
  columns: {
    time: instant('timeExecuted', { order: 'mdy' }),
    type: text('type'),
    boughtQty: optional(decimal('boughtQuantity')),
    boughtCur: text('boughtCurrency'),
    soldQty: optional(decimal('soldQuantity')),
    soldCur: text('soldCurrency'),
    feeQty: optional(decimal('feeQuantity')),
    feeCur: text('feeCurrency'),
    classification: text('classification'),
    walletName: text('walletName'),
    txId: text('txId'),
    comments: text('comments'),
  },
  signature: { also: ['boughtCurrencyId', 'soldCurrencyId', 'walletProvider'] },
  mapRow(row): RowOutcome {
    const c = row.classification.trim().toLowerCase();
    if (c === 'ignored') return skip('classified "ignored" in Accointing');
    const received = leg(row.boughtCur, row.boughtQty);
    const sent = leg(row.soldCur, row.soldQty);
    const fee = leg(row.feeCur, row.feeQty);
    const base = { wallet: row.walletName || 'accointing', instant: row.time, ...(fee ? { fee } : {}), ...(row.txId ? { txHash: row.txId } : {}), ...(row.comments ? { note: row.comments } : {}) };
    if (sent && received) return events({ kind: 'trade', sent, received, ...base });
    if (received) {
      const m = IN[c];
      return m ? inflow(m, received, base) : reject('ROW_UNKNOWN_TYPE', `unknown Accointing classification "${row.classification}" on a deposit`);
    }
    if (sent) {
      const m = OUT[c];
      return m ? outflow(m, sent, base) : reject('ROW_UNKNOWN_TYPE', `unknown Accointing classification "${row.classification}" on a withdrawal`);
    }
    if (fee) {
      const { fee: f, ...rest } = base;
      return events({ kind: 'fee', ...rest, fee: f as NonNullable<typeof fee> });
    }
    return reject('ROW_MISSING_VALUE', 'no bought, sold or fee quantity');
  },
});
