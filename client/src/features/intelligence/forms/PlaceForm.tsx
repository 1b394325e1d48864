import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Select, TextInput } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import {
  IntelCreatePlaceDocument,
  IntelPlaceForEditDocument,
  IntelUpdatePlaceDocument,
  type CreateLocationInput,
  type IntelPlaceEditFragment,
  type SessionUserFragment,
} from '../../../gql/graphql';
import { formErrorsFrom, hasErrorCode, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { AccessDeniedPage } from '../../../app/pages';
import { BackLink } from '../../admin/BackLink';
import { LOCATION_TYPE_LABELS, LOCATION_TYPES } from '../people/labels';
import { canRecordIntelligence, ConflictNotice, conflictMessage, forgetIntelligence } from './common';
import { draftFromPlace, EMPTY_PLACE, hasPoint, PLACE_FIELD_IDS, placeInput, placeProblems, type PlaceDraft } from './placeDraft';

const WHAT = 'this place';

/** What the place page shows after a save: the ward the point fell in, and any warning from the server. */
export interface PlaceSaved {
  flash: string;
  warnings: string[];
}

export function savedState(verb: string, result: { location: IntelPlaceEditFragment; warnings: readonly string[] }): PlaceSaved {
  const { location } = result;
  const where = !hasPoint(location.type) ? '' : location.ward ? ` It is in ${location.ward.name} ward.` : ' It is not in any imported ward.';
  return { flash: `${location.name} has been ${verb}.${where}`, warnings: [...result.warnings] };
}

interface FormProps {
  initial: PlaceDraft;
  submitLabel: string;
  busy: boolean;
  onSubmit: (input: CreateLocationInput) => Promise<void>;
  onReload?: () => void;
}

/** A place's name, type and point; an online platform has no point. */
export function PlaceForm({ initial, submitLabel, busy, onSubmit, onReload }: FormProps) {
  const [draft, setDraft] = useState<PlaceDraft>(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState(false);
  const set = (field: keyof PlaceDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setConflict(false);
    const found = placeProblems(draft);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      await onSubmit(placeInput(draft));
    } catch (error) {
      setConflict(Boolean(onReload) && hasErrorCode(error, 'CONFLICT'));
      setErrors(formErrorsFrom(error, PLACE_FIELD_IDS, { CONFLICT: conflictMessage(WHAT) }));
    }
  }

  return (
    <>
      <ErrorSummary items={errors.summary} />
      {conflict && onReload ? <ConflictNotice what={WHAT} onReload={onReload} /> : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextInput id="name" label="Name" hint="What the police and partners call it, for example a business name or ‘bus shelter, Harbour Road’" autoComplete="off" value={draft.name} onChange={set('name')} error={errors.fields.name} />
        <Select
          id="type"
          label="Type of place"
          value={draft.type}
          options={[{ value: '', label: 'Choose' }, ...LOCATION_TYPES.map((t) => ({ value: t, label: LOCATION_TYPE_LABELS[t] }))]}
          onChange={set('type')}
          error={errors.fields.type}
        />
        {draft.type && !hasPoint(draft.type) ? (
          <p className="govuk-inset-text">An online platform has no point on the map, so it is not in a ward and is not shown on the hot-spot map.</p>
        ) : (
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" aria-describedby="point-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Where it is</legend>
            <div id="point-hint" className="govuk-hint">
              Latitude and longitude in decimal degrees (WGS84), as a mapping app shows them. The ward is worked out from the point.
            </div>
            <TextInput id="lat" label="Latitude" hint="For example, 54.3512" widthClass="govuk-input--width-10" autoComplete="off" spellCheck={false} value={draft.lat} onChange={set('lat')} error={errors.fields.lat} />
            <TextInput id="lng" label="Longitude" hint="For example, -2.1045 (west of Greenwich is negative)" widthClass="govuk-input--width-10" autoComplete="off" spellCheck={false} value={draft.lng} onChange={set('lng')} error={errors.fields.lng} />
          </fieldset>
        )}
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}

/** Records a new place (police only). */
export function NewPlacePage({ me }: { me: SessionUserFragment }) {
  if (!canRecordIntelligence(me.role)) return <AccessDeniedPage />;
  return <NewPlace />;
}

function NewPlace() {
  const navigate = useNavigate();
  const [create, { loading }] = useMutation(IntelCreatePlaceDocument, { update: (cache) => forgetIntelligence(cache, ['locations', 'hotSpotMap']) });
  usePageTitle('Add a place');
  return (
    <>
      <BackLink to="/intelligence/places">Back to places</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">Intelligence</span>
          <h1 className="govuk-heading-l">Add a place</h1>
          <PlaceForm
            initial={EMPTY_PLACE}
            submitLabel="Add place"
            busy={loading}
            onSubmit={async (input) => {
              const result = await create({ variables: { input } });
              const saved = result.data?.createLocation;
              if (saved) void navigate(`/intelligence/places/${saved.location.id}`, { state: savedState('added', saved) });
            }}
          />
        </div>
      </div>
    </>
  );
}

/** Changes a place (police only); refused with CONFLICT if someone else saved first. */
export function EditPlacePage({ me }: { me: SessionUserFragment }) {
  if (!canRecordIntelligence(me.role)) return <AccessDeniedPage />;
  return <EditPlace />;
}

function EditPlace() {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(IntelPlaceForEditDocument, { variables: { id }, fetchPolicy: 'network-only' });
  const [reloads, setReloads] = useState(0);
  const place = data?.location;
  const notFound = !place && (hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'BAD_USER_INPUT'));
  usePageTitle(place ? `Change ${place.name}` : notFound ? 'Place not found' : 'Change a place', Boolean(error && !place && !notFound));

  async function reload() {
    try {
      await refetch();
      setReloads((n) => n + 1);
    } catch {
      // The query's own error state shows what went wrong.
    }
  }

  return (
    <>
      <BackLink to={`/intelligence/places/${id}`}>Back to the place</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {place ? (
            <>
              <span className="govuk-caption-l">Place</span>
              <h1 className="govuk-heading-l">Change {place.name}</h1>
              <EditPlaceForm key={`${place.id}:${reloads}`} place={place} onReload={() => void reload()} />
            </>
          ) : notFound ? (
            <>
              <h1 className="govuk-heading-l">Place not found</h1>
              <p className="govuk-body">
                Check the link, or{' '}
                <Link to="/intelligence/places" className="govuk-link">
                  go back to places
                </Link>
                .
              </p>
            </>
          ) : error ? (
            <>
              <h1 className="govuk-heading-l">Change a place</h1>
              <QueryError error={error} onRetry={() => void reload()} />
            </>
          ) : (
            <>
              <h1 className="govuk-heading-l">Change a place</h1>
              <Loading what="Loading the place" />
            </>
          )}
        </div>
      </div>
    </>
  );
}

function EditPlaceForm({ place, onReload }: { place: IntelPlaceEditFragment; onReload: () => void }) {
  const [version] = useState(place.version);
  const [initial] = useState(() => draftFromPlace(place));
  const navigate = useNavigate();
  const [update, { loading }] = useMutation(IntelUpdatePlaceDocument, { update: (cache) => forgetIntelligence(cache, ['locations', 'hotSpotMap', 'network', 'neighbourhood']) });
  return (
    <PlaceForm
      initial={initial}
      submitLabel="Save changes"
      busy={loading}
      onReload={onReload}
      onSubmit={async (input) => {
        const result = await update({ variables: { input: { ...input, id: place.id, version } } });
        const saved = result.data?.updateLocation;
        if (saved) void navigate(`/intelligence/places/${saved.location.id}`, { state: savedState('saved', saved) });
      }}
    />
  );
}
