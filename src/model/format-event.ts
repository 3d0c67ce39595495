/**
 * One stable line per event: the currency of golden files and debug output.
 *
 * `2024-03-01T12:00:00Z  kraken  trade  sent 100 USD  received 0.0025 BTC [value 100 USD]  fee 0.26 USD  @ file.csv:4`
 * Decimals print exactly as held (no rounding, no exponent), so a golden file pins the exact
 * quantities an importer produced.
 */
import type { DerivativeEvent, LedgerEvent, Quantity } from './ledger-event.js';
import { formatInstant } from './local-date.js';
import { formatSourceRef } from './source-ref.js';

export function formatQuantity(q: Quantity): string {
  const value = q.value ? ` [value ${q.value.amount.toFixed()} ${q.value.currency}]` : '';
  return `${q.amount.toFixed()} ${q.asset}${value}`;
}

/** `realized-pnl  -5 USDT  contract BTCUSDT  account futures  fill close 0.01 → 0  balance 12.5` */
function formatDerivative(e: DerivativeEvent): string[] {
  const parts = [e.kind, `${e.amount.toFixed()} ${e.asset}`];
  if (e.contract) parts.push(`contract ${e.contract}`);
  if (e.account) parts.push(`account ${e.account}`);
  if (e.position) parts.push(`position ${e.position}`);
  if (e.openedAt !== undefined) parts.push(`opened ${formatInstant(e.openedAt)}`);
  if (e.fill) {
    const after = e.fill.positionAfter ? ` → ${e.fill.positionAfter.toFixed()}` : '';
    parts.push(`fill ${e.fill.action}${e.fill.side ? ` ${e.fill.side}` : ''} ${e.fill.quantity.toFixed()}${after}`);
  }
  if (e.balanceAfter) parts.push(`balance ${e.balanceAfter.toFixed()}`);
  return parts;
}

export function formatEvent(e: LedgerEvent): string {
  const parts: string[] = [formatInstant(e.instant), e.wallet, ...contentParts(e)];
  const refs = [e.source, ...(e.extraSources ?? [])].map((r) => `${r.file.split(/[\\/]/).pop()}:${r.line}`);
  parts.push(`@ ${refs.join(',')}`);
  return parts.join('  ');
}

/**
 * What the event says, without its instant, wallet or source rows: the same text for the same row
 * content whatever the file is called (the engine breaks same-instant ties on it).
 */
export function formatEventContent(e: LedgerEvent): string {
  return contentParts(e).join('  ');
}

function contentParts(e: LedgerEvent): string[] {
  const parts: string[] = [];
  switch (e.kind) {
    case 'trade':
      parts.push('trade', `sent ${formatQuantity(e.sent)}`, `received ${formatQuantity(e.received)}`);
      break;
    case 'deposit':
      parts.push('deposit', formatQuantity(e.received));
      break;
    case 'withdrawal':
      parts.push('withdrawal', formatQuantity(e.sent));
      break;
    case 'transfer':
      parts.push(`transfer to ${e.toWallet}`, `sent ${formatQuantity(e.sent)}`, `received ${formatQuantity(e.received)}`);
      break;
    case 'income':
      parts.push(`income:${e.incomeKind}`, formatQuantity(e.received));
      break;
    case 'acquisition':
      parts.push(`acquisition:${e.acquisitionKind}`, formatQuantity(e.received));
      break;
    case 'removal':
      parts.push(`removal:${e.removalKind}`, formatQuantity(e.sent));
      break;
    case 'spend':
      parts.push(`spend:${e.spendKind}`, formatQuantity(e.sent));
      break;
    case 'fee':
      parts.push('fee', formatQuantity(e.fee));
      break;
    case 'conversion':
      parts.push('conversion', `sent ${formatQuantity(e.sent)}`, `received ${formatQuantity(e.received)}`);
      break;
    default:
      // every remaining kind is a derivative row (DerivativeEvent); a new kind of another sort
      // would not type-check here, so none can be forgotten
      parts.push(...formatDerivative(e));
      break;
  }
  if (e.fee && e.kind !== 'fee') parts.push(`fee ${formatQuantity(e.fee)}`);
  if (e.txHash) parts.push(`tx ${e.txHash}`);
  if (e.note) parts.push(`note ${JSON.stringify(e.note)}`);
  return parts;
}

export { formatSourceRef };
