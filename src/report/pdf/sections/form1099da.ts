/**
 * "Form 1099-DA reconciliation": what each broker reported, per broker and Form 8949 box, tied out
 * to the Schedule D lines; the lines with an adjustment and why; the reported rows not in the
 * records and the disposals not reported; which lot identification supports taxlot's lots where
 * the broker's basis differs; what each tax-software export can carry. Drawn only when a Form
 * 1099-DA input was given. Wording from the template (`form1099da` in report.json).
 */
import { ZERO, type Dec } from '../../../model/decimal.js';
import { formatSourceRef } from '../../../model/source-ref.js';
import type { Form8949Line } from '../../form8949-lines.js';
import { drawTable } from '../draw-table.js';
import { formatAmount } from '../format-amount.js';
import { paragraph, startBlock, startPage } from '../page.js';
import type { PdfContext } from '../pdf-context.js';
import { fill } from '../report-template.js';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE } from '../theme.js';

interface BoxRow {
  readonly broker: string;
  readonly box: string;
  readonly line: string;
  readonly rows: number;
  reported: Dec;
  proceeds: Dec;
  costBasis: Dec;
  adjustment: Dec;
  gain: Dec;
  lines: number;
}

export function renderForm1099Da(ctx: PdfContext): void {
  const r = ctx.data.form1099da;
  if (!r.given) return;
  const t = ctx.t.form1099da;
  const reportedLines = ctx.lines.filter((l) => l.reported);
  // per broker (wallet) and box; a group's reported rows are counted once, on its first line
  const byKey = new Map<string, BoxRow>();
  const counted = new Set<number>();
  for (const l of reportedLines) {
    const p = l.reported as NonNullable<Form8949Line['reported']>;
    const key = `${l.disposal.wallet}\u0000${l.box}`;
    const row = byKey.get(key) ?? {
      broker: `${p.rows[0]?.broker ?? l.disposal.wallet} (${l.disposal.wallet})`, box: l.box, line: ctx.form.scheduleDLine[l.box] ?? '',
      rows: 0, reported: ZERO, proceeds: ZERO, costBasis: ZERO, adjustment: ZERO, gain: ZERO, lines: 0,
    };
    if (!counted.has(p.group)) {
      counted.add(p.group);
      (row as { rows: number }).rows += p.rows.length;
    }
    row.reported = row.reported.plus(p.reportedProceeds);
    row.proceeds = row.proceeds.plus(l.proceeds);
    row.costBasis = row.costBasis.plus(l.costBasis);
    row.adjustment = row.adjustment.plus(l.adjustment);
    row.gain = row.gain.plus(l.gain);
    row.lines++;
    byKey.set(key, row);
  }
  const boxRows = [...byKey.values()].sort((a, b) => (a.broker + a.box < b.broker + b.box ? -1 : 1));
  let y = startPage(ctx, t.title, { intro: fill(t.intro, { year: ctx.data.taxYear }) });
  y = drawTable<BoxRow>(ctx, {
    columns: [
      { heading: t.columns.broker, width: 20, align: 'left', maxLines: 2 },
      { heading: t.columns.box, width: 6, align: 'center' },
      { heading: t.columns.line, width: 8, align: 'center' },
      { heading: t.columns.rows, width: 7, align: 'right' },
      { heading: t.columns.reported, width: 12, align: 'right' },
      { heading: t.columns.proceeds, width: 12, align: 'right' },
      { heading: t.columns.costBasis, width: 12, align: 'right' },
      { heading: t.columns.adjustment, width: 11, align: 'right' },
      { heading: t.columns.gain, width: 12, align: 'right' },
    ],
    items: boxRows,
    cells: (b) => [b.broker, b.box, b.line, String(b.rows), formatAmount(b.reported), formatAmount(b.proceeds), formatAmount(b.costBasis), formatAmount(b.adjustment), formatAmount(b.gain)],
    firstY: y,
    continuePage: () => startPage(ctx, t.title, { continued: true }),
  });
  ctx.y = y;

  // Tie-out of box 1f to column (d) of the G/H/J/K lines, and to the Schedule D lines.
  const total = r.rows.reduce((s, x) => s.plus(x.proceeds), ZERO);
  const missing = r.match.notInRecords.reduce((s, u) => s.plus(u.row.proceeds), ZERO);
  const onLines = boxRows.reduce((s, b) => s.plus(b.reported), ZERO);
  const columnD = boxRows.reduce((s, b) => s.plus(b.proceeds), ZERO);
  const perLine = new Map<string, Dec>();
  for (const b of boxRows) perLine.set(b.line, (perLine.get(b.line) ?? ZERO).plus(b.proceeds));
  const tie = [
    [t.tieOut.reported, formatAmount(total)],
    [t.tieOut.notInRecords, formatAmount(missing.negated())],
    [t.tieOut.onLines, formatAmount(onLines)],
    [t.tieOut.higher, formatAmount(columnD.minus(onLines))],
    [t.tieOut.columnD, formatAmount(columnD)],
    ...[...perLine].map(([line, v]) => [fill(t.tieOut.scheduleDLine, { line }), formatAmount(v)]),
  ];
  y = startBlock(ctx, t.tieOutTitle, 40 + tie.length * 14);
  y = drawTable<string[]>(ctx, {
    columns: [
      { heading: t.columns.item, width: 75, align: 'left' },
      { heading: t.columns.amount, width: 25, align: 'right' },
    ],
    items: tie,
    cells: (c) => c,
    firstY: y,
    width: CONTENT_WIDTH * 0.7,
    continuePage: () => startPage(ctx, t.title, { continued: true }),
  });
  ctx.y = y;

  const adjusted = reportedLines.filter((l) => l.code !== '' || (l.reported?.reasons.length ?? 0) > 0);
  if (adjusted.length > 0) {
    y = startBlock(ctx, t.differencesTitle, 80, t.differencesIntro);
    y = drawTable<Form8949Line>(ctx, {
      columns: [
        { heading: t.columns.lineRef, width: 8, align: 'left' },
        { heading: t.columns.row, width: 22, align: 'left', maxLines: 3 },
        { heading: t.columns.code, width: 6, align: 'center' },
        { heading: t.columns.adjustment, width: 11, align: 'right' },
        { heading: t.columns.reason, width: 53, align: 'left', maxLines: 6 },
      ],
      items: adjusted,
      cells: (l) => [l.ref, (l.reported?.rows ?? []).map((x) => formatSourceRef(x.source)).join(' '), l.code, formatAmount(l.adjustment), (l.reported?.reasons ?? []).join('; ')],
      firstY: y,
      continuePage: () => startPage(ctx, t.title, { continued: true }),
    });
    ctx.y = y;
  }
  if (r.match.notInRecords.length > 0) {
    y = startBlock(ctx, t.notInRecordsTitle, 80, t.notInRecordsIntro);
    y = drawTable(ctx, {
      columns: [
        { heading: t.columns.row, width: 26, align: 'left', maxLines: 2 },
        { heading: t.columns.asset, width: 14, align: 'left' },
        { heading: t.columns.dateSold, width: 10, align: 'center' },
        { heading: t.columns.reported, width: 12, align: 'right' },
        { heading: t.columns.reason, width: 38, align: 'left', maxLines: 4 },
      ],
      items: r.match.notInRecords,
      cells: (u) => [formatSourceRef(u.row.source), `${u.row.units.toFixed()} ${u.row.asset}`, u.row.sold, formatAmount(u.row.proceeds), u.reason],
      firstY: y,
      continuePage: () => startPage(ctx, t.title, { continued: true }),
    });
    ctx.y = y;
  }
  if (r.match.notReported.length > 0) {
    y = startBlock(ctx, t.notReportedTitle, 80, t.notReportedIntro);
    y = drawTable(ctx, {
      columns: [
        { heading: t.columns.source, width: 36, align: 'left', maxLines: 2 },
        { heading: t.columns.asset, width: 20, align: 'left' },
        { heading: t.columns.dateSold, width: 14, align: 'center' },
        { heading: t.columns.wallet, width: 30, align: 'left' },
      ],
      items: r.match.notReported,
      cells: (d) => [formatSourceRef(d.source), `${d.quantity.toFixed()} ${d.asset}`, d.date, d.wallet],
      firstY: y,
      continuePage: () => startPage(ctx, t.title, { continued: true }),
    });
    ctx.y = y;
  }
  const lotChoice = reportedLines.some((l) => l.code.includes('B'));
  const notes = [
    ...(lotChoice ? [fill(t.identification, { method: ctx.data.options.method.toUpperCase(), origin: ctx.data.options.methodOrigin })] : []),
    t.exportsCarry,
  ];
  y = startBlock(ctx, t.notesTitle, 90);
  for (const n of notes) y = paragraph(ctx, n, PAGE.left, y, CONTENT_WIDTH, { size: SIZE.body, color: COLOR.ink }) + 6;
  ctx.y = y;
}
