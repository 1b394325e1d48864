import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RecordActionDocument } from '../../gql/graphql';
import { ACTION_FIELD_IDS, ActionForm } from './ActionForm';

const MEETING_ID = '3f0a7c1e-2b4d-4e6f-8a9b-0c1d2e3f4a5b';
const HEALTH = { id: '6d0c1b8e-5b1f-4f7a-9d33-2a6f0c9e1a11', name: 'Kingsmere Community Health Trust' };
const EDUCATION = { id: '7e1d2c9f-6c2a-4a8b-8e44-3b7a1d0f2b22', name: 'Kingsmere Education Safeguarding Team' };

const anyVariables = () => true;

function renderForm(mocks: ConstructorParameters<typeof MockedProvider>[0]['mocks']) {
  render(
    <MockedProvider mocks={mocks}>
      <ActionForm meetingId={MEETING_ID} agencies={[HEALTH, EDUCATION]} people={[{ id: 'yp-1', label: 'A.B. (KM-0001)' }]} />
    </MockedProvider>,
  );
}

const missingFields = new GraphQLError('Check the action', {
  extensions: {
    code: 'BAD_USER_INPUT',
    fields: [
      { field: 'input.ownerAgencyId', message: 'Choose the agency that owns the action' },
      { field: 'owner', message: 'Name the person who owns the action' },
      { field: 'dueOn', message: 'Give the date the action is due' },
    ],
  },
});

describe('the action form', () => {
  it("shows the server's missing fields against their inputs, each linked from the summary", async () => {
    renderForm([{ request: { query: RecordActionDocument, variables: anyVariables }, result: { errors: [missingFields] } }]);
    fireEvent.change(screen.getByLabelText('What is to be done'), { target: { value: 'Share the safety plan with the school' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the action' }));

    const summary = within(await screen.findByRole('alert'));
    expect(summary.getByRole('link', { name: 'Choose the agency that owns the action' }).getAttribute('href')).toBe(`#${ACTION_FIELD_IDS.ownerAgencyId}`);
    expect(summary.getByRole('link', { name: 'Name the person who owns the action' }).getAttribute('href')).toBe(`#${ACTION_FIELD_IDS.owner}`);
    expect(summary.getByRole('link', { name: 'Give the date the action is due' }).getAttribute('href')).toBe(`#${ACTION_FIELD_IDS.dueOn}`);

    // Beside each field, and the field marked invalid; the description was fine.
    expect(document.getElementById(`${ACTION_FIELD_IDS.ownerAgencyId}-error`)?.textContent).toContain('Choose the agency that owns the action');
    expect(screen.getByLabelText('Agency that owns it').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Owner', { exact: false }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Due by', { exact: false }).getAttribute('aria-describedby')).toContain(`${ACTION_FIELD_IDS.dueOn}-error`);
    expect(screen.getByLabelText('What is to be done').getAttribute('aria-invalid')).toBeNull();
    // What was typed is kept.
    expect(screen.getByLabelText<HTMLTextAreaElement>('What is to be done').value).toBe('Share the safety plan with the school');
  });

  it('sends every field once they are corrected, and clears the errors', async () => {
    let sent: unknown = null;
    renderForm([
      { request: { query: RecordActionDocument, variables: anyVariables }, result: { errors: [missingFields] } },
      {
        request: {
          query: RecordActionDocument,
          variables: (v: unknown) => {
            sent = v;
            return true;
          },
        },
        result: {
          data: {
            recordAction: {
              __typename: 'MeetingAction',
              id: 'a1',
              meetingId: MEETING_ID,
              meetingDate: '2026-12-16',
              description: 'Share the safety plan with the school',
              ownerAgency: { __typename: 'Agency', ...HEALTH },
              owner: 'Sam Okafor',
              dueOn: '2026-12-30',
              status: 'OPEN',
              update: null,
              completedOn: null,
              overdue: false,
              person: 'A.B. (KM-0001)',
              youngPersonId: 'yp-1',
              version: 1,
            },
          },
        },
      },
    ]);
    fireEvent.change(screen.getByLabelText('What is to be done'), { target: { value: 'Share the safety plan with the school' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the action' }));
    await screen.findByRole('alert');

    fireEvent.change(screen.getByLabelText('Agency that owns it'), { target: { value: HEALTH.id } });
    fireEvent.change(screen.getByLabelText('Owner', { exact: false }), { target: { value: ' Sam Okafor ' } });
    fireEvent.change(screen.getByLabelText('Due by', { exact: false }), { target: { value: '2026-12-30' } });
    fireEvent.change(screen.getByLabelText('Young person it is about (optional)'), { target: { value: 'yp-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the action' }));

    expect((await screen.findByRole('status')).textContent).toBe('Action recorded: Share the safety plan with the school');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(sent).toEqual({
      input: { meetingId: MEETING_ID, description: 'Share the safety plan with the school', ownerAgencyId: HEALTH.id, owner: 'Sam Okafor', dueOn: '2026-12-30', youngPersonId: 'yp-1' },
    });
    // Ready for the next action.
    expect(screen.getByLabelText<HTMLTextAreaElement>('What is to be done').value).toBe('');
  });
});
