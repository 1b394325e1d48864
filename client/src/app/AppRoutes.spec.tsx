import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AREAS, type Role } from '@mase/shared';
import { NotAvailableYet } from '../components/NotAvailableYet';
import type { SessionUserFragment } from '../gql/graphql';
import { AppFrame } from './AppFrame';
import { AppRoutes } from './AppRoutes';

function user(role: Role): SessionUserFragment {
  return { id: 'u1', name: 'Sam Example', email: 'sam@agency.example', role, status: 'ACTIVE', mustChangePassword: false, version: 1, agency: null };
}

function renderAt(path: string, role: Role) {
  const me = user(role);
  render(
    <MockedProvider>
      <MemoryRouter initialEntries={[path]}>
        <AppFrame me={me}>
          <AppRoutes me={me} />
        </AppFrame>
      </MemoryRouter>
    </MockedProvider>,
  );
}

function navLinks(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

describe('navigation and access by role', () => {
  it('gives the administrator only home and the admin areas', () => {
    renderAt('/', 'ADMIN');
    expect(navLinks()).toEqual(['Home', 'Users', 'Agencies', 'Boundaries', 'Audit log']);
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome, Sam Example' })).toBeTruthy();
    expect(screen.getByText('OFFICIAL-SENSITIVE')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('never offers an agency lead the list or intelligence', () => {
    renderAt('/', 'AGENCY_LEAD');
    expect(navLinks()).toEqual(['Home', 'Agency returns', 'Analysis', 'Meetings']);
    // Agency returns, analysis and meetings are all live.
    expect(screen.queryAllByText('Not available yet').length).toBe(0);
  });

  it('refuses a page the role may not use', () => {
    renderAt('/admin/users', 'POLICE');
    expect(screen.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeTruthy();
  });

  it('says plainly that an area is not built yet, and shows nothing from it', () => {
    const area = { ...AREAS.find((a) => a.key === 'meetings')!, available: false };
    render(<NotAvailableYet area={area} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Meetings' })).toBeTruthy();
    expect(screen.getByText('This part of MASE Hub is not available yet, so nothing is shown here.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('opens the meetings, loaded when first visited, with Meetings as the current page', async () => {
    renderAt('/meetings', 'POLICE');
    expect(await screen.findByRole('heading', { level: 1, name: 'Meetings' })).toBeTruthy();
    expect(screen.queryByText('This part of MASE Hub is not available yet, so nothing is shown here.')).toBeNull();
    const current = within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Meetings' });
    expect(current.getAttribute('aria-current')).toBe('page');
  });

  it('shows a not-found page for unknown addresses', () => {
    renderAt('/nowhere', 'CO_CHAIR');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });
});
