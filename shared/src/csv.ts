/**
 * The CSV policy for every file the product writes: a spreadsheet treats a cell that begins with
 * =, +, -, @, a tab or a carriage return as a formula (=HYPERLINK(…), =cmd|…), so such a cell is
 * written with a leading apostrophe and opens as the text it holds. A plain number (-3, 1.5) is
 * left as it is. A cell holding a comma, a quote or a line break is quoted.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as a CSV file: CRLF line ends, a final line end. */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
