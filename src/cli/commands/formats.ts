/** `taxlot formats`: every importer, what export it reads and how to get it. */
import type { Argv } from 'yargs';
import { ALL_IMPORTERS } from '../../importers/index.js';
import type { CommandResult, TaxlotCommand } from '../result.js';

export function runFormats(): CommandResult {
  const lines = ALL_IMPORTERS.map((i) => {
    const required = Object.values(i.columns)
      .filter((c) => c.presence === 'required')
      .map((c) => (typeof c.headers[0] === 'string' ? c.headers[0] : `/${(c.headers[0] as RegExp).source}/`));
    return `${i.id}\n  ${i.label}\n  export: ${i.howToExport}\n  columns: ${required.join(', ')}`;
  });
  return { exitCode: 0, stdout: `${ALL_IMPORTERS.length} formats (detected by header; --format <id> forces one)\n\n${lines.join('\n\n')}`, stderr: '' };
}

export const formatsCommand: TaxlotCommand<object> = {
  command: 'formats',
  describe: 'list the supported export formats',
  builder: (y: Argv<object>) => y,
  run: runFormats,
};
