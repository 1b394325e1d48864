import { useCallback, useEffect, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { QueryError } from '../components/QueryError';
import { Loading } from '../components/Loading';
import { MfaSetupRequiredPage } from '../features/account/MfaSetupRequiredPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { SignInPage, type SignInNotice } from '../features/auth/SignInPage';
import { MeDocument } from '../gql/graphql';
import { hasErrorCode } from '../lib/errors';
import { usePageTitle } from '../lib/usePageTitle';
import { onSessionProblem } from './apollo';
import { AppFrame } from './AppFrame';
import { AppRoutes } from './AppRoutes';

function LoadingPage() {
  usePageTitle('Loading');
  return <Loading what="Loading MASE Hub" />;
}

function UnreachablePage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  usePageTitle('Sorry, there is a problem', true);
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem</h1>
      <QueryError error={error} onRetry={onRetry} />
    </>
  );
}

/**
 * Decides what the whole page is: the sign-in page, the change-password page, setting up two-step
 * verification (when the role requires it), or the service for the signed-in user's role. `me` is
 * the single source of who is signed in.
 */
export function Session() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const { data, error, loading, refetch } = useQuery(MeDocument);
  // Set when this browser signs out or a request finds the session gone: show the sign-in page at once.
  const [ended, setEnded] = useState<SignInNotice | null>(null);

  useEffect(
    () =>
      onSessionProblem((problem) => {
        if (problem === 'ended') {
          setEnded('expired');
          void client.clearStore();
        } else {
          refetch().catch(() => undefined);
        }
      }),
    [client, refetch],
  );

  const signedIn = useCallback(async () => {
    await refetch();
    setEnded(null);
    void navigate('/');
  }, [refetch, navigate]);

  const signedOut = useCallback(() => {
    setEnded('signed-out');
    void client.clearStore();
    void navigate('/');
  }, [client, navigate]);

  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);

  const me = data?.me;

  if (ended || (!me && hasErrorCode(error, 'UNAUTHENTICATED'))) {
    return (
      <AppFrame>
        <SignInPage notice={ended ?? undefined} onSignedIn={signedIn} />
      </AppFrame>
    );
  }
  if (!me) {
    return <AppFrame>{loading || !error ? <LoadingPage /> : <UnreachablePage error={error} onRetry={retry} />}</AppFrame>;
  }
  if (me.mustChangePassword) {
    return (
      <AppFrame me={me} navigation={false} onSignedOut={signedOut}>
        <ChangePasswordPage me={me} />
      </AppFrame>
    );
  }
  if (me.mfaRequired && !me.mfaEnabled) {
    return (
      <AppFrame me={me} navigation={false} onSignedOut={signedOut}>
        <MfaSetupRequiredPage me={me} onDone={refetch} />
      </AppFrame>
    );
  }
  return (
    <AppFrame me={me} onSignedOut={signedOut}>
      <AppRoutes me={me} />
    </AppFrame>
  );
}
