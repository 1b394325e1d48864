import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SignInDocument } from '../../gql/graphql';
import { SignInPage } from './SignInPage';

function renderPage(mocks: MockLink.MockedResponse[] = [], onSignedIn = vi.fn(() => Promise.resolve())) {
  render(
    <MockedProvider mocks={mocks}>
      <SignInPage onSignedIn={onSignedIn} />
    </MockedProvider>,
  );
  return { onSignedIn };
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function summary() {
  return within(screen.getByRole('alert'));
}

describe('SignInPage', () => {
  it('has the labelled fields and button the service promises', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1 })).toHaveProperty('textContent', 'Sign in to MASE Hub');
    expect(screen.getByLabelText('Email address')).toHaveProperty('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveProperty('type', 'password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('asks for both fields when nothing is entered, in the summary and beside each field', () => {
    const { onSignedIn } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(summary().getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    expect(summary().getByRole('link', { name: 'Enter your email address' }).getAttribute('href')).toBe('#email');
    expect(summary().getByRole('link', { name: 'Enter your password' }).getAttribute('href')).toBe('#password');
    expect(document.getElementById('email-error')?.textContent).toBe('Error: Enter your email address');
    expect(screen.getByLabelText('Email address').getAttribute('aria-describedby')).toBe('email-error');
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(document.title).toBe('Error: Sign in – MASE Hub');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('uses the shared wording for a malformed email address', () => {
    renderPage();
    fill('Email address', 'not-an-email');
    fill('Password', 'anything');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(summary().getByRole('link', { name: 'Enter an email address in the correct format, like name@example.org' })).toBeTruthy();
    expect(summary().queryByText('Enter your password')).toBeNull();
  });

  it('shows a refused sign-in from the server against the email field and clears the password', async () => {
    const message = 'The email address or password is not right';
    renderPage([
      {
        request: { query: SignInDocument, variables: { input: { email: 'lead@agency.example', password: 'wrong password' } } },
        result: { errors: [new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', fields: [{ field: 'email', message }] } })] },
      },
    ]);
    fill('Email address', ' lead@agency.example ');
    fill('Password', 'wrong password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(document.getElementById('email-error')?.textContent).toBe(`Error: ${message}`));
    expect(summary().getByRole('link', { name: message }).getAttribute('href')).toBe('#email');
    expect(screen.getByLabelText('Password')).toHaveProperty('value', '');
  });

  it('shows a throttled sign-in as a message in the summary', async () => {
    renderPage([
      {
        request: { query: SignInDocument, variables: { input: { email: 'lead@agency.example', password: 'a password' } } },
        result: { errors: [new GraphQLError('Too many attempts. Wait 15 minutes, then try again.', { extensions: { code: 'TOO_MANY_REQUESTS' } })] },
      },
    ]);
    fill('Email address', 'lead@agency.example');
    fill('Password', 'a password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(summary().getByText('Too many attempts. Wait 15 minutes, then try again.')).toBeTruthy());
  });

  it('hands over to the app once signed in', async () => {
    const { onSignedIn } = renderPage([
      {
        request: { query: SignInDocument, variables: { input: { email: 'lead@agency.example', password: 'a good password' } } },
        result: {
          data: {
            signIn: {
              __typename: 'User',
              id: 'u1',
              name: 'Test Lead',
              email: 'lead@agency.example',
              role: 'AGENCY_LEAD',
              status: 'ACTIVE',
              mustChangePassword: false,
              version: 1,
              agency: null,
            },
          },
        },
      },
    ]);
    fill('Email address', 'lead@agency.example');
    fill('Password', 'a good password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
