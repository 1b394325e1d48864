import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ROLE_LABELS } from '@mase/shared';
import type { SessionUserFragment } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { MfaSetup } from './MfaSetup';

export const MFA_TURNED_ON = 'Two-step verification is on. You will need a code from your authenticator app each time you sign in.';

interface Props {
  me: SessionUserFragment;
  /** Fetches `me` again; once two-step verification is on, the whole service appears. */
  onDone: () => Promise<unknown>;
}

/** While the user's role requires two-step verification and it is not set up, this is the only page there is. */
export function MfaSetupRequiredPage({ me, onDone }: Props) {
  const [hasErrors, setHasErrors] = useState(false);
  const navigate = useNavigate();
  usePageTitle('Set up two-step verification', hasErrors);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Set up two-step verification</h1>
        <div className="govuk-inset-text">
          {me.name}, as a {ROLE_LABELS[me.role].toLowerCase()} you must use two-step verification before you can use MASE Hub.
        </div>
        <MfaSetup
          onErrors={setHasErrors}
          onFinished={async () => {
            // Home, with the news, once `me` says two-step verification is on and the service appears.
            void navigate('/', { state: { flash: MFA_TURNED_ON } });
            await onDone();
          }}
        />
      </div>
    </div>
  );
}
