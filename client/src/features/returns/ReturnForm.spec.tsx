import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { templateFor } from '@mase/shared';
import { SaveReturnDraftDocument, SubmitReturnDocument, type AgencyReturnFieldsFragment } from '../../gql/graphql';
import { measureId, youngPersonId } from './draft';
import { ReturnForm } from './ReturnForm';

const AGENCY = { __typename: 'Agency' as const, id: '6d0c1b8e-5b1f-4f7a-9d33-2a6f0c9e1a11', name: 'Kingsmere Community Health Trust', kind: 'HEALTH' as const };
const RETURN_ID = '0b7e3c55-8f0e-4a4e-b1f2-3c4d5e6f7a8b';

function savedReturn(version: number, value = 3): AgencyReturnFieldsFragment {
  // With the __typename of each object, as the API sends it.
  const r = {
    __typename: 'AgencyReturn' as const,
    id: RETURN_ID,
    agency: AGENCY,
    period: '2026-10',
    status: 'DRAFT' as const,
    deadline: '2026-11-11',
    late: false,
    firstSubmittedAt: null,
    lastSubmittedAt: null,
    reviewComment: null,
    version,
    versionCount: 0,
    updatedAt: '2026-10-20T13:05:00.000Z',
    content: {
      __typename: 'ReturnContentView' as const,
      measures: templateFor('HEALTH').map((m) => ({ __typename: 'ReturnMeasureValue' as const, key: m.key, label: m.label, section: m.section, value })),
      localities: [],
      youngPeople: [
        { __typename: 'ReturnYoungPerson' as const, reference: 'HLTH-1001', involvement: 'AT_RISK' as const, firstName: null, lastName: null, dateOfBirth: null, pseudonym: null },
      ],
      outcomes: 'Two young people engaged with specialist support.',
      blockages: [],
    },
  };
  return r;
}

const anyVariables = () => true;

function renderForm(mocks: ConstructorParameters<typeof MockedProvider>[0]['mocks']) {
  const onDone = vi.fn();
  const onReload = vi.fn();
  render(
    <MockedProvider mocks={mocks}>
      <ReturnForm agencyId={AGENCY.id} kind="HEALTH" period="2026-10" saved={savedReturn(1)} onDone={onDone} onReload={onReload} title="Return for October 2026" />
    </MockedProvider>,
  );
  return { onDone, onReload };
}

describe('the return form', () => {
  it('names a negative number and a measure left out against their fields, and sends nothing', () => {
    renderForm([]);
    const [first, second] = templateFor('HEALTH');
    fireEvent.change(screen.getByLabelText(first.label), { target: { value: '-4' } });
    fireEvent.change(screen.getByLabelText(second.label), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit the return' }));
    const summary = within(screen.getByRole('alert'));
    expect(summary.getByRole('link', { name: `${first.label} must be a whole number, 0 or more` }).getAttribute('href')).toBe(`#${measureId(first.key)}`);
    expect(summary.getByRole('link', { name: `Enter ${second.label.charAt(0).toLowerCase()}${second.label.slice(1)} (0 if none)` }).getAttribute('href')).toBe(`#${measureId(second.key)}`);
    expect(document.getElementById(`${measureId(first.key)}-error`)?.textContent).toContain('must be a whole number, 0 or more');
    expect(screen.getByLabelText(first.label).getAttribute('aria-invalid')).toBe('true');
  });

  it("shows the server's problems against the fields they name", async () => {
    const staff = templateFor('HEALTH').find((m) => m.key === 'staffTrained')!;
    const { onDone } = renderForm([
      { request: { query: SaveReturnDraftDocument, variables: anyVariables }, result: { data: { saveReturnDraft: savedReturn(2) } } },
      {
        request: { query: SubmitReturnDocument, variables: anyVariables },
        result: {
          errors: [
            new GraphQLError('The return has 2 problems: correct them and submit again', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [
                  { field: 'content.measures.staffTrained', message: `${staff.label} must be 100,000 or fewer` },
                  { field: 'content.youngPeople.0.reference', message: 'Reference HLTH-1001 is listed twice (also young person 2)' },
                ],
              },
            }),
          ],
        },
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Submit the return' }));
    const summary = within(await screen.findByRole('alert'));
    expect(summary.getByRole('link', { name: `${staff.label} must be 100,000 or fewer` }).getAttribute('href')).toBe(`#${measureId('staffTrained')}`);
    expect(summary.getByRole('link', { name: /Reference HLTH-1001 is listed twice/ }).getAttribute('href')).toBe(`#${youngPersonId(0, 'reference')}`);
    expect(document.getElementById(`${measureId('staffTrained')}-error`)?.textContent).toContain('must be 100,000 or fewer');
    expect(document.getElementById(`${youngPersonId(0, 'reference')}-error`)?.textContent).toContain('listed twice');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('keeps what was typed when someone else saved first, says who, and offers to reload', async () => {
    const { onReload } = renderForm([
      {
        request: { query: SaveReturnDraftDocument, variables: anyVariables },
        result: {
          errors: [
            new GraphQLError('Robin Other saved this return at 20 Oct, 14:05, after you opened it. Your changes have not been saved: reload to see theirs, then add yours again.', {
              extensions: { code: 'CONFLICT' },
            }),
          ],
        },
      },
    ]);
    const first = templateFor('HEALTH')[0];
    fireEvent.change(screen.getByLabelText(first.label), { target: { value: '17' } });
    fireEvent.change(screen.getByLabelText("What your agency's work on CSE achieved this month"), { target: { value: 'Three new school sessions' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save as draft' }));
    const conflict = await screen.findByTestId('conflict');
    expect(conflict.textContent).toContain('Robin Other saved this return');
    expect(screen.getByLabelText<HTMLInputElement>(first.label).value).toBe('17');
    expect(screen.getByLabelText<HTMLTextAreaElement>("What your agency's work on CSE achieved this month").value).toBe('Three new school sessions');
    fireEvent.click(within(conflict).getByRole('button', { name: 'Reload the saved return' }));
    await waitFor(() => expect(onReload).toHaveBeenCalledTimes(1));
  });
});
