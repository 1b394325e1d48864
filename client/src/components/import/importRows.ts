import { errorMessage, fieldProblems, type ErrorItem } from '../../lib/errors';

/** The largest CSV file the import wizards accept. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** One row of an import's dry run, as the API describes it. */
export interface PreviewRow {
  line: number;
  reference?: string | null;
  /** CREATE, UPDATE or ERROR */
  outcome: string;
  errors: readonly { column: string; message: string }[];
}

/** What an import's dry run found: totals, problems with the file as a whole, and every row. */
export interface PreviewResult {
  total: number;
  creates: number;
  updates: number;
  errors: number;
  fileErrors: readonly string[];
  rows: readonly PreviewRow[];
}

/** Rows with errors first, then in file order. */
export function sortRows<T extends { line: number; outcome: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => Number(b.outcome === 'ERROR') - Number(a.outcome === 'ERROR') || a.line - b.line);
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Whether a dry run may go on to the import: no row or file errors, and at least one row. */
export function isImportable(preview: PreviewResult): boolean {
  return preview.errors === 0 && preview.fileErrors.length === 0 && preview.total > 0;
}

/** Error summary lines for an API error about the file; problems with the `csv` field link to `href`. */
export function apiErrorItems(error: unknown, href?: string): ErrorItem[] {
  const problems = fieldProblems(error);
  if (problems.length === 0) return [{ text: errorMessage(error), href }];
  return problems.map((p) => ({ text: p.message, href: p.field === 'csv' ? href : undefined }));
}
