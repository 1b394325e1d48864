import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '@mase/shared';
import { AppRoutes } from '../../../app/AppRoutes';
import type { SessionUserFragment } from '../../../gql/graphql';

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

const ID = '3f1c2b7e-2d44-4c55-9a0e-6b1d2c3e4f50';
const FORMS = [
  '/intelligence/people/new',
  `/intelligence/people/${ID}/edit`,
  '/intelligence/places/new',
  `/intelligence/places/${ID}/edit`,
  `/intelligence/places/${ID}/hot-spot-report?month=2026-03`,
  `/intelligence/links/new?fromKind=LOCATION&fromId=${ID}`,
  '/intelligence/police-report',
];

describe('the intelligence forms', () => {
  it('are refused to the roles that only read intelligence', () => {
    for (const role of ['CO_CHAIR', 'COORDINATOR', 'ANALYST'] as const) {
      for (const path of FORMS) {
        const view = { path, role };
        renderAt(path, role);
        expect(screen.getByRole('heading', { level: 1 }).textContent, JSON.stringify(view)).toBe('You do not have access to this page');
        cleanup();
      }
    }
  });

  it('open for the police', () => {
    renderAt('/intelligence/people/new', 'POLICE');
    expect(screen.getByRole('heading', { level: 1, name: 'Add a person of concern' })).toBeTruthy();
    cleanup();
    renderAt('/intelligence/places/new', 'POLICE');
    expect(screen.getByRole('heading', { level: 1, name: 'Add a place' })).toBeTruthy();
    cleanup();
    renderAt('/intelligence/links/new', 'POLICE');
    expect(screen.getByText(/Start from the page of the/)).toBeTruthy();
  });
});
