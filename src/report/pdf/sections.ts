/**
 * The PDF's sections by id. The template's `sections` list decides which appear and in what
 * order; an id that is a key of the template's `schedules` is a table schedule (schedule.ts).
 * A new schedule is a template entry plus a row source; a new kind of page is one function here.
 */
import type { PdfContext } from './pdf-context.js';
import { renderCharts } from './sections/charts.js';
import { renderCover } from './sections/cover.js';
import { renderExports } from './sections/exports.js';
import { renderForm8949 } from './sections/form8949.js';
import { renderForm1099Da } from './sections/form1099da.js';
import { renderSchedule } from './sections/schedule.js';
import { renderScheduleD } from './sections/schedule-d.js';

const PAGES: Readonly<Record<string, (ctx: PdfContext) => void>> = {
  cover: renderCover,
  scheduleD: renderScheduleD,
  form8949: renderForm8949,
  form1099da: renderForm1099Da,
  charts: renderCharts,
  exports: renderExports,
};

/**
 * Draw every section the template lists, in order.
 * @throws Error when the template lists an unknown section (a template bug).
 */
export function renderSections(ctx: PdfContext): void {
  for (const id of ctx.t.sections) {
    const page = PAGES[id];
    const schedule = ctx.t.schedules[id];
    if (page) page(ctx);
    else if (schedule) renderSchedule(ctx, id, schedule);
    else throw new Error(`report template: unknown section "${id}"`);
  }
}
