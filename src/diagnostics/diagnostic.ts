/**
 * Diagnostics are values, never exceptions: every stage returns them beside its data.
 * A diagnostic states one fact about the input, where it is (`source`), and what to do (`hint`).
 */
import type { SourceRef } from '../model/source-ref.js';
import { CODES, type DiagnosticCode, type Severity } from './codes.js';

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly source?: SourceRef;
  /** A file-level diagnostic (format detection) names only the file. */
  readonly file?: string;
  readonly hint?: string;
  /**
   * How many diagnostics this one stands for: a summary of repeated diagnostics of one file
   * (bounded-diagnostics.ts) counts as that many in the error and warning totals. Default 1.
   */
  readonly count?: number;
  /** Another row the diagnostic is about (MISSING_BASIS: the deposit of unknown basis sold from). */
  readonly related?: SourceRef;
}

/**
 * Build a diagnostic with the catalogue's severity and hint.
 * @example diagnostic('ROW_BAD_NUMBER', 'cannot read "1,2.3" as a number in column "Amount"', ref)
 */
export function diagnostic(code: DiagnosticCode, message: string, source?: SourceRef, hint?: string): Diagnostic {
  const spec = CODES[code];
  return {
    severity: spec.severity,
    code,
    message,
    ...(source ? { source, file: source.file } : {}),
    hint: hint ?? spec.hint,
  };
}

/** A diagnostic about a whole file. */
export function fileDiagnostic(code: DiagnosticCode, file: string, message: string, hint?: string): Diagnostic {
  const spec = CODES[code];
  return { severity: spec.severity, code, message, file, hint: hint ?? spec.hint };
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; notes: number } {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const d of diagnostics) {
    const n = d.count ?? 1;
    if (d.severity === 'error') errors += n;
    else if (d.severity === 'warning') warnings += n;
    else notes += n;
  }
  return { errors, warnings, notes };
}

/** How many diagnostics of `code` there are, a summary of ones not listed one by one (bounded-diagnostics.ts) counting as what it stands for. */
export function countOfCode(diagnostics: readonly Diagnostic[], code: DiagnosticCode): number {
  let n = 0;
  for (const d of diagnostics) if (d.code === code) n += d.count ?? 1;
  return n;
}
