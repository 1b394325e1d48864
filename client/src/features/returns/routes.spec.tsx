import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '@mase/shared';
import { AppRoutes } from '../../app/AppRoutes';
import type { SessionUserFragment } from '../../gql/graphql';

function renderAt(path: string, role: Role) {
  const me: SessionUserFragment = { id: 'u1', name: 'Sam Example', email: 'sam@agency.example', role, status: 'ACTIVE', mustChangePassword: false, version: 1, agency: null };
  render(
    <MockedProvider>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes me={me} />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('the returns pages', () => {
  it('tell an agency lead whose account has no agency what to do', async () => {
    renderAt('/returns', 'AGENCY_LEAD');
    expect(await screen.findByRole('heading', { level: 1, name: 'Agency returns' })).toBeTruthy();
    expect(screen.getByText(/not linked to an agency/)).toBeTruthy();
  });

  it('keep the return form to agency leads, and the returns away from the police and the administrator', async () => {
    renderAt('/returns/2026-03', 'CO_CHAIR');
    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeTruthy();
    for (const role of ['POLICE', 'ADMIN'] as const) {
      cleanup();
      renderAt('/returns', role);
      expect(screen.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeTruthy();
    }
  });
});
