import { parse } from 'csv-parse/sync';

export interface CsvFile {
  headers: string[];
  /** One header → value record per data row; empty when the file has errors. */
  records: Record<string, string>[];
  /** Problems with the file as a whole (nothing row-level is checked when there are any). */
  fileErrors: string[];
}

/** Reads a CSV with a header row, refusing what cannot be imported safely: unreadable, empty, duplicate headers, ragged rows, too many rows. */
export function readCsv(csv: string, maxRows: number): CsvFile {
  const fileErrors: string[] = [];
  let headers: string[] = [];
  let records: Record<string, string>[] = [];
  try {
    const rows: string[][] = parse(csv, { bom: true, skip_empty_lines: true, relax_quotes: false, relax_column_count: true });
    headers = (rows[0] ?? []).map((h) => h.trim());
    if (!headers.length) fileErrors.push('The file is empty: it needs a header row and at least one row of data');
    if (new Set(headers).size !== headers.length) fileErrors.push('Two columns of the header row have the same name');
    if (rows.length - 1 > maxRows) fileErrors.push(`The file has ${rows.length - 1} rows; import at most ${maxRows} at a time`);
    rows.slice(1).forEach((r, i) => {
      if (r.length !== headers.length && fileErrors.length < 20) fileErrors.push(`Line ${i + 2} has ${r.length} values but the header has ${headers.length}`);
    });
    if (!fileErrors.length) records = rows.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ''])));
  } catch (err) {
    fileErrors.push(`The file is not valid CSV: ${err instanceof Error ? err.message.replace(/^Invalid [^:]+: /, '') : 'unreadable'}`);
  }
  return { headers, records, fileErrors };
}
