/**
 * Engine tests written like a ledger. Each line: `DATE[ TIME] WALLET VERB ...`
 *
 *   2023-01-01 a buy 1 BTC for 16000 USD fee 10 USD
 *   2023-03-01 a sell 0.5 BTC for 14000 USD
 *   2023-03-02 a swap 1 ETH for 0.1 BTC worth 2000 USD fee 0.005 ETH
 *   2023-03-03 a withdraw 1 BTC fee 0.0001 BTC worth 45000 USD tx abc
 *   2023-03-03 b deposit 1 BTC tx abc
 *   2023-03-04 a transfer 1 BTC to b
 *   2023-03-05 a income staking 0.5 SOL worth 50 USD
 *   2023-03-06 a gift 0.1 BTC
 *   2023-03-07 a spend 0.1 BTC worth 3000 USD
 *   2023-03-08 a fork 1 BCH worth 300 USD   (hard fork: airdrop income, Rev. Rul. 2019-24)
 *   2023-03-09 a migrate 120 MATIC to 120 POL
 *
 * `worth` states the market value of the received side (buy/swap/income) or of the moved amount.
 * Lines are numbered as source lines of a file called `ledger`, so results can be traced.
 */
import { Dec } from '../../src/model/decimal.js';
import type { IncomeKind, LedgerEvent, Quantity } from '../../src/model/ledger-event.js';
import { parseInstant } from '../../src/importers/parse-instant.js';
import { computeGains, type BookingPolicy, type GainsResult } from '../../src/engine/compute-gains.js';
import { US_BOOKING } from '../../src/jurisdictions/us/us-jurisdiction.js';
import { matchTransfers, DEFAULT_TRANSFER_MATCHING } from '../../src/engine/match-transfers.js';
import { createPriceBook, type PricePoint } from '../../src/pricing/price-book.js';
import { priceEvents } from '../../src/pricing/price-events.js';
import { DEFAULT_USD_STABLECOINS } from '../../src/model/asset.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export function ledger(strings: TemplateStringsArray, ...values: unknown[]): LedgerEvent[] {
  const text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  return parseLedger(text);
}

