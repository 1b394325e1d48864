import type { ReactNode } from 'react';

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  className?: string;
}

interface Props<T> {
  caption: ReactNode;
  captionClass?: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Wraps the table in a region that scrolls sideways on narrow screens (keyboard-focusable). */
  scrollLabel?: string;
  className?: string;
}

/** A GOV.UK table with a caption and a header row. */
export function DataTable<T>({ caption, captionClass = 'govuk-table__caption--m', columns, rows, rowKey, scrollLabel, className }: Props<T>) {
  const table = (
    <table className={`govuk-table${className ? ` ${className}` : ''}`}>
      <caption className={`govuk-table__caption ${captionClass}`}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((c, i) => (
            <th key={i} scope="col" className={`govuk-table__header${c.numeric ? ' govuk-table__header--numeric' : ''}${c.className ? ` ${c.className}` : ''}`}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr key={rowKey(row)} className="govuk-table__row">
            {columns.map((c, i) => (
              <td key={i} className={`govuk-table__cell${c.numeric ? ' govuk-table__cell--numeric' : ''}${c.className ? ` ${c.className}` : ''}`}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!scrollLabel) return table;
  return (
    <div className="app-table-scroll" role="region" aria-label={scrollLabel} tabIndex={0}>
      {table}
    </div>
  );
}
