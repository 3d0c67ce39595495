/**
 * The layers of README "Layout", checked on every import of `src/` (tests excluded): parsed with
 * the TypeScript compiler API, type-only imports included (a type is a dependency too).
 *
 * - no cycle between the top-level folders of `src/`, and none between files; folders import
 *   only downwards in the order README "Layout" draws (LAYERS);
 * - `src/model` imports nothing of `src/` outside itself;
 * - file system, process, network, worker and clock use only in the shell: `src/cli` (with its
 *   batch command, `src/cli/batch`) and the price provider's adapter (`src/pricing/provider`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/**
 * The shell: the only code that may touch files, the process, the network, workers or the clock —
 * the command line (`cli/`, its batch command in `cli/batch/`) and the price provider's adapter.
 */
const SHELL = ['cli/', 'pricing/provider/'];

/**
 * The top-level folders of `src/` from the bottom up, as README "Layout" draws them: a file may
 * import its own folder and the folders before it, never one after it.
 */
const LAYERS = [
  'model', 'diagnostics', 'importers', 'pricing', 'engine', 'overrides', 'derivatives', 'jurisdictions',
  'pipeline', 'report', 'harvest', 'library', 'cli', 'index.ts',
] as const;

/**
 * The one clock read outside the shell: the library's entry for scripts (`computeReport`,
 * `reportOptions`) takes "today" for the not-after-today row check when the caller passes no
 * `now`, as README "As a library" documents. It reads nothing else (no file, process or network).
 */
const CLOCK_DEFAULT = 'library/report-options.ts';

/** Modules whose import is I/O: files, processes, sockets, HTTP, workers. */
const IO_MODULES = new Set(
  ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'tls', 'os', 'process', 'worker_threads', 'cluster', 'readline']
    .flatMap((m) => [m, `node:${m}`]),
);

interface SourceFile {
  /** path relative to src/, with forward slashes */
  path: string;
  ast: ts.SourceFile;
}

interface Import {
  from: string;
  specifier: string;
  /** resolved path relative to src/ for a relative import, undefined for a package */
  target: string | undefined;
  line: number;
}

const sourceFiles = (): SourceFile[] => {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const path = relative(SRC, full).split('\\').join('/');
        out.push({ path, ast: ts.createSourceFile(path, readFileSync(full, 'utf8'), ts.ScriptTarget.ES2022, true) });
      }
    }
  };
  walk(SRC);
  return out;
};

const FILES = sourceFiles();
const KNOWN = new Set(FILES.map((f) => f.path));

const resolveSpecifier = (from: string, specifier: string): string | undefined => {
  if (!specifier.startsWith('.')) return undefined;
  const abs = resolve(SRC, dirname(from), specifier);
  const base = relative(SRC, abs).split('\\').join('/');
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, `${base}/index.ts`]) {
    if (KNOWN.has(candidate)) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
};

const lineOf = (file: SourceFile, node: ts.Node): number => file.ast.getLineAndCharacterOfPosition(node.getStart(file.ast)).line + 1;

const importsOf = (file: SourceFile): Import[] => {
  const out: Import[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined): void => {
    if (literal === undefined || !ts.isStringLiteralLike(literal)) return;
    out.push({ from: file.path, specifier: literal.text, target: resolveSpecifier(file.path, literal.text), line: lineOf(file, node) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(file.ast);
  return out;
};

const IMPORTS = FILES.flatMap(importsOf);

/** `cli/main.ts` → `cli`; a file at the root of src/ is its own unit (`index.ts`). */
const folderOf = (path: string): string => path.split('/')[0]!;

/** Strongly connected components with more than one member (Tarjan), each sorted, in a stable order. */
const cycles = (nodes: string[], edges: Map<string, Set<string>>): string[][] => {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of [...(edges.get(v) ?? [])].sort()) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) connect(v);
  return found.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
};

/** The edges inside a cycle, `a → b (file:line)`, so a failure says which import to move. */
const edgesWithin = (component: string[], unit: (path: string) => string): string[] => {
  const members = new Set(component);
  return IMPORTS.filter((i) => i.target !== undefined && unit(i.from) !== unit(i.target) && members.has(unit(i.from)) && members.has(unit(i.target)))
    .map((i) => `${unit(i.from)} → ${unit(i.target!)} (${i.from}:${i.line} imports ${i.specifier})`);
};

/** The import graph between units (folders or files). No edge is exempt. */
const graph = (unit: (path: string) => string): Map<string, Set<string>> => {
  const edges = new Map<string, Set<string>>();
  for (const i of IMPORTS) {
    if (i.target === undefined) continue;
    const [a, b] = [unit(i.from), unit(i.target)];
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)!.add(b);
  }
  return edges;
};

const inShell = (path: string): boolean => SHELL.some((prefix) => path.startsWith(prefix));

