import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Tag } from '../../components/Tag';
import { RevokeOtherSessionsDocument, RevokeSessionDocument, type AccountSessionFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { describeUserAgent } from './userAgent';

interface Props {
  sessions: readonly AccountSessionFragment[];
  onChanged: () => Promise<unknown>;
}

/** Where the user is signed in, with a way to sign any other place out. */
export function SessionsSection({ sessions, onChanged }: Props) {
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [revokeSession, revoking] = useMutation(RevokeSessionDocument);
  const [revokeOthers, revokingOthers] = useMutation(RevokeOtherSessionsDocument);
  const others = sessions.filter((s) => !s.current);
  const busy = revoking.loading || revokingOthers.loading;

  async function revoke(session: AccountSessionFragment) {
    setDone(null);
    setProblem(null);
    try {
      await revokeSession({ variables: { id: session.id } });
      setDone(`${describeUserAgent(session.userAgent)} (signed in ${formatDateTime(session.createdAt)}) has been signed out.`);
    } catch (error) {
      setProblem(errorMessage(error, { NOT_FOUND: 'That session had already ended.' }));
    }
    await onChanged().catch(() => undefined);
  }

  async function revokeAllOthers() {
    setDone(null);
    setProblem(null);
    try {
      const result = await revokeOthers();
      const n = result.data?.revokeOtherSessions ?? 0;
      setDone(n === 1 ? 'You have been signed out of 1 other place.' : `You have been signed out of ${n} other places.`);
    } catch (error) {
      setProblem(errorMessage(error));
    }
    await onChanged().catch(() => undefined);
  }

  return (
    <section aria-labelledby="sessions-heading" className="app-section">
      <h2 className="govuk-heading-m" id="sessions-heading">
        Where you are signed in
      </h2>
      {problem ? <ErrorSummary items={[{ text: problem }]} /> : null}
      <div role="status">{done ? <div className="govuk-inset-text">{done}</div> : null}</div>
      <p className="govuk-body">
        If you see a place you do not recognise, sign it out and change your password. Sessions end by themselves after a time without
        use.
      </p>
      <DataTable<AccountSessionFragment>
        caption="Your sessions"
        captionClass="govuk-table__caption--s"
        scrollLabel="Your sessions"
        className="app-table--compact"
        rows={sessions}
        rowKey={(s) => s.id}
        columns={[
          {
            header: 'Browser',
            cell: (s) => (
              <>
                {describeUserAgent(s.userAgent)}
                {s.current ? (
                  <>
                    {' '}
                    <Tag colour="blue">This device</Tag>
                  </>
                ) : null}
              </>
            ),
          },
          { header: 'IP address', cell: (s) => <span className="app-break-words">{s.ipAddress ?? 'Not recorded'}</span> },
          { header: 'Signed in', cell: (s) => formatDateTime(s.createdAt) },
          { header: 'Last active', cell: (s) => formatDateTime(s.lastSeenAt) },
          {
            header: <span className="govuk-visually-hidden">Action</span>,
            cell: (s) =>
              s.current ? (
                <span className="govuk-visually-hidden">You are using this session: sign out at the top of the page</span>
              ) : (
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={busy} onClick={() => void revoke(s)}>
                  Sign out<span className="govuk-visually-hidden"> {`${describeUserAgent(s.userAgent)}, signed in ${formatDateTime(s.createdAt)}`}</span>
                </button>
              ),
          },
        ]}
      />
      {others.length > 0 ? (
        <button type="button" className="govuk-button govuk-button--warning" disabled={busy} aria-disabled={busy} onClick={() => void revokeAllOthers()}>
          Sign out everywhere else
        </button>
      ) : null}
    </section>
  );
}
