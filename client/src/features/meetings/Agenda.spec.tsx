import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '@mase/shared';
import { MeetingFiguresDocument, type AgendaItemFieldsFragment, type MeetingStatus } from '../../gql/graphql';
import { Agenda } from './Agenda';

const MEETING_ID = '3f0a7c1e-2b4d-4e6f-8a9b-0c1d2e3f4a5b';

function item(id: string, section: AgendaItemFieldsFragment['section'], position: number, title: string, entries: AgendaItemFieldsFragment['entries'] = [], notes: string | null = null): AgendaItemFieldsFragment {
  return { id, section, position, generator: `gen-${id}`, title, notes, version: 1, entries };
}

const ITEMS: AgendaItemFieldsFragment[] = [
  item('i2', 'VICTIMS', 1, 'Red (score 3)'),
  item(
    'i1',
    'VICTIMS',
    0,
    'New to the list since the last meeting',
    [{ key: 'yp:1', person: 'A.B. (KM-0001)', text: 'Added on 2 Nov 2026, score 2', detail: 'Boyfriend model', linkKind: 'YOUNG_PERSON', linkId: 'yp-1' }],
    'Discuss the school’s concerns first',
  ),
  item('i3', 'LOCATIONS', 0, 'New and persistent hot spots', [{ key: 'place:1', person: null, text: 'Riverside car park: 4 reports', detail: null, linkKind: 'PLACE', linkId: 'pl-1' }]),
];

function renderAgenda(status: MeetingStatus, role: Role = 'CO_CHAIR') {
  const meeting = { id: MEETING_ID, date: '2026-01-21', status, issuedAt: status === 'PLANNED' ? null : '2026-12-09T10:05:00.000Z', agendaGeneratedAt: '2026-12-08T16:00:00.000Z', version: 3 };
  // The figures under the Locations and Themes items are drawn (and tested) on their own.
  const withTiles = role !== 'AGENCY_LEAD';
  const figures = { request: { query: MeetingFiguresDocument, variables: { id: MEETING_ID, withTiles } }, result: { data: { meeting: { __typename: 'Meeting' as const, id: MEETING_ID, figures: null }, ...(withTiles ? { mapTiles: null } : {}) } } };
  render(
    <MockedProvider mocks={[figures]}>
      <MemoryRouter>
        <Agenda meeting={meeting} items={ITEMS} role={role} onReload={() => undefined} />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('the agenda', () => {
  it('shows the sections in order and each item with its entries, detail, links and notes', () => {
    renderAgenda('AGENDA_ISSUED');
    const sections = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(sections).toEqual(['Agenda issued', '1. Welcome, attendance and apologies', '2. Minutes and actions from the last meeting', '3. Victims', '4. Offenders', '5. Locations', '6. Themes, trends and patterns', '7. Agency returns', '8. Blockages and obstacles', '9. Any other business and date of next meeting']);
    // Items in their order within the section, numbered.
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['3.1 New to the list since the last meeting', '3.2 Red (score 3)', '5.1 New and persistent hot spots']);
    expect(screen.getByRole('link', { name: 'A.B. (KM-0001)' }).getAttribute('href')).toBe('/list/yp-1');
    expect(screen.getByRole('link', { name: 'Riverside car park: 4 reports' }).getAttribute('href')).toBe('/intelligence/places/pl-1');
    expect(screen.getByText('Boyfriend model').className).toContain('govuk-body-s');
    expect(screen.getByText('Discuss the school’s concerns first')).toBeTruthy();
  });

  it('is read-only once issued: frozen at the time of issue, with nothing to edit, move, add or remove', () => {
    renderAgenda('AGENDA_ISSUED');
    const banner = screen.getByTestId('agenda-frozen');
    expect(banner.textContent).toContain('This agenda was frozen at 9 Dec 2026, 10:05, when it was issued.');
    expect(banner.textContent).toContain('It is read-only');
    const agenda = within(screen.getByTestId('agenda'));
    expect(agenda.queryAllByRole('button')).toEqual([]);
    expect(agenda.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryByText(/Generate the agenda|Refresh from the data|Issue the agenda/)).toBeNull();
  });

  it('gives agency leads no links to records they may not open', () => {
    renderAgenda('AGENDA_ISSUED', 'AGENCY_LEAD');
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.getByText('A.B. (KM-0001)')).toBeTruthy();
  });

  it('can be edited, ordered, added to and issued before it is issued', () => {
    renderAgenda('PLANNED');
    expect(screen.queryByTestId('agenda-frozen')).toBeNull();
    expect(screen.getByRole('button', { name: 'Refresh from the data' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit New to the list since the last meeting' })).toBeTruthy();
    // The first item of a section moves only down, the last only up.
    expect(screen.queryByRole('button', { name: 'Move up New to the list since the last meeting' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Move down New to the list since the last meeting' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Move up Red (score 3)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add an item to Victims' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Edit New to the list since the last meeting' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Notes (optional)', { exact: false }).value).toBe('Discuss the school’s concerns first');
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));

    fireEvent.click(screen.getByRole('button', { name: 'Issue the agenda' }));
    expect(screen.getByRole('button', { name: 'Yes, issue the agenda' })).toBeTruthy();
  });

  it('lets the police change only the offenders and locations items', () => {
    renderAgenda('PLANNED', 'POLICE');
    expect(screen.queryByRole('button', { name: 'Edit New to the list since the last meeting' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit New and persistent hot spots' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Move/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Generate|Refresh|Issue/ })).toBeNull();
  });
});
