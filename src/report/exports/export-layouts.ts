/**
 * The shape of `templates/<jurisdiction>/exports.json`: the column layouts of the tax-software
 * exports. A column names a header (written as is) and a field the code knows how to fill, so a
 * vendor renaming a header, or a new column order, is a template change.
 */

export interface ExportColumn {
  readonly header: string;
  readonly field: string;
}

export interface ExportLayouts {
  readonly turbotaxGains: { readonly maxRows: number; readonly columns: readonly ExportColumn[] };
  readonly turbotaxTransactions: {
    readonly maxDecimals: number;
    readonly columns: readonly ExportColumn[];
    readonly types: Readonly<Record<string, string>>;
  };
  readonly taxact: {
    readonly maxRows: number;
    readonly columns: readonly ExportColumn[];
    readonly terms: Readonly<Record<'short' | 'long', string>>;
  };
  readonly txf: {
    readonly version: string;
    readonly program: string;
    readonly lineEnd: string;
    readonly copy: string;
    readonly line: string;
    /** Form 8949 box → TXF refnum. */
    readonly refnums: Readonly<Record<string, string>>;
  };
  readonly auditTrail: { readonly columns: readonly ExportColumn[] };
}
