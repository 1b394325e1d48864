import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CheckRows, type CheckRowsWording } from './CheckRows';
import { ChooseCsvFile } from './ChooseCsvFile';
import { MAX_FILE_BYTES, sortRows, type PreviewResult } from './importRows';

const wording: CheckRowsWording = {
  creates: 'New things',
  updates: 'Changed things',
  reference: 'Thing',
  outcomes: { CREATE: 'New', UPDATE: 'Change' },
  importButton: (n) => `Import ${n} things`,
};

function result(rows: PreviewResult['rows'], fileErrors: string[] = []): PreviewResult {
  const count = (o: string) => rows.filter((r) => r.outcome === o).length;
  return { total: rows.length, creates: count('CREATE'), updates: count('UPDATE'), errors: count('ERROR'), fileErrors, rows };
}

describe('import components', () => {
  it('sorts rows with errors first, then by line', () => {
    const rows = [
      { line: 4, outcome: 'CREATE' },
      { line: 5, outcome: 'ERROR' },
      { line: 2, outcome: 'UPDATE' },
      { line: 3, outcome: 'ERROR' },
    ];
    expect(sortRows(rows).map((r) => r.line)).toEqual([3, 5, 2, 4]);
  });

  it('refuses a file over 5 MB in the browser', () => {
    const onChosen = vi.fn();
    render(<ChooseCsvFile busy={false} errors={[]} onChosen={onChosen} label="CSV file" />);
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'big.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [big] } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(within(screen.getByRole('alert')).getByRole('link', { name: /larger than 5 MB/ })).toBeTruthy();
    expect(document.getElementById('import-file-error')?.textContent).toContain('larger than 5 MB');
    expect(onChosen).not.toHaveBeenCalled();
  });

  it('uses the wizard’s words and offers the import only when every row is clean', () => {
    const onImport = vi.fn();
    const { rerender } = render(
      <CheckRows preview={result([{ line: 2, reference: 'A', outcome: 'UPDATE', errors: [] }])} wording={wording} busy={false} apiErrors={[]} onImport={onImport} />,
    );
    expect(screen.getByText('Changed things')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Thing' })).toBeTruthy();
    expect(screen.getByText('Change')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 things' }));
    expect(onImport).toHaveBeenCalledTimes(1);

    rerender(<CheckRows preview={result([], ['The file has no rows'])} wording={wording} busy={false} apiErrors={[]} onImport={onImport} />);
    expect(within(screen.getByRole('alert')).getByText('The file has no rows')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