/** Every use of the process, the clock or the global fetch in a file, as `file:line what`. */
const ambientUses = (file: SourceFile): string[] => {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && (node.text === 'process' || node.text === 'fetch') && isGlobalReference(node)) {
      out.push(`${file.path}:${lineOf(file, node)} ${node.text}`);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && node.name.text === 'now') {
      out.push(`${file.path}:${lineOf(file, node)} Date.now`);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && (node.arguments ?? []).length === 0) {
      out.push(`${file.path}:${lineOf(file, node)} new Date()`);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') {
      out.push(`${file.path}:${lineOf(file, node)} Date()`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file.ast);
  return out;
};

/** An identifier that names the global (not a property name, a parameter, a key or a local of that name). */
const isGlobalReference = (node: ts.Identifier): boolean => {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if (ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) return parent.name !== node;
  if (ts.isParameter(parent) || ts.isVariableDeclaration(parent) || ts.isBindingElement(parent)) return parent.name !== node;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isShorthandPropertyAssignment(parent)) return ts.isShorthandPropertyAssignment(parent);
  if (ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent)) return false;
  return true;
};

describe('architecture: the layers of README "Layout"', () => {
  it('parses the whole of src/ (a sanity check: the walker and the resolver see the code)', () => {
    expect(FILES.length).toBeGreaterThan(300);
    expect(IMPORTS.some((i) => i.from === 'cli/main.ts' && i.target !== undefined)).toBe(true);
  });

  it('has no cycle between the top-level folders of src/', () => {
    const folders = [...new Set(FILES.map((f) => folderOf(f.path)))];
    const found = cycles(folders, graph(folderOf));
    expect(found.map((c) => ({ cycle: c, edges: edgesWithin(c, folderOf) }))).toEqual([]);
  });

  it('imports only downwards in the order of LAYERS (README "Layout"), and LAYERS names every folder', () => {
    const folders = [...new Set(FILES.map((f) => folderOf(f.path)))].sort();
    expect(folders).toEqual([...LAYERS].sort());
    const rank = (path: string): number => (LAYERS as readonly string[]).indexOf(folderOf(path));
    const upwards = IMPORTS.filter((i) => i.target !== undefined && rank(i.target) > rank(i.from));
    expect(upwards.map((i) => `${i.from}:${i.line} (${folderOf(i.from)}) imports ${i.specifier} (${folderOf(i.target!)})`)).toEqual([]);
  });

  it('README "Layout" draws the layers in the order of LAYERS', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- layers:start -->([\s\S]*?)<!-- layers:end -->/.exec(readme)?.[1] ?? '';
    // each layer starts a line of the drawing; its description's further lines are indented
    const drawn = [...block.matchAll(/^([a-z]+(?:\.ts)?)\/?\s/gm)].map((m) => m[1]);
    expect(drawn).toEqual([...LAYERS].reverse());
  });

  it('has no cycle between files', () => {
    const found = cycles(FILES.map((f) => f.path), graph((p) => p));
    expect(found.map((c) => ({ cycle: c, edges: edgesWithin(c, (p) => p) }))).toEqual([]);
  });

  it('keeps src/model pure: it imports nothing of src/ outside itself', () => {
    const outside = IMPORTS.filter((i) => i.from.startsWith('model/') && i.target !== undefined && !i.target.startsWith('model/'));
    expect(outside.map((i) => `${i.from}:${i.line} imports ${i.specifier}`)).toEqual([]);
  });

  it('does file system, process, network and worker I/O only in the shell (cli, cli/batch, pricing/provider)', () => {
    const io = IMPORTS.filter((i) => i.target === undefined && IO_MODULES.has(i.specifier) && !inShell(i.from));
    expect(io.map((i) => `${i.from}:${i.line} imports ${i.specifier}`)).toEqual([]);
  });

  it('reads the process, the clock and the global fetch only in the shell', () => {
    const uses = FILES.filter((f) => !inShell(f.path)).flatMap(ambientUses);
    expect(uses.filter((u) => !(u.startsWith(`${CLOCK_DEFAULT}:`) && u.endsWith(' Date.now')))).toEqual([]);
    expect(uses.filter((u) => u.startsWith(`${CLOCK_DEFAULT}:`)), 'the library reads the clock once, for its default `now`').toHaveLength(1);
  });
});

describe('architecture: the checker itself', () => {
  it('finds a cycle and only a cycle', () => {
    const edges = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
    expect(cycles(['a', 'b', 'c', 'd'], edges)).toEqual([['a', 'b', 'c']]);
    expect(cycles(['a', 'b'], new Map([['a', new Set(['b'])]]))).toEqual([]);
  });

  it('sees process, the clock and fetch, and not a property or a local of the same name', () => {
    const parse = (text: string): SourceFile => ({ path: 'x.ts', ast: ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true) });
    expect(ambientUses(parse('const a = process.env.X;\nconst b = Date.now();\nconst c = new Date();\nawait fetch(u);'))).toEqual([
      'x.ts:1 process',
      'x.ts:2 Date.now',
      'x.ts:3 new Date()',
      'x.ts:4 fetch',
    ]);
    expect(ambientUses(parse('const d = new Date(ms);\nconst o = { process: 1 };\no.process;\nfunction f(fetch: F) { return 1; }\ntype T = { process: number };'))).toEqual([]);
  });
});
