import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SignInDocument, VerifyMfaDocument } from '../../gql/graphql';
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

  describe('with two-step verification', () => {
    const USER = {
      __typename: 'User' as const,
      id: 'u1',
      name: 'Test Chair',
      email: 'chair@agency.example',
      role: 'CO_CHAIR' as const,
      status: 'ACTIVE' as const,
      mustChangePassword: false,
      version: 1,
      agency: null,
    };
    const passwordAccepted: MockLink.MockedResponse = {
      request: { query: SignInDocument, variables: { input: { email: 'chair@agency.example', password: 'a good password' } } },
      result: { errors: [new GraphQLError('Enter the security code from your authenticator app', { extensions: { code: 'MFA_CODE_REQUIRED' } })] },
    };

    async function toCodeStep() {
      fill('Email address', 'chair@agency.example');
      fill('Password', 'a good password');
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
      await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Enter your security code'));
    }

    it('asks for the code after the right password, and signs in with it', async () => {
      const { onSignedIn } = renderPage([
        passwordAccepted,
        { request: { query: VerifyMfaDocument, variables: { input: { code: '123456' } } }, result: { data: { verifyMfa: USER } } },
      ]);
      await toCodeStep();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
      const input = screen.getByLabelText('Security code');
      expect(input.getAttribute('autocomplete')).toBe('one-time-code');
      expect(input.getAttribute('inputmode')).toBe('numeric');
      expect(document.title).toBe('Enter your security code – MASE Hub');
      fill('Security code', '123 456');
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
      await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    });

    it('checks the code before sending it, and shows a wrong code beside the field', async () => {
      const message = 'The security code is not right. Enter the 6-digit code your authenticator app shows now';
      renderPage([
        passwordAccepted,
        {
          request: { query: VerifyMfaDocument, variables: { input: { code: '654321' } } },
          result: { errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'code', message }] } })] },
        },
      ]);
      await toCodeStep();
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
      expect(summary().getByRole('link', { name: 'Enter the 6-digit security code from your authenticator app' }).getAttribute('href')).toBe('#code');
      fill('Security code', '12a');
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
      expect(document.getElementById('code-error')?.textContent).toBe('Error: The security code must only include numbers');
      fill('Security code', '654321');
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
      await waitFor(() => expect(document.getElementById('code-error')?.textContent).toBe(`Error: ${message}`));
      expect(document.title).toBe('Error: Enter your security code – MASE Hub');
      expect(screen.getByLabelText('Security code')).toHaveProperty('value', '');
    });

    it('offers a recovery code instead', async () => {
      const { onSignedIn } = renderPage([
        passwordAccepted,
        {
          request: { query: VerifyMfaDocument, variables: { input: { recoveryCode: 'abcd-efgh-jkmn' } } },
          result: { data: { verifyMfa: USER } },
        },
      ]);
      await toCodeStep();
      fireEvent.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Enter a recovery code');
      fill('Recovery code', ' abcd-efgh-jkmn ');
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
      await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    });

    it('goes back to the password, saying why, when the pending sign-in has ended', async () => {
      const message = 'Your sign-in has timed out or has already been used. Enter your email address and password again.';
      renderPage([
        passwordAccepted,
        {
          request: { query: VerifyMfaDocument, variables: { input: { code: '123456' } } },
          result: { errors: [new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } })] },
        },
      ]);
      await toCodeStep();
      fill('Security code', '123456');
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
      await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in to MASE Hub'));
      expect(summary().getByText(message)).toBeTruthy();
      expect(screen.getByLabelText('Email address')).toHaveProperty('value', 'chair@agency.example');
    });
  });
});
