/**
 * What the driver adds to an importer's event drafts (identity, wallet, own copies of kept text),
 * and the number style of a `;` file the importer did not pin.
 */
import type { LedgerEvent } from '../model/ledger-event.js';
import { omitFields } from '../model/copy-fields.js';
import { ownText, sharedText } from '../model/own-text.js';
import type { SourceRef } from '../model/source-ref.js';
import type { EventDraft } from './importer-spec.js';
import type { NumberStyle } from './parse-number.js';
import type { CsvRow } from './read-csv.js';

let lastPrefix = { file: '', prefix: ':' };

/**
 * `file:` as one string shared by the ids of a file's events: an id is then that string and the
 * line number (~32 bytes less per event than building `${file}:${line}` afresh).
 */
function idPrefix(file: string): string {
  if (lastPrefix.file !== file) lastPrefix = { file, prefix: `${file}:` };
  return lastPrefix.prefix;
}

/** An event's text fields that may be cut from a cell: copied so as not to pin the CSV chunk (own-text.ts). */
const KEPT_TEXT = ['txHash', 'note', 'toWallet', 'account', 'contract', 'position'] as const;

/** The draft plus its identity (copied with omitFields: see there why not with a spread). */
export function finishEvent(draft: EventDraft, ref: SourceRef, extra: readonly SourceRef[], wallet: string, index: number): LedgerEvent {
  const event = omitFields(draft, ['groupRows']) as Record<string, unknown>;
  event['wallet'] = draft.wallet === undefined ? wallet : sharedText(draft.wallet);
  for (const field of KEPT_TEXT) {
    const text = event[field];
    if (typeof text === 'string') event[field] = field === 'toWallet' ? sharedText(text) : ownText(text);
  }
  const id = idPrefix(ref.file) + String(ref.line);
  event['id'] = index > 0 ? `${id}#${index}` : id;
  event['source'] = ref;
  if (extra.length > 0) event['extraSources'] = extra;
  return event as unknown as LedgerEvent;
}

/**
 * The number style of a file the importer did not pin: a `;`-separated file is what a European
 * spreadsheet writes when it re-saves an export, with decimal commas (`0,6057`, `1.234,56`).
 * It is read that way when its cells show decimal commas and no decimal points; `,`-separated
 * files keep `.` (docs/formats.md §4: Excel round-tripping is a real input source).
 */
export function numberStyleOf(delimiter: string, rows: readonly CsvRow[]): NumberStyle {
  if (delimiter !== ';') return {};
  let commas = 0;
  let points = 0;
  for (const row of rows.slice(0, 200)) {
    for (const cell of row.cells) {
      const t = cell.trim();
      if (/^-?\d{1,3}(\.\d{3})+,\d+$|^-?\d+,\d+$/.test(t)) commas++;
      else if (/^-?\d+\.\d+$/.test(t) && !/^-?\d{1,3}\.\d{3}$/.test(t)) points++;
    }
  }
  return commas > 0 && points === 0 ? { decimalSeparator: ',' } : {};
}
