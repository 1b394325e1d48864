import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ReturnSettingsDocument, UpdateReturnSettingsDocument } from '../../gql/graphql';
import { DeadlineSettingsSection, describeRule } from './DeadlineSettings';

const SETTINGS = { __typename: 'ReturnSettings' as const, rule: 'WORKING_DAYS_BEFORE_MEETING', workingDays: 5, fixedDay: 10, meetingWeekday: 3, meetingWeek: 2, version: 4 };
const read = { request: { query: ReturnSettingsDocument }, result: { data: { returnSettings: SETTINGS } } };

describe('return deadline settings', () => {
  it('say the rule in words', () => {
    expect(describeRule(SETTINGS)).toBe(
      "Each month's return is due 5 working days before the meeting, usually the second Wednesday of the month after it (England and Wales bank holidays excluded).",
    );
    expect(describeRule({ ...SETTINGS, rule: 'FIXED_DAY', fixedDay: 22 })).toBe("Each month's return is due on the 22nd of the following month.");
  });

  it('are shown without a way to change them to the co-ordinator', async () => {
    render(
      <MockedProvider mocks={[read]}>
        <DeadlineSettingsSection canChange={false} />
      </MockedProvider>,
    );
    expect(await screen.findByText(/due 5 working days before the meeting/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change the deadlines' })).toBeNull();
  });

  it('are changed by a co-chair: a day out of range is named and nothing sent; then the new rule is saved and shown', async () => {
    const saved = { ...SETTINGS, rule: 'FIXED_DAY', fixedDay: 12, version: 5 };
    const update = {
      request: { query: UpdateReturnSettingsDocument, variables: { input: { rule: 'FIXED_DAY', workingDays: 5, fixedDay: 12, meetingWeekday: 3, meetingWeek: 2, version: 4 } } },
      result: { data: { updateReturnSettings: saved } },
    };
    render(
      <MockedProvider mocks={[read, update]}>
        <DeadlineSettingsSection canChange />
      </MockedProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Change the deadlines' }));
    fireEvent.change(screen.getByLabelText('How the deadline is set'), { target: { value: 'FIXED_DAY' } });
    fireEvent.change(screen.getByLabelText(/Day of the month/), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the deadlines' }));
    expect((await screen.findAllByText('Enter a day of the month, from 1 to 31')).length).toBeGreaterThanOrEqual(2);
    fireEvent.change(screen.getByLabelText(/Day of the month/), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the deadlines' }));
    expect(await screen.findByText(/Deadlines changed\. Each month's return is due on the 12th of the following month\./)).toBeTruthy();
  });

  it('tell the co-chair when someone else changed them first, keeping the form', async () => {
    const { __typename: _typename, ...current } = SETTINGS;
    const conflict = {
      request: { query: UpdateReturnSettingsDocument, variables: { input: { ...current, workingDays: 3 } } },
      result: { errors: [new GraphQLError('Someone else changed the deadline settings after you opened them. Reload and try again.', { extensions: { code: 'CONFLICT' } })] },
    };
    render(
      <MockedProvider mocks={[read, conflict]}>
        <DeadlineSettingsSection canChange />
      </MockedProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Change the deadlines' }));
    fireEvent.change(screen.getByLabelText('Working days before the meeting'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the deadlines' }));
    await waitFor(() => expect(screen.getByText(/Someone else changed the deadline settings/)).toBeTruthy());
    expect(screen.getByLabelText<HTMLInputElement>('Working days before the meeting').value).toBe('3');
  });
});
