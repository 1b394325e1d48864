import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { SignOutDocument } from '../../gql/graphql';
import { errorMessage, hasErrorCode } from '../../lib/errors';

interface Props {
  onSignedOut?: () => void;
  /** The server could not be told: the session may still be live, so the person must know. */
  onFailed?: (message: string) => void;
}

/** Ends the session on the server, then hands back to the app to forget everything it had loaded. */
export function SignOutButton({ onSignedOut, onFailed }: Props) {
  const [signOut] = useMutation(SignOutDocument);
  const [busy, setBusy] = useState(false);

  async function click() {
    setBusy(true);
    try {
      await signOut();
    } catch (error) {
      // A session that had already ended is as good as signed out.
      if (!hasErrorCode(error, 'UNAUTHENTICATED')) {
        setBusy(false);
        onFailed?.(errorMessage(error));
        return;
      }
    }
    onSignedOut?.();
  }

  return (
    <button type="button" className="govuk-button govuk-button--inverse app-header__sign-out" disabled={busy} onClick={() => void click()}>
      Sign out
    </button>
  );
}
