import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BeginMfaEnrolmentDocument, ConfirmMfaEnrolmentDocument } from '../../gql/graphql';
import { groupSecret, MfaSetup } from './MfaSetup';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CODES = Array.from({ length: 10 }, (_, i) => `abcd-efgh-jk${String.fromCharCode(97 + i)}${i + 2}`);
const begin: MockLink.MockedResponse = {
  request: { query: BeginMfaEnrolmentDocument },
  result: {
    data: {
      beginMfaEnrolment: {
        __typename: 'MfaEnrolment',
        secret: SECRET,
        otpauthUri: `otpauth://totp/MASE%20Hub:sam%40agency.example?secret=${SECRET}&issuer=MASE%20Hub`,
        qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
      },
    },
  },
};

function renderSetup(mocks: MockLink.MockedResponse[]) {
  const onFinished = vi.fn(() => Promise.resolve());
  render(
    <MockedProvider mocks={mocks}>
      <MfaSetup onFinished={onFinished} />
    </MockedProvider>,
  );
  return { onFinished };
}

async function toScan() {
  fireEvent.click(screen.getByRole('button', { name: 'Set up two-step verification' }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Add MASE Hub to your authenticator app' })).toBeTruthy());
}

describe('MfaSetup', () => {
  it('shows the QR code and the secret as text, then the recovery codes once the code checks out', async () => {
    const { onFinished } = renderSetup([
      begin,
      {
        request: { query: ConfirmMfaEnrolmentDocument, variables: { input: { code: '123456' } } },
        result: { data: { confirmMfaEnrolment: { __typename: 'MfaRecoveryCodes', recoveryCodes: CODES } } },
      },
    ]);
    await toScan();
    expect(screen.getByRole('img', { name: 'QR code to add MASE Hub to your authenticator app' }).getAttribute('src')).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
    expect(screen.getByTestId('mfa-secret').textContent).toBe(groupSecret(SECRET));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Add MASE Hub to your authenticator app' }));

    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));
    expect(within(screen.getByRole('alert')).getByText('Enter the 6-digit security code from your authenticator app')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Enter the 6-digit code the app shows'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));

    await waitFor(() => expect(screen.getByText('Save these recovery codes now. You will not be able to see them again.')).toBeTruthy());
    const list = screen.getByRole('list', { name: 'Your recovery codes' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(CODES);
    expect(screen.queryByTestId('mfa-secret')).toBeNull();
    expect(onFinished).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'I have saved my recovery codes' }));
    await waitFor(() => expect(onFinished).toHaveBeenCalledOnce());
  });

  it('shows a wrong code beside the field and keeps the QR code', async () => {
    const message = 'The security code is not right. Enter the 6-digit code your authenticator app shows now';
    renderSetup([
      begin,
      {
        request: { query: ConfirmMfaEnrolmentDocument, variables: { input: { code: '000000' } } },
        result: { errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'code', message }] } })] },
      },
    ]);
    await toScan();
    fireEvent.change(screen.getByLabelText('Enter the 6-digit code the app shows'), { target: { value: '000 000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));
    await waitFor(() => expect(document.getElementById('mfa-code-error')?.textContent).toBe(`Error: ${message}`));
    expect(within(screen.getByRole('alert')).getByRole('link', { name: message }).getAttribute('href')).toBe('#mfa-code');
    expect(screen.getByTestId('mfa-secret')).toBeTruthy();
  });

  it('groups the secret in fours for typing', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});
