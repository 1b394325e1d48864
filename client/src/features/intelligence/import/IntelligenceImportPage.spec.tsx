import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { LINK_IMPORT_COLUMNS, type Role } from '@mase/shared';
import {
  ImportHotSpotReportsDocument,
  ImportLinksDocument,
  PreviewHotSpotReportsImportDocument,
  PreviewLinksImportDocument,
  type IntelligenceImportPreviewFragment,
  type SessionUserFragment,
} from '../../../gql/graphql';
import { IntelligenceImportPage, type IntelligenceImportKind } from './IntelligenceImportPage';

const CSV = 'From type,From,To type,To,Link type\nPerson of concern,POC-0001,Place,Harbour Lane Chicken,FREQUENTS\n';

function user(role: Role): SessionUserFragment {
  return { id: 'u1', name: 'Pat Officer', email: 'pat@police.example', role, status: 'ACTIVE', mustChangePassword: false, version: 1, agency: null };
}

function preview(rows: IntelligenceImportPreviewFragment['rows']): IntelligenceImportPreviewFragment & { __typename: string } {
  const count = (o: string) => rows.filter((r) => r.outcome === o).length;
  return { __typename: 'ImportPreview', total: rows.length, creates: count('CREATE'), updates: count('UPDATE'), errors: count('ERROR'), fileErrors: [], rows };
}

function renderPage(kind: IntelligenceImportKind, mocks: MockLink.MockedResponse[], role: Role = 'POLICE') {
  const cache = new InMemoryCache();
  const evict = vi.spyOn(cache, 'evict');
  render(
    <MockedProvider mocks={mocks} cache={cache}>
      <MemoryRouter>
        <IntelligenceImportPage me={user(role)} kind={kind} />
      </MemoryRouter>
    </MockedProvider>,
  );
  return { evict };
}

/** Chooses the CSV and continues; resolves once the check step shows. */
async function chooseFile(name = 'links.csv') {
  const file = new File([CSV], name, { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText(/CSV file of/), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { level: 1, name: 'Check the rows' });
}

describe('IntelligenceImportPage', () => {
  it('is only for the police', () => {
    renderPage('links', [], 'CO_CHAIR');
    expect(screen.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeTruthy();
  });

  it('offers the template and lists the columns the file needs', () => {
    renderPage('links', []);
    expect(screen.getByRole('heading', { level: 1, name: 'Choose the file' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download the template (CSV)' }).getAttribute('href')).toBe('/files/templates/links.csv');
    const table = within(screen.getByRole('table', { name: 'Columns of the file' }));
    expect(table.getAllByRole('rowheader').map((c) => c.textContent)).toEqual(LINK_IMPORT_COLUMNS.map((c) => c.label));
  });

  it('asks for a file before checking anything', () => {
    renderPage('links', []);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(within(screen.getByRole('alert')).getByRole('link', { name: 'Choose a CSV file' }).getAttribute('href')).toBe('#import-file');
  });

  it('shows row errors by column, errors first, and offers no import', async () => {
    renderPage('links', [
      {
        request: { query: PreviewLinksImportDocument, variables: { csv: CSV } },
        result: {
          data: {
            preview: preview([
              { line: 2, reference: 'POC-0001 → Harbour Lane Chicken', outcome: 'CREATE', errors: [] },
              { line: 3, reference: 'POC-0002 → Nowhere', outcome: 'ERROR', errors: [{ column: 'To', message: 'No place called "Nowhere" is recorded' }] },
            ]),
          },
        },
      },
    ]);
    await chooseFile();

    expect(within(screen.getByRole('alert')).getByRole('link', { name: '1 row has errors. Fix them in the file and choose it again' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Rows, those with errors first' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first).getByText('3')).toBeTruthy();
    expect(within(first).getByText('Error')).toBeTruthy();
    expect(within(first).getByText('To: No place called "Nowhere" is recorded')).toBeTruthy();
    expect(within(second).getByText('New link')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Choose the file again' })).toBeTruthy();
    expect(document.title).toBe('Error: Check the rows – Import links – MASE Hub');
  });

  it('imports a clean file, shows the server’s message and forgets the cached network', async () => {
    const message = 'Imported 2 rows: 1 new links, 1 merged into links already recorded';
    const { evict } = renderPage('links', [
      {
        request: { query: PreviewLinksImportDocument, variables: { csv: CSV } },
        result: {
          data: {
            preview: preview([
              { line: 2, reference: 'POC-0001 → Harbour Lane Chicken', outcome: 'UPDATE', errors: [] },
              { line: 3, reference: 'POC-0002 → Harbour Lane Chicken', outcome: 'CREATE', errors: [] },
            ]),
          },
        },
      },
      {
        request: { query: ImportLinksDocument, variables: { csv: CSV } },
        delay: 50,
        result: { data: { result: { __typename: 'IntelligenceImportResult', rows: 2, created: 1, updated: 1, message } } },
      },
    ]);
    await chooseFile();

    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Merge')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 links' }));
    await screen.findByRole('button', { name: 'Importing the links…' });
    expect(within(screen.getByRole('status')).getByText(/Importing 2 rows/)).toBeTruthy();

    const panel = await screen.findByRole('heading', { level: 1, name: 'Links imported' });
    expect(panel.parentElement?.textContent).toContain(message);
    expect(screen.getByRole('link', { name: 'View the network' }).getAttribute('href')).toBe('/intelligence/network');
    expect(screen.getByRole('link', { name: 'Go back to intelligence' }).getAttribute('href')).toBe('/intelligence');
    for (const fieldName of ['links', 'network']) expect(evict).toHaveBeenCalledWith({ id: 'ROOT_QUERY', fieldName });
  });

  it('keeps the user on the check step when the import is refused', async () => {
    renderPage('hot-spot-reports', [
      {
        request: { query: PreviewHotSpotReportsImportDocument, variables: { csv: CSV } },
        result: { data: { preview: preview([{ line: 2, reference: 'Harbour Lane Chicken, 2026-09', outcome: 'UPDATE', errors: [] }]) } },
      },
      {
        request: { query: ImportHotSpotReportsDocument, variables: { csv: CSV } },
        result: {
          errors: [
            new GraphQLError('Nothing was imported', {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'csv', message: '1 rows have errors: fix them and check the file again' }] },
            }),
          ],
        },
      },
    ]);
    await chooseFile('hot-spots.csv');
    expect(screen.getByText('Replace')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 report' }));

    await waitFor(() => expect(within(screen.getByRole('alert')).getByText('Nothing was imported. 1 rows have errors: fix them and check the file again')).toBeTruthy());
    expect(screen.getByRole('heading', { level: 1, name: 'Check the rows' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check the file again' })).toBeTruthy();
  });
});
