import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MatchColumns } from './ImportPage';
import { buildMapping, initialChoices, type ImportColumn } from './importMapping';

const columns: ImportColumn[] = [
  { key: 'reference', label: 'Reference', required: true, description: 'The case reference' },
  { key: 'dateOfBirth', label: 'Date of birth', required: true, description: 'yyyy-mm-dd' },
  { key: 'school', label: 'School', required: false, description: 'Where they study' },
];
const headers = ['Case ref', 'DOB', 'School name'];

describe('import column matching', () => {
  it('keeps only suggestions whose header is in the file', () => {
    const choices = initialChoices(columns, [{ key: 'reference', header: 'Case ref' }, { key: 'school', header: 'Gone' }], headers);
    expect(choices).toEqual({ reference: 'Case ref', dateOfBirth: '', school: '' });
    expect(buildMapping(columns, choices)).toEqual([{ key: 'reference', header: 'Case ref' }]);
  });

  it('names a required column left out and sends nothing', () => {
    const onSubmit = vi.fn();
    render(<MatchColumns columns={columns} headers={headers} initial={{ reference: 'Case ref', dateOfBirth: '', school: '' }} busy={false} apiErrors={[]} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check the rows' }));
    expect(within(screen.getByRole('alert')).getByRole('link', { name: 'Choose the column of the file that holds date of birth' })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('builds the mapping from the chosen headers, leaving out "Not in the file"', () => {
    const onSubmit = vi.fn();
    render(<MatchColumns columns={columns} headers={headers} initial={{ reference: 'Case ref', dateOfBirth: '', school: 'School name' }} busy={false} apiErrors={[]} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText(/Date of birth/), { target: { value: 'DOB' } });
    fireEvent.change(screen.getByLabelText(/School/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the rows' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toEqual([
      { key: 'reference', header: 'Case ref' },
      { key: 'dateOfBirth', header: 'DOB' },
    ]);
  });

  it('refuses one header feeding two columns', () => {
    const onSubmit = vi.fn();
    render(<MatchColumns columns={columns} headers={headers} initial={{ reference: 'Case ref', dateOfBirth: 'DOB', school: 'DOB' }} busy={false} apiErrors={[]} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check the rows' }));
    expect(within(screen.getByRole('alert')).getByText(/"DOB" is already matched to date of birth/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
