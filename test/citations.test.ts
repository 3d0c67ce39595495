/**
 * A repository that explains itself: every document a comment or README cites is a file of the
 * repository (docs/formats.md, docs/tax-rules.md, docs/contract.md, a module README) or a public
 * source, each `§` it names is a section of that file, and no source, document or template
 * names a machine path (`/work/…`, `/home/…`, `/tmp/…`) or a folder outside the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** Tracked sources, documents and templates (the importer fixtures are exports, not our words). */
const FILES = execFileSync('git', ['ls-files', 'src', 'docs', 'templates', 'bench', 'scripts', 'README.md', 'fixtures'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|js|md|json)$/.test(f) && (!f.startsWith('fixtures/') || f.endsWith('README.md')))
  .filter((f) => existsSync(join(ROOT, f)));

const text = (f: string): string => readFileSync(join(ROOT, f), 'utf8');

/** Numbered headings of a document: `### 2.15 Margin …` → `2.15`. */
const sections = (doc: string): Set<string> =>
  new Set([...text(doc).matchAll(/^#+\s+(\d+(?:\.\d+)*)\.?\s/gm)].map((m) => m[1] as string));

const lineOf = (s: string, index: number): number => s.slice(0, index).split('\n').length;

describe('citations', () => {
  it('reads the repository (a sanity check)', () => {
    expect(FILES.length).toBeGreaterThan(300);
    expect(FILES).toContain('docs/formats.md');
  });

  it('names no machine path and no folder outside the repository', () => {
    const found = FILES.flatMap((f) => {
      const s = text(f);
      return [...s.matchAll(/(?:\.\.\/shared\b|(?<![\w.])\/(?:work|home|tmp)\/)/g)].map((m) => `${f}:${lineOf(s, m.index)} ${m[0]}`);
    });
    expect(found).toEqual([]);
  });

  it('cites the documents by their path in the repository', () => {
    const bare = /(?<![\w/.-])(formats\.md|tax-rules(?:\.md)?|contract\.md|format-headers(?:\.md)?|house-style(?:\.md)?|design-[a-z-]+\.md)(?![\w-])/g;
    const found = FILES.filter((f) => !f.startsWith('docs/')).flatMap((f) => {
      const s = text(f);
      return [...s.matchAll(bare)].map((m) => `${f}:${lineOf(s, m.index)} ${m[0]}`);
    });
    expect(found).toEqual([]);
  });

  it('cites only documents that exist, and only their sections that exist', () => {
    const known = new Map<string, Set<string>>();
    const found = FILES.flatMap((f) => {
      const s = text(f);
      return [...s.matchAll(/\bdocs\/([a-z0-9-]+\.md)((?:\s*§\s*\d+(?:\.\d+)*,?)*)/g)].flatMap((m) => {
        const doc = `docs/${m[1]}`;
        if (!existsSync(join(ROOT, doc))) return [`${f}:${lineOf(s, m.index)} ${doc} does not exist`];
        if (!known.has(doc)) known.set(doc, sections(doc));
        return [...(m[2] ?? '').matchAll(/§\s*(\d+(?:\.\d+)*)/g)]
          .filter((x) => !known.get(doc)!.has(x[1] as string))
          .map((x) => `${f}:${lineOf(s, m.index)} ${doc} §${x[1]} is not a section`);
      });
    });
    expect(found).toEqual([]);
  });
});
