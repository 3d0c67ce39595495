/**
 * Streaming outputs: the chunked files are the same bytes as the joined ones, a CSV larger than
 * one chunk is cut only between rows, the fast TurboTax date agrees with Intl across zone
 * transitions, and the CLI's streamed write is atomic.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputs, writeStreamAtomic } from '../cli/write-outputs.js';
import { runKoinly, SCENARIO_2025 } from '../../test/support/report-scenario.js';
import { csvChunks, num, renderCsv } from './csv/write-csv.js';
import { form8949CsvChunks, renderForm8949Csv } from './csv/form8949-csv.js';
import { turbotaxDateForTest } from './exports/turbotax-transactions-csv.js';
import { buildForm8949Lines } from './form8949-lines.js';
import { joinChunks, joinOutput } from './output-stream.js';
import { renderHistoryFile, renderOutputs, renderOutputStreams } from './render-outputs.js';

describe('report files as streams', () => {
  it('joined, every file is what renderOutputs returns', () => {
    const data = runKoinly({ 'wallet.csv': SCENARIO_2025 }, { year: 2025 });
    const whole = renderOutputs(data, { label: 'Jane Doe' });
    const streams = renderOutputStreams(data, { label: 'Jane Doe' });
    expect([...streams.keys()]).toEqual([...whole.keys()]);
    for (const [name, produce] of streams) expect(Buffer.from(joinOutput(produce)).equals(Buffer.from(whole.get(name) as string | Uint8Array)), name).toBe(true);
    expect(typeof whole.get('form8949.csv')).toBe('string');
    expect(whole.get('report.pdf')).toBeInstanceOf(Uint8Array);
  });

  it('with the history rendered when priced and not kept, every file is the same (CLI path)', () => {
    const data = runKoinly({ 'wallet.csv': SCENARIO_2025 }, { year: 2025 });
    const whole = renderOutputs(data);
    let historyFile: Uint8Array[] = [];
    let shown = 0;
    const detached = runKoinly({ 'wallet.csv': SCENARIO_2025 }, { year: 2025 }, (priced) => {
      shown++;
      expect(priced.length).toBe(7); // the whole history: 7 rows (SCENARIO_2025), one event each
      historyFile = renderHistoryFile(priced, data.options);
    });
    expect(shown).toBe(1);
    expect(data.priced.length).toBe(7);
    expect(detached.priced).toEqual([]);
    expect(detached.summary).toEqual(data.summary);
    const streams = renderOutputStreams(detached, { historyFile });
    // written right after summary.json, before any Form 8949 line is built
    expect([...streams.keys()].slice(0, 2)).toEqual(['summary.json', 'turbotax-transactions.csv']);
    expect([...streams.keys()]).toEqual([...whole.keys()]);
    for (const [name, produce] of streams) expect(Buffer.from(joinOutput(produce)).equals(Buffer.from(whole.get(name) as string | Uint8Array)), name).toBe(true);
  });

  it('a line reads its amounts back from its printed cents: (h) = (d) - (e) + (g)', () => {
    const data = runKoinly({ 'wallet.csv': SCENARIO_2025 }, { year: 2025 });
    const lines = buildForm8949Lines(data.taxYear, data.disposals);
    expect(lines.length).toBe(5);
    for (const l of lines) {
      expect(l.proceeds.toFixed(2)).toBe(l.shown.proceeds);
      expect(l.costBasis.toFixed(2)).toBe(l.shown.costBasis);
      expect(l.gain.equals(l.proceeds.minus(l.costBasis).plus(l.adjustment))).toBe(true);
      expect(l.ref).toBe(`${l.box}-${l.number}`);
      expect('acquired' in l).toBe(l.slice.acquiredDate !== undefined);
    }
  });

  it('form8949.csv from the shared lines is the row-by-row rendering of the disposals', () => {
    const data = runKoinly({ 'wallet.csv': SCENARIO_2025 }, { year: 2025 });
    const csv = joinChunks(form8949CsvChunks(data.disposals, buildForm8949Lines(data.taxYear, data.disposals)));
    expect(csv).toBe(renderForm8949Csv(data.taxYear, data.disposals));
    // Engine order (disposal date), not box order: the long-term BTC sale of 03/10 comes before
    // the short-term sales of later dates (report-scenario.ts).
    expect(csv.split('\n').slice(1, -1).map((r) => r.split(',').slice(0, 2).join(' '))).toEqual(['L long', 'I short', 'I short', 'I short', 'I short']);
  });

  it('cuts a large CSV into chunks between rows, and the chunks join to the whole file', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`=row ${i}`, num(`-${i}.50`), 'a,b']);
    const chunks = [...csvChunks(['name', 'amount', 'text'], rows)];
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    const whole = chunks.join('');
    expect(whole).toBe(renderCsv(['name', 'amount', 'text'], rows));
    expect(whole.split('\n')[1]).toBe(`'=row 0,-0.50,"a,b"`);
    expect(whole.split('\n').length).toBe(5002);
  });
});

describe('TurboTax date, cached per hour', () => {
  const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'];
  it('agrees with Intl minute by minute around DST changes and on scattered instants', () => {
    // 2024-03-10 06:00Z..08:00Z spans New York's spring-forward (07:00Z); 2024-04-06 14:00Z..16:00Z
    // Lord Howe's half-hour fall-back (15:00Z); plus every ~7 h 13 min over two years.
    const instants: number[] = [];
    for (let t = Date.UTC(2024, 2, 10, 6); t < Date.UTC(2024, 2, 10, 8); t += 60_000) instants.push(t + 17_000);
    for (let t = Date.UTC(2024, 3, 6, 14); t < Date.UTC(2024, 3, 6, 16); t += 60_000) instants.push(t);
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2025, 0, 1); t += 26_000_000 + 13_001) instants.push(t);
    instants.push(Date.UTC(1975, 5, 1, 12, 30), Date.UTC(2025, 0, 1, 0, 0));
    // in time order across local and UTC midnights and a year end (the per-day and last-hour caches)
    for (let t = Date.UTC(2024, 11, 30, 20); t < Date.UTC(2025, 0, 1, 16); t += 7 * 60_000 + 1_001) instants.push(t);
    for (const zone of zones) {
      const fast = turbotaxDateForTest.fast(zone);
      for (const t of instants) expect(fast(t), `${zone} ${new Date(t).toISOString()}`).toBe(turbotaxDateForTest.intl(t, zone));
    }
  });

  it('writes M/D/YYYY HH:mm like TurboTax', () => {
    expect(turbotaxDateForTest.fast('UTC')(Date.UTC(2023, 2, 1, 9, 5, 59))).toBe('3/1/2023 09:05');
    expect(turbotaxDateForTest.fast('America/New_York')(Date.UTC(2024, 2, 10, 7, 30))).toBe('3/10/2024 03:30');
  });
});

describe('writeStreamAtomic', () => {
  it('writes the chunks in order, text as UTF-8 and bytes as they are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxlot-stream-'));
    try {
      const big = 'x'.repeat(3 << 20);
      writeOutputs(dir, new Map([['a.txt', () => ['héllo ', Uint8Array.of(0x41, 0x42), '\n', big]]]));
      const bytes = readFileSync(join(dir, 'a.txt'));
      expect(bytes.subarray(0, 10).toString('utf8')).toBe('héllo AB\n');
      expect(bytes.length).toBe(10 + big.length);
      expect(readdirSync(dir)).toEqual(['a.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the previous file and no temporary file when the producer fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxlot-stream-'));
    try {
      const path = join(dir, 'report.csv');
      writeStreamAtomic(path, () => ['old\n']);
      function* failing(): Generator<string> {
        yield 'new, half';
        throw new Error('render failed');
      }
      expect(() => writeStreamAtomic(path, failing)).toThrow('render failed');
      expect(readFileSync(path, 'utf8')).toBe('old\n');
      expect(readdirSync(dir)).toEqual(['report.csv']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
