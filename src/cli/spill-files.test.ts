import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpillFiles } from './spill-files.js';

describe('spill files', () => {
  it('give back the text appended, multi-byte characters cut by the 1 MiB reads included', () => {
    const parent = mkdtempSync(join(tmpdir(), 'taxlot-spill-test-'));
    const spill = createSpillFiles(parent, 5);
    expect(spill.runSize).toBe(5);
    const run = spill.create();
    // 'é' is two bytes: 1 MiB − 1 ASCII bytes put one across the first read's end
    const text = `${'a'.repeat((1 << 20) - 1)}é日本\n${'b'.repeat(1000)}`;
    run.append(text);
    run.append('end');
    run.close();
    expect([...run.read()].join('')).toBe(`${text}end`);
    expect([...run.read()].join('')).toBe(`${text}end`);
    // the bytes themselves: 1 MiB blocks, each its own buffer, the UTF-8 of the text
    const blocks = [...(run.readBytes?.() ?? [])];
    expect(blocks.map((b) => b.byteLength)).toEqual([1 << 20, (1 << 20) - 1 + 2 + 6 + 1 + 1000 + 3 - (1 << 20)]);
    expect(blocks[0]?.buffer).not.toBe(blocks[1]?.buffer);
    expect(Buffer.concat(blocks).toString('utf8')).toBe(`${text}end`);
    const [folder] = readdirSync(parent);
    expect(readdirSync(join(parent, folder as string))).toEqual(['run-0']);
    run.remove();
    expect(readdirSync(join(parent, folder as string))).toEqual([]);
    expect(() => [...run.read()]).toThrow();
    spill.create().append('x');
    spill.dispose();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('keep the runs in memory when no temporary folder can be made', () => {
    const parent = mkdtempSync(join(tmpdir(), 'taxlot-spill-test-'));
    const notAFolder = join(parent, 'file');
    writeFileSync(notAFolder, '');
    const spill = createSpillFiles(notAFolder);
    const run = spill.create();
    run.append('kept');
    run.close();
    expect([...run.read()].join('')).toBe('kept');
    spill.dispose();
    expect(existsSync(notAFolder)).toBe(true);
  });
});
