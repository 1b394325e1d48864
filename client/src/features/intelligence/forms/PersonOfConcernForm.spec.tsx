import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '@mase/shared';
import type { PersonOfConcernFields, SessionUserFragment } from '../../../gql/graphql';
import { IntelligencePage } from '../IntelligencePage';
import { PersonOfConcernForm } from './PersonOfConcernForm';
import { emptyPersonDraft } from './personDraft';

function apiError(message: string, extensions: Record<string, unknown>): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });
}

function renderForm(onSubmit: (fields: PersonOfConcernFields) => Promise<void>, onReload?: () => void) {
  render(<PersonOfConcernForm initial={emptyPersonDraft()} submitLabel="Add person of concern" busy={false} onSubmit={onSubmit} onReload={onReload} />);
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Add person of concern' }));

function fillMinimum() {
  type('Last name (optional)', 'Vexmoor');
  fireEvent.click(screen.getByLabelText('An approximate age'));
  type('Approximate age in years', '32');
  fireEvent.change(screen.getByLabelText('Gender'), { target: { value: 'MALE' } });
}

describe('PersonOfConcernForm', () => {
  it('adds and removes entries of a list, moving the focus to the new box', async () => {
    renderForm(vi.fn(() => Promise.resolve()));
    type('Alias or nickname 1', 'Dex');
    fireEvent.click(screen.getByRole('button', { name: 'Add another alias or nickname' }));
    const second = screen.getByLabelText('Alias or nickname 2');
    await vi.waitFor(() => expect(document.activeElement).toBe(second));
    type('Alias or nickname 2', 'DV');
    fireEvent.click(screen.getByRole('button', { name: /^Remove\s*alias or nickname 1$/ }));
    expect(screen.queryByLabelText('Alias or nickname 2')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Alias or nickname 1').value).toBe('DV');
    fireEvent.click(screen.getByRole('button', { name: 'Add a vehicle' }));
    expect(screen.getByRole('group', { name: 'Vehicle 1' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove vehicle 1' }));
    expect(screen.queryByRole('group', { name: 'Vehicle 1' })).toBeNull();
  });

  it('says what is missing and sends nothing', () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderForm(onSubmit);
    submit();
    const summary = within(screen.getByRole('alert'));
    expect(summary.getByRole('link', { name: 'Enter a name, or at least one alias or nickname' }).getAttribute('href')).toBe('#firstName');
    expect(summary.getByRole('link', { name: 'Choose their gender' })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the server’s problems beside the boxes they are about, skipping blank entries', async () => {
    const onSubmit = vi.fn(() =>
      Promise.reject(apiError('There is a problem with what you entered', { code: 'BAD_USER_INPUT', fields: [{ field: 'phoneNumbers.0', message: 'A phone number needs at least 3 digits' }] })),
    );
    renderForm(onSubmit);
    fillMinimum();
    fireEvent.click(screen.getByRole('button', { name: 'Add another phone number' }));
    type('Phone number 2', '0770');
    submit();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const sent = (onSubmit.mock.calls as unknown as [PersonOfConcernFields][])[0][0];
    expect(sent.phoneNumbers).toEqual(['0770']);
    expect(await screen.findByRole('link', { name: 'A phone number needs at least 3 digits' })).toBeTruthy();
    expect(screen.getByLabelText('Phone number 2').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Phone number 1').getAttribute('aria-invalid')).toBeNull();
  });

  it('on a clash keeps what was typed and offers to reload', async () => {
    const onReload = vi.fn();
    renderForm(() => Promise.reject(apiError('Someone else changed this person of concern after you opened it. Reload and try again.', { code: 'CONFLICT' })), onReload);
    fillMinimum();
    submit();
    expect(await screen.findByText('Someone else changed this person of concern after you opened it, so your changes have not been saved.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Last name (optional)').value).toBe('Vexmoor');
    fireEvent.click(screen.getByRole('button', { name: 'Reload this person of concern' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});

function user(role: Role): SessionUserFragment {
  return { id: 'u1', name: 'Sam Example', email: 'sam@agency.example', role, status: 'ACTIVE', mustChangePassword: false, version: 1, agency: null };
}

describe('the intelligence landing page', () => {
  it('offers the police the record buttons, and readers none', () => {
    const { unmount } = render(
      <MemoryRouter>
        <IntelligencePage me={user('POLICE')} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('button', { name: 'Record the police monthly report' }).getAttribute('href')).toBe('/intelligence/police-report');
    expect(screen.getByRole('button', { name: 'Add a person of concern' })).toBeTruthy();
    unmount();
    for (const role of ['ANALYST', 'CO_CHAIR', 'COORDINATOR'] as const) {
      const view = render(
        <MemoryRouter>
          <IntelligencePage me={user(role)} />
        </MemoryRouter>,
      );
      expect(screen.queryByRole('heading', { name: 'Record intelligence' })).toBeNull();
      expect(screen.queryByRole('button', { name: /Record|Add/ })).toBeNull();
      view.unmount();
    }
  });
});