export function parseLedger(text: string): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const tokens = line.split(/\s+/);
    const date = tokens.shift() as string;
    const time = /^\d{2}:\d{2}/.test(tokens[0] ?? '') ? (tokens.shift() as string) : '12:00:00';
    const instant = parseInstant(`${date} ${time}`) as number;
    const wallet = tokens.shift() as string;
    const verb = tokens.shift() as string;
    const source = { file: 'ledger', line: index + 1, format: 'test-ledger' };
    const base = { id: `ledger:${index + 1}`, wallet, instant, source };
    const rest = tokens.join(' ');
    const q = (amount: string, asset: string, value?: Quantity['value']): Quantity => ({ asset, amount: new Dec(amount), ...(value ? { value } : {}) });
    const opt = (re: RegExp): RegExpExecArray | null => re.exec(rest);
    const fee = opt(/fee (\S+) (\S+)/);
    const worth = opt(/worth (\S+) (\S+)/);
    const tx = opt(/tx (\S+)/);
    const value = worth ? { amount: new Dec(worth[1] as string), currency: worth[2] as string } : undefined;
    const extra = { ...(fee ? { fee: q(fee[1] as string, fee[2] as string) } : {}), ...(tx ? { txHash: tx[1] as string } : {}) };
    const m = (re: RegExp): RegExpExecArray => {
      const r = re.exec(rest);
      if (!r) throw new Error(`ledger line ${index + 1}: cannot read "${line}"`);
      return r;
    };
    switch (verb) {
      case 'buy': {
        const [, a, asset, x, cur] = m(/^(\S+) (\S+) for (\S+) (\S+)/);
        events.push({ ...base, ...extra, kind: 'trade', sent: q(x as string, cur as string), received: q(a as string, asset as string) });
        break;
      }
      case 'sell': {
        const [, a, asset, x, cur] = m(/^(\S+) (\S+) for (\S+) (\S+)/);
        events.push({ ...base, ...extra, kind: 'trade', sent: q(a as string, asset as string), received: q(x as string, cur as string) });
        break;
      }
      case 'swap': {
        const [, a, asset, b, asset2] = m(/^(\S+) (\S+) for (\S+) (\S+)/);
        events.push({ ...base, ...extra, kind: 'trade', sent: q(a as string, asset as string), received: q(b as string, asset2 as string, value) });
        break;
      }
      case 'deposit': {
        const [, a, asset] = m(/^(\S+) (\S+)/);
        events.push({ ...base, ...extra, kind: 'deposit', received: q(a as string, asset as string, value) });
        break;
      }
      case 'withdraw': {
        const [, a, asset] = m(/^(\S+) (\S+)/);
        events.push({ ...base, ...extra, kind: 'withdrawal', sent: q(a as string, asset as string, value) });
        break;
      }
      case 'transfer': {
        const [, a, asset, to] = m(/^(\S+) (\S+) to (\S+)/);
        const sent = q(a as string, asset as string, value);
        events.push({ ...base, ...extra, kind: 'transfer', toWallet: to as string, sent, received: sent, matchedBy: 'stated' });
        break;
      }
      case 'income': {
        const [, kind, a, asset] = m(/^(\S+) (\S+) (\S+)/);
        events.push({ ...base, ...extra, kind: 'income', incomeKind: kind as IncomeKind, received: q(a as string, asset as string, value) });
        break;
      }
      case 'gift': {
        const [, a, asset] = m(/^(\S+) (\S+)/);
        events.push({ ...base, ...extra, kind: 'removal', removalKind: 'gift', sent: q(a as string, asset as string) });
        break;
      }
      case 'spend': {
        const [, a, asset] = m(/^(\S+) (\S+)/);
        events.push({ ...base, ...extra, kind: 'spend', spendKind: 'payment', sent: q(a as string, asset as string, value) });
        break;
      }
      case 'migrate': {
        const [, a, asset, b, asset2] = m(/^(\S+) (\S+) to (\S+) (\S+)/);
        events.push({ ...base, ...extra, kind: 'conversion', sent: q(a as string, asset as string), received: q(b as string, asset2 as string) });
        break;
      }
      case 'fork': {
        const [, a, asset] = m(/^(\S+) (\S+)/);
        events.push({ ...base, ...extra, kind: 'income', incomeKind: 'airdrop', received: q(a as string, asset as string, value) });
        break;
      }
      default:
        throw new Error(`ledger line ${index + 1}: unknown verb "${verb}"`);
    }
  });
  return events;
}

export interface LedgerRun extends GainsResult {
  readonly allDiagnostics: readonly Diagnostic[];
}

/** Run the engine on ledger events the way the pipeline does: match transfers, price, compute. */
export function runLedger(events: readonly LedgerEvent[], policy: Partial<BookingPolicy> = {}, prices: readonly PricePoint[] = []): LedgerRun {
  const matched = matchTransfers(events, DEFAULT_TRANSFER_MATCHING);
  const book = createPriceBook({ reportCurrency: 'USD', stablecoins: DEFAULT_USD_STABLECOINS, table: prices, windowMs: 86_400_000 });
  const timezone = policy.timezone ?? 'UTC';
  const pricing = priceEvents(matched.events, book, timezone);
  const gains = computeGains(pricing.priced, { method: 'FIFO', lotScope: 'auto', perWalletFrom: '2025-01-01', timezone, rules: US_BOOKING, ...policy });
  return { ...gains, allDiagnostics: [...matched.diagnostics, ...pricing.diagnostics, ...gains.diagnostics] };
}

/** Sum of a field over all slices, as an exact string. */
export function total(result: GainsResult, field: 'proceeds' | 'basis' | 'quantity'): string {
  return result.disposals.flatMap((d) => d.slices).reduce((s, x) => s.plus(x[field]), new Dec(0)).toFixed();
}

export function gain(result: GainsResult): string {
  return result.disposals.flatMap((d) => d.slices).reduce((s, x) => s.plus(x.proceeds).minus(x.basis), new Dec(0)).toFixed();
}
