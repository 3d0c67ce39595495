/**
 * Loading the report templates (`templates/<jurisdiction>/*.json`) that ship with the package.
 *
 * The templates are package assets, loaded as JSON modules through Node's module loader from next
 * to the code (the same relative place in `src/` and in the built `dist/`) — what a JSON `import`
 * does, which TypeScript cannot compile here because the files sit outside `src/`. Never a file
 * of the user's, no file-system call of taxlot's own (README "Layout"). Renderers take them as a
 * parameter, so tests and other jurisdictions can pass their own.
 */
import { createRequire } from 'node:module';
import type { ExportLayouts } from './exports/export-layouts.js';
import type { Form8949Template, ReportTemplate } from './pdf/report-template.js';

export interface ReportTemplates {
  readonly report: ReportTemplate;
  readonly form8949: Form8949Template;
  readonly exports: ExportLayouts;
}

const cache = new Map<string, ReportTemplates>();

const loadModule = createRequire(import.meta.url);

function readJson<T>(jurisdiction: string, name: string): T {
  return loadModule(`../../templates/${jurisdiction}/${name}`) as T;
}

/**
 * @example loadTemplates('us').form8949.summary.threshold === 500
 * @throws Error when the package's template files are missing (a broken installation).
 */
export function loadTemplates(jurisdiction = 'us'): ReportTemplates {
  let t = cache.get(jurisdiction);
  if (!t) {
    t = {
      report: readJson<ReportTemplate>(jurisdiction, 'report.json'),
      form8949: readJson<Form8949Template>(jurisdiction, 'form8949-columns.json'),
      exports: readJson<ExportLayouts>(jurisdiction, 'exports.json'),
    };
    cache.set(jurisdiction, t);
  }
  return t;
}
