import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { MeDocument } from '../gql/graphql';
import { Session } from './Session';

function meResult(overrides: { mfaRequired: boolean; mfaEnabled: boolean; mustChangePassword?: boolean }): MockLink.MockedResponse {
  return {
    request: { query: MeDocument },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'u1',
          name: 'Robin Chair',
          email: 'robin@agency.example',
          role: 'CO_CHAIR',
          status: 'ACTIVE',
          version: 1,
          agency: null,
          mustChangePassword: overrides.mustChangePassword ?? false,
          mfaRequired: overrides.mfaRequired,
          mfaEnabled: overrides.mfaEnabled,
        },
      },
    },
  };
}

function renderSession(mock: MockLink.MockedResponse) {
  render(
    <MockedProvider mocks={[mock]}>
      <MemoryRouter initialEntries={['/list']}>
        <Session />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('Session', () => {
  it('shows only the set-up page, without navigation, while a required two-step verification is not set up', async () => {
    renderSession(meResult({ mfaRequired: true, mfaEnabled: false }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Set up two-step verification' })).toBeTruthy());
    expect(screen.getByText(/as a mase co-chair you must use two-step verification/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Set up two-step verification' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Your account' })).toBeNull();
  });

  it('asks for the password change first when both are due', async () => {
    renderSession(meResult({ mfaRequired: true, mfaEnabled: false, mustChangePassword: true }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Change your password' })).toBeTruthy());
  });

  it('shows the service once two-step verification is on', async () => {
    renderSession(meResult({ mfaRequired: true, mfaEnabled: true }));
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy());
    expect(screen.getByRole('link', { name: 'Your account' }).getAttribute('href')).toBe('/account');
  });
});
