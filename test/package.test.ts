/**
 * What `npm pack` ships and what it says about itself: the package a user installs, not the
 * working tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'taxlot.js');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };

describe('the package', () => {
  it('prints taxlot\'s own version, not the version of the project it is run from', () => {
    const host = mkdtempSync(join(tmpdir(), 'taxlot-host-'));
    writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'host-project', version: '9.9.9' }));
    const r = spawnSync(process.execPath, [BIN, '--version'], { cwd: host, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(r.stdout).not.toContain('9.9.9');
  });

  it('ships a LICENSE, the built code and templates, and no source maps to sources it does not ship', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const files = (JSON.parse(r.stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('bin/taxlot.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/'))).toEqual([]);
  });

  it('depends only on packages the code imports', () => {
    const sources = spawnSync('git', ['grep', '-h', '-o', '-E', "from '[^.][^']*'", '--', 'src', 'bin'], { cwd: ROOT, encoding: 'utf8' }).stdout;
    const imported = new Set(
      [...sources.matchAll(/from '([^']+)'/g)]
        .map((m) => m[1]!)
        .filter((name) => !name.startsWith('node:'))
        .map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!)),
    );
    for (const dep of Object.keys(pkg.dependencies)) expect(imported, `${dep} is a dependency nothing imports`).toContain(dep);
  });
});
