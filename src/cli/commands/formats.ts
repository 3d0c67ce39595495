/** `taxlot formats`: every importer, what export it reads and how to get it. */
import type { Argv } from 'yargs';
import { ALL_IMPORTERS } from '../../importers/index.js';
import { FORM_1099DA_LAYOUTS } from '../../importers/form1099da/layouts.js';
import type { CommandResult, TaxlotCommand } from '../result.js';

export function runFormats(): CommandResult {
  const lines = ALL_IMPORTERS.map((i) => {
    const required = Object.values(i.columns)
      .filter((c) => c.presence === 'required')
      .map((c) => (typeof c.headers[0] === 'string' ? c.headers[0] : `/${(c.headers[0] as RegExp).source}/`));
    return `${i.id}\n  ${i.label}\n  export: ${i.howToExport}\n  columns: ${required.join(', ')}`;
  });
  const statements = FORM_1099DA_LAYOUTS.map((l) => {
    const required = Object.values(l.columns).filter((c) => c.required).map((c) => c.headers[0]);
    return `${l.id}\n  ${l.label}\n  columns: ${required.join(', ')}`;
  });
  const da = `\n\nForm 1099-DA statements (what a broker reported, not events; README "Form 1099-DA"):\n\n${statements.join('\n\n')}`;
  return { exitCode: 0, stdout: `${ALL_IMPORTERS.length} formats (detected by header; --format <id> forces one)\n\n${lines.join('\n\n')}${da}`, stderr: '' };
}

export const formatsCommand: TaxlotCommand<object> = {
  command: 'formats',
  describe: 'list the supported export formats',
  builder: (y: Argv<object>) =>
    y.example('$0 formats', 'every importer id, what it reads and how to export it').example('$0 report export.csv --format kraken-ledgers', 'force one of them'),
  run: runFormats,
};
