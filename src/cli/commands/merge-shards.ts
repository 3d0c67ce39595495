/**
 * `taxlot merge-shards <shard-out...> --out DIR`: the shards of one `taxlot batch --shard K/N`
 * (each run in its own --out, on any machine) merged into the folder one unsharded batch writes.
 */
import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { mergeShards } from '../batch/merge-shards.js';
import { clientTally } from './batch.js';
import type { CommandResult, TaxlotCommand } from '../result.js';

interface MergeArgs {
  shards: string[];
  out: string;
}

function taxlotVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function runMergeShards(args: MergeArgs): Promise<CommandResult> {
  const result = await mergeShards({ shards: args.shards, out: args.out, version: taxlotVersion() });
  const tally = (['ok', 'warnings', 'errors', 'failed'] as const).map((s) => `${result.rows.filter((r) => r.status === s).length} ${s}`).join(', ');
  const problems = result.rows.filter((r) => r.status === 'errors' || r.status === 'failed').map((r) => `taxlot merge-shards: ${r.client}: ${r.status} (${r.reason})`);
  return {
    exitCode: result.exitCode,
    stdout: `taxlot merge-shards: ${result.shards} shard${result.shards === 1 ? '' : 's'}, ${clientTally(result.rows, tally)}; wrote ${result.written.join(', ')} and the client folders`,
    stderr: problems.join('\n'),
  };
}

export const mergeShardsCommand: TaxlotCommand<MergeArgs> = {
  command: 'merge-shards <shards...>',
  describe: 'merge the outputs of `taxlot batch --shard K/N` (every K of one N) into the folder one unsharded batch writes',
  builder: (y) =>
    (y as Argv<object>)
      .positional('shards', { type: 'string', array: true, demandOption: true, describe: 'the --out folder of each shard (each holds a .taxlot-shard.json once its shard finished)' })
      .options({
        out: { type: 'string', alias: 'o', demandOption: true, describe: 'the merged folder: <out>/<client>/, index.csv, index.pdf (not one of the shard folders)', group: 'Output:' },
      })
      .example('$0 merge-shards shard-1/ shard-2/ shard-3/ -o reports/', 'three shards into reports/, as `taxlot batch clients/ -o reports/` writes it')
      .example('$0 merge-shards runs/shard-*/ -o reports/', 'every shard gathered under runs/ (a missing or repeated shard is refused)') as unknown as Argv<MergeArgs>,
  run: (args) => runMergeShards(args),
};
