import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, Textarea } from '../../components/fields';
import { Tag } from '../../components/Tag';
import { RaiseBlockageDocument, ResolveBlockageDocument, type BlockageFieldsFragment } from '../../gql/graphql';
import { formErrorsFrom, hasErrorCode, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { setMeetingList } from './format';

type Blockage = BlockageFieldsFragment;

function ResolveForm({ blockage, onDone, onCancel, onReload }: { blockage: Blockage; onDone: () => void; onCancel: () => void; onReload: () => void }) {
  const [resolution, setResolution] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [resolve, { loading }] = useMutation(ResolveBlockageDocument);
  const id = `resolution-${blockage.id}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    if (!resolution.trim()) {
      setErrors({ summary: [{ text: 'Say how the blockage was resolved', href: `#${id}` }], fields: { [id]: 'Say how the blockage was resolved' } });
      return;
    }
    try {
      await resolve({ variables: { input: { id: blockage.id, resolution: resolution.trim(), version: blockage.version } } });
      onDone();
    } catch (error) {
      setErrors(formErrorsFrom(error, { resolution: id }));
      if (hasErrorCode(error, 'CONFLICT')) onReload();
    }
  }

  return (
    <form noValidate className="app-meeting-inline-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <h4 className="govuk-heading-s" id={`${id}-heading`}>
        Resolve the blockage
      </h4>
      <ErrorSummary items={errors.summary} />
      <Textarea id={id} label="How was it resolved?" value={resolution} onChange={setResolution} error={errors.fields[id]} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
          Mark as resolved
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function RaiseForm({ meetingId, agencies }: { meetingId: string; agencies: readonly { id: string; name: string }[] }) {
  const [description, setDescription] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [raise, { loading }] = useMutation(RaiseBlockageDocument, {
    update: (cache, { data }) => {
      if (data) setMeetingList(cache, meetingId, 'blockages', [data.raiseBlockage], 'append');
    },
  });
  const ids = { description: 'blockage-description', agencyId: 'blockage-agency' };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    if (!description.trim()) {
      setErrors({ summary: [{ text: 'Describe the blockage', href: `#${ids.description}` }], fields: { [ids.description]: 'Describe the blockage' } });
      return;
    }
    try {
      await raise({ variables: { input: { meetingId, description: description.trim(), agencyId: agencyId || null } } });
      setDescription('');
      setAgencyId('');
      setErrors(NO_ERRORS);
    } catch (error) {
      setErrors(formErrorsFrom(error, ids));
    }
  }

  return (
    <form noValidate className="app-meeting-inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="blockage-form-heading">
      <h3 className="govuk-heading-s" id="blockage-form-heading">
        Raise a blockage
      </h3>
      <ErrorSummary items={errors.summary} />
      <Textarea id={ids.description} label="What is blocking progress?" value={description} onChange={setDescription} error={errors.fields[ids.description]} />
      <Select
        id={ids.agencyId}
        label="Agency that can remove it (optional)"
        value={agencyId}
        onChange={setAgencyId}
        error={errors.fields[ids.agencyId]}
        options={[{ value: '', label: 'Not one agency' }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={loading} aria-disabled={loading}>
        Raise the blockage
      </button>
    </form>
  );
}

interface Props {
  meetingId: string;
  blockages: readonly Blockage[];
  agencies: readonly { id: string; name: string }[];
  mayRaise: boolean;
  mayResolve: boolean;
  onReload: () => void;
}

/** Blockages and obstacles raised at the meeting, and how they were resolved. */
export function Blockages({ meetingId, blockages, agencies, mayRaise, mayResolve, onReload }: Props) {
  const [resolving, setResolving] = useState<string | null>(null);
  return (
    <>
      {blockages.length === 0 ? (
        <p className="govuk-body">No blockages have been raised at this meeting.</p>
      ) : (
        <ul className="govuk-list app-meeting-blockages">
          {blockages.map((b) => (
            <li key={b.id} className="app-meeting-blockage">
              <p className="govuk-body govuk-!-margin-bottom-1">
                {b.status === 'RESOLVED' ? <Tag colour="green">Resolved</Tag> : <Tag colour="orange">Open</Tag>} {b.description}
                {b.agency ? <span className="app-agenda-muted"> ({b.agency.name})</span> : null}
              </p>
              {b.resolution ? <p className="govuk-body-s">Resolution: {b.resolution}</p> : null}
              {mayResolve && b.status !== 'RESOLVED' ? (
                resolving === b.id ? (
                  <ResolveForm blockage={b} onReload={onReload} onDone={() => setResolving(null)} onCancel={() => setResolving(null)} />
                ) : (
                  <p className="govuk-body">
                    <button type="button" className="govuk-link app-link-button app-meeting-link" onClick={() => setResolving(b.id)}>
                      Resolve{' '}<span className="govuk-visually-hidden">the blockage: {b.description}</span>
                    </button>
                  </p>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayRaise ? <RaiseForm meetingId={meetingId} agencies={agencies} /> : null}
    </>
  );
}
