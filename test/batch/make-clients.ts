/**
 * A generated clients folder for the batch tests, in the Koinly universal template (see
 * fixtures/importers/koinly-universal/basic.csv). Expected values are worked out by hand from the
 * contract's rules; each client's comment shows the arithmetic.
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KOINLY_HEADER =
  'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';

export const koinly = (...rows: string[]): string => `${[KOINLY_HEADER, ...rows].join('\n')}\n`;

/** Buy 0.1 BTC for 3,000 USD + 10 USD fee (basis 3,010); sell it for 3,500 USD - 10 USD fee (proceeds 3,490) 416 days later: long-term gain 480.00. */
export const ALICE = koinly('2023-01-10 10:00,3000,USD,0.1,BTC,10,USD,,,,buy,', '2024-03-01 10:00,0.1,BTC,3500,USD,10,USD,,,,sell,');

/** Buy 1 ETH for 2,000, sell it for 1,500 five months later: short-term loss -500.00, all deductible (limit 3,000). */
export const BOB_GOOD = koinly('2024-01-01 12:00,2000,USD,1,ETH,,,,,,buy,', '2024-06-01 12:00,1,ETH,1500,USD,,,,,,sell,');
/** An unterminated quote: the row is rejected with CSV_MALFORMED (an error; the report is still written). */
export const BOB_BROKEN = `${KOINLY_HEADER}\n2024-06-03 12:00,"1,BTC,,,,,,,,,\n`;

/** Sell 0.5 BTC never bought: zero basis, short-term gain 20,000.00, all of it at risk (MISSING_BASIS, BALANCE_NEGATIVE warnings). */
export const DAVE = koinly('2024-05-01 12:00,0.5,BTC,20000,USD,,,,,,sell,');

/** A staking reward worth 50.25 USD: income 50.25, no disposal. */
export const ERIN = koinly('2024-03-01 00:00,,,0.5,SOL,,,50.25,USD,reward,staking payout,');

/**
 * Three ETH lots at 1,000 (Jan), 3,000 (Feb), 2,000 (Mar); one ETH sold for 2,500 on Apr 1:
 * FIFO uses the 1,000 lot (+1,500.00), LIFO the 2,000 lot (+500.00), HIFO the 3,000 lot (-500.00).
 */
export const LOTS = koinly(
  '2024-01-02 12:00,1000,USD,1,ETH,,,,,,buy,',
  '2024-02-01 12:00,3000,USD,1,ETH,,,,,,buy,',
  '2024-03-01 12:00,2000,USD,1,ETH,,,,,,buy,',
  '2024-04-01 12:00,1,ETH,2500,USD,,,,,,sell,',
);

/** Year-end prices, so clients still holding ETH or SOL on December 31 get no PRICE_MISSING_YEAR_END warning. */
export const PRICES = 'date,asset,currency,price\n2024-12-31,ETH,USD,3400\n2024-12-31,SOL,USD,190\n';

export interface ClientsFixture {
  /** The temporary folder holding everything (clients, the outside folder, outputs). */
  readonly base: string;
  readonly clients: string;
  readonly outside: string;
}

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/**
 * clients/
 *   taxlot.json            {"year": 2024, "method": "lifo", "prices": "prices.csv"}
 *   prices.csv             (PRICES; a file beside the clients, not a client)
 *   ..evil/exchange.csv    (ALICE)                  → client "__evil", ok
 *   alice/exchange.csv     (ALICE)                  → ok
 *   bob/good.csv, bob/sub/broken.csv                 → errors (CSV_MALFORMED)
 *   carol/notes.csv        unknown format           → failed (nothing could be read)
 *   dave/wallet.csv        (DAVE)                   → warnings
 *   erin/rewards.csv + erin/leak.csv → ../../outside/secret.csv → warnings (link not followed)
 *   escape → ../outside    (a client folder leaving the clients folder) → failed
 *   frank/taxlot.json      {"methd": "fifo"}         → failed (unknown option)
 *   gina/taxlot.json       {"method": "hifo", "prices": "my-prices.csv"} → HIFO: -500.00
 *   gina/my-prices.csv     (PRICES: an option file, so not an input)
 *   hank/                  (LOTS, shared LIFO)      → +500.00
 * outside/secret.csv      (ALICE; must never be read)
 */
export function makeClients(): ClientsFixture {
  const base = mkdtempSync(join(tmpdir(), 'taxlot-batch-'));
  const clients = join(base, 'clients');
  const outside = join(base, 'outside');
  write(join(outside, 'secret.csv'), ALICE);
  write(join(clients, 'taxlot.json'), '{"year": 2024, "method": "lifo", "prices": "prices.csv"}\n');
  write(join(clients, 'prices.csv'), PRICES);
  write(join(clients, '..evil', 'exchange.csv'), ALICE);
  write(join(clients, 'alice', 'exchange.csv'), ALICE);
  write(join(clients, 'bob', 'good.csv'), BOB_GOOD);
  write(join(clients, 'bob', 'sub', 'broken.csv'), BOB_BROKEN);
  write(join(clients, 'carol', 'notes.csv'), 'foo,bar\n1,2\n');
  write(join(clients, 'dave', 'wallet.csv'), DAVE);
  write(join(clients, 'erin', 'rewards.csv'), ERIN);
  symlinkSync(join('..', '..', 'outside', 'secret.csv'), join(clients, 'erin', 'leak.csv'));
  symlinkSync(join('..', 'outside'), join(clients, 'escape'));
  write(join(clients, 'frank', 'exchange.csv'), ALICE);
  write(join(clients, 'frank', 'taxlot.json'), '{"methd": "fifo"}\n');
  write(join(clients, 'gina', 'trades.csv'), LOTS);
  write(join(clients, 'gina', 'taxlot.json'), '{"method": "hifo", "prices": "my-prices.csv"}\n');
  write(join(clients, 'gina', 'my-prices.csv'), PRICES);
  write(join(clients, 'hank', 'trades.csv'), LOTS);
  return { base, clients, outside };
}

/** Every file under `dir` (not following links) with its size, mtime and inode: a tree's fingerprint. */
export function listTree(dir: string, skip: (path: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (skip(p)) continue;
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p, { throwIfNoEntry: false });
        out.set(p, s ? `${s.size}:${s.mtimeMs}:${s.ino}` : 'dangling');
      }
    }
  };
  walk(dir);
  return out;
}
