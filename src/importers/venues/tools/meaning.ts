/**
 * What a one-sided row of another tool's export means, as a short code: the tools label rows
 * ("Staking", "Gift", "Margin Loss"), and each label maps to one of these. `pnl` is a derivative
 * result another tool already netted (a realised gain in, a loss out; see `src/derivatives`).
 * A hard-fork label maps to `income:airdrop`: units received after a hard fork are ordinary
 * income at market value when received, and that value is their basis (Rev. Rul. 2019-24;
 * docs/tax-rules.md §1.10).
 */
import type { Quantity } from '../../../model/ledger-event.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { events, type EventDraft, type RowOutcome } from '../../importer-spec.js';

export type InMeaning =
  | 'deposit' | 'income:staking' | 'income:airdrop' | 'income:mining' | 'income:interest' | 'income:reward' | 'income:other'
  | 'acquisition:loan' | 'pnl';
export type OutMeaning =
  | 'withdrawal' | 'removal:gift' | 'removal:donation' | 'removal:lost' | 'spend:payment' | 'spend:cost' | 'spend:tax'
  | 'spend:margin-fee' | 'spend:loan-fee' | 'spend:loan-repayment' | 'fee' | 'pnl';

export type Base = Omit<EventDraft, 'kind'> & { readonly instant: number; readonly fee?: Quantity };

function pnl(q: Quantity, sign: 1 | -1, base: Base): RowOutcome {
  const draft = derivativeDraft('realized-pnl', {
      instant: base.instant,
      account: '',
      contract: '',
      asset: q.asset,
      amount: sign === 1 ? q.amount : q.amount.negated(),
      fee: base.fee,
      note: base.note,
      txHash: base.txHash,
  });
  return events(base.wallet ? ({ ...draft, wallet: base.wallet } as EventDraft) : draft);
}

export function inflow(meaning: InMeaning, received: Quantity, base: Base): RowOutcome {
  if (meaning === 'pnl') return pnl(received, 1, base);
  if (meaning === 'deposit') return events({ kind: 'deposit', received, ...base } as EventDraft);
  const [kind, sub] = meaning.split(':');
  if (kind === 'income') return events({ kind: 'income', incomeKind: sub, received, ...base } as EventDraft);
  return events({ kind: 'acquisition', acquisitionKind: sub, received, ...base } as EventDraft);
}

export function outflow(meaning: OutMeaning, sent: Quantity, base: Base): RowOutcome {
  if (meaning === 'pnl') return pnl(sent, -1, base);
  if (meaning === 'withdrawal') return events({ kind: 'withdrawal', sent, ...base } as EventDraft);
  if (meaning === 'fee') {
    const { fee: extra, ...rest } = base;
    return extra && extra.asset === sent.asset
      ? events({ kind: 'fee', ...rest, fee: { asset: sent.asset, amount: sent.amount.plus(extra.amount) } } as EventDraft)
      : events({ kind: 'fee', ...rest, fee: sent } as EventDraft, ...(extra ? [{ kind: 'fee', ...rest, fee: extra } as EventDraft] : []));
  }
  const [kind, sub] = meaning.split(':');
  if (kind === 'removal') return events({ kind: 'removal', removalKind: sub, sent, ...base } as EventDraft);
  return events({ kind: 'spend', spendKind: sub, sent, ...base } as EventDraft);
}

/** Labels looked up case- and separator-insensitively: `Margin_trading_loss` = `margin trading loss`. */
export function labelKey(label: string): string {
  return label.trim().toLowerCase().replace(/[_\s/-]+/g, ' ');
}
