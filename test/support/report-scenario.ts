/**
 * Report scenarios for renderer tests: Koinly-template CSV text (the contract's generic input)
 * run through the real pipeline with the CLI's own defaults, so a test exercises exactly what
 * `taxlot report` would compute.
 */
import { COMPUTE_OPTIONS, INPUT_OPTIONS, toReportOptions, type CommonArgs } from '../../src/cli/options.js';
import { computeReport, type ReportData } from '../../src/pipeline/compute-report.js';

export const KOINLY_HEADER =
  'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';

/** The defaults yargs would give, then the test's overrides (CLI spellings: `'carryover-short': '1000'`). */
export function cliArgs(overrides: Record<string, unknown> = {}): CommonArgs {
  const defaults = Object.fromEntries(
    Object.entries({ ...INPUT_OPTIONS, ...COMPUTE_OPTIONS })
      .filter(([, o]) => 'default' in o)
      .map(([k, o]) => [k, (o as { default: unknown }).default]),
  );
  return { ...defaults, ...overrides } as unknown as CommonArgs;
}

/**
 * Run the pipeline on Koinly-template files given as `{ 'wallet.csv': 'rows...' }` (the header is
 * added; each file's rows start on line 2).
 */
export function runKoinly(
  files: Readonly<Record<string, string>>,
  overrides: Record<string, unknown> = {},
  onHistory?: Parameters<typeof computeReport>[2],
): ReportData {
  const { options } = toReportOptions(cliArgs(overrides));
  const inputs = Object.entries(files).map(([file, rows]) => ({
    file,
    text: `${KOINLY_HEADER}\n${rows.trim().split('\n').map((l) => l.trim()).join('\n')}\n`,
  }));
  return computeReport(inputs, options, onHistory);
}

/**
 * Tax year 2025 (boxes I/L). Worked by hand (FIFO, one wallet):
 *  line 2  buy 0.1 BTC for 3,000 + 10 fee            → lot basis 3,010.00 (acquired 2023-03-01)
 *  line 3  buy 2 ETH for 5,000                        → lot basis 5,000.00 (2,500 per ETH)
 *  line 4  sell 0.05 BTC for 4,000 − 10 fee           → proceeds 3,990.00, basis 3,010 × 0.5 = 1,505.00, long-term (held > 1 year): +2,485.00
 *  line 5  sell 1 ETH for 1,800                       → short-term 1,800.00 − 2,500.00 = −700.00
 *  line 6  sell 0.5 ETH for 1,000.10                  → short-term 1,000.10 − 1,250.00 = −249.90
 *  line 7  staking reward 0.5 SOL worth 75.25         → income 75.25, lot basis 75.25
 *  line 8  sell 1 SOL for 150 (only 0.5 held)         → 0.5 covered: 75.00 − 75.25 = −0.25; 0.5 uncovered: 75.00 − 0 = +75.00 (missing basis)
 *  Box I: proceeds 1,800 + 1,000.10 + 75 + 75 = 2,950.10; basis 2,500 + 1,250 + 75.25 + 0 = 3,825.25; gain −875.15
 *  Box L: proceeds 3,990.00; basis 1,505.00; gain 2,485.00. Net 1,609.85: no loss limitation.
 */
export const SCENARIO_2025 = `
  2023-03-01 10:00,3000,USD,0.1,BTC,10,USD,,,,,
  2025-02-01 10:00,5000,USD,2,ETH,,,,,,,
  2025-03-10 10:00,0.05,BTC,4000,USD,10,USD,,,,,
  2025-06-01 10:00,1,ETH,1800,USD,,,,,,,
  2025-07-01 10:00,0.5,ETH,1000.10,USD,,,,,,,
  2025-08-01 10:00,,,0.5,SOL,,,75.25,USD,reward,,
  2025-09-01 10:00,1,SOL,150,USD,,,,,,"=HYPERLINK(""http://evil.example"",""click"")",
`;

/**
 * Tax year 2024 (boxes C/F) with carryovers 1,000 short / 500 long. Worked by hand (FIFO):
 *  line 2  buy 1 BTC for 40,000 (2022-01-10); line 3 buy 10 ETH for 20,000 (2023-05-01, 2,000 each)
 *  line 4  sell 0.5 BTC for 21,000 (2024-02-01)  → long-term 21,000 − 20,000 = +1,000
 *  line 5  sell 4 ETH for 6,000 (2024-03-01)     → short-term (held ≤ 1 year) 6,000 − 8,000 = −2,000
 *  line 6  sell 3 ETH for 3,000 (2024-06-01)     → long-term (2024-06-01 > 2024-05-01) 3,000 − 6,000 = −3,000
 *  Box C: 6,000.00 / 8,000.00 / −2,000.00. Box F: 24,000.00 / 26,000.00 / −2,000.00.
 *  Schedule D: line 7 = −2,000 − 1,000 = −3,000; line 15 = −2,000 − 500 = −2,500; line 16 = −5,500;
 *  line 21 = −3,000 (single); the deduction uses short-term first (3,000), so carryforward
 *  short-term 0.00, long-term 2,500.00.
 */
export const SCENARIO_2024 = `
  2022-01-10 10:00,40000,USD,1,BTC,,,,,,,
  2023-05-01 10:00,20000,USD,10,ETH,,,,,,,
  2024-02-01 10:00,0.5,BTC,21000,USD,,,,,,,
  2024-03-01 10:00,4,ETH,6000,USD,,,,,,,
  2024-06-01 10:00,3,ETH,3000,USD,,,,,,,
`;
