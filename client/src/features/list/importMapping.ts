/** One import column as the API describes it. */
export interface ImportColumn {
  key: string;
  label: string;
  required: boolean;
  description: string;
}

/** What feeds each import column: a header of the file, or '' for "Not in the file". */
export type Choices = Record<string, string>;

/** The choices to start from: the API's suggestion, kept only where the header is really in the file. */
export function initialChoices(columns: readonly ImportColumn[], suggested: readonly { key: string; header: string }[], headers: readonly string[]): Choices {
  const out: Choices = {};
  for (const c of columns) {
    const s = suggested.find((m) => m.key === c.key);
    out[c.key] = s && headers.includes(s.header) ? s.header : '';
  }
  return out;
}

/** The mapping to send: one `{ key, header }` for each column fed from the file, in column order. */
export function buildMapping(columns: readonly ImportColumn[], choices: Choices): { key: string; header: string }[] {
  return columns.filter((c) => choices[c.key]).map((c) => ({ key: c.key, header: choices[c.key] }));
}

/** The input id of a column's select. */
export function columnSelectId(key: string): string {
  return `column-${key}`;
}

/** Problems with the choices: a required column not in the file, or one header feeding two columns. */
export function mappingProblems(columns: readonly ImportColumn[], choices: Choices): { id: string; message: string }[] {
  const out: { id: string; message: string }[] = [];
  const used = new Map<string, string>();
  for (const c of columns) {
    const header = choices[c.key];
    if (!header) {
      if (c.required) out.push({ id: columnSelectId(c.key), message: `Choose the column of the file that holds ${c.label.toLowerCase()}` });
      continue;
    }
    const other = used.get(header);
    if (other) out.push({ id: columnSelectId(c.key), message: `"${header}" is already matched to ${other.toLowerCase()}: choose a different column for ${c.label.toLowerCase()}` });
    else used.set(header, c.label);
  }
  return out;
}
