import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Select, TextInput } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import {
  IntelFindPeopleOfConcernDocument,
  IntelFindPlacesDocument,
  IntelFindYoungPeopleDocument,
  IntelLinkStartPersonDocument,
  IntelLinkStartPlaceDocument,
  IntelLinkStartYoungPersonDocument,
  IntelRecordLinkDocument,
  IntelSourceAgenciesDocument,
  type NodeKind,
  type SessionUserFragment,
} from '../../../gql/graphql';
import { formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { AccessDeniedPage } from '../../../app/pages';
import { BackLink } from '../../admin/BackLink';
import { Radios, type Choice } from '../../list/common';
import { labelOf, LOCATION_TYPE_LABELS, personName, POC_CATEGORY_LABELS } from '../people/labels';
import { Row } from '../people/Row';
import {
  canRecordIntelligence,
  forgetIntelligence,
  HANDLING_CHOICES,
  INTELLIGENCE_GRADE_CHOICES,
  LINK_TYPE_CHOICES,
  NETWORK_FIELDS,
  NODE_KIND_CHOICES,
  SOURCE_GRADE_CHOICES,
} from './common';
import { emptyLinkDraft, isNodeKind, KIND_NOUNS, linkFieldIds, linkInput, linkProblems, linkRecordedMessage, nodePath, type LinkDraft, type LinkFrom } from './linkDraft';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The condition the server records with every link graded C. */
const HANDLING_C_CONDITION = "Do not disseminate without the originator's permission.";

const SEARCH_HINTS: Record<NodeKind, string> = {
  PERSON_OF_CONCERN: 'Part of a name, alias, police reference, vehicle registration or phone number. Leave empty to list people by name.',
  LOCATION: 'Part of the name. Leave empty to list places by name.',
  YOUNG_PERSON: 'Part of their name, their reference or their pseudonym (for example YP-…).',
};

/** Records a link between a person of concern or place (the end it starts from) and another node (police only). */
export function RecordLinkPage({ me }: { me: SessionUserFragment }) {
  const [params] = useSearchParams();
  if (!canRecordIntelligence(me.role)) return <AccessDeniedPage />;
  const fromKind = params.get('fromKind');
  const fromId = params.get('fromId') ?? '';
  if (!isNodeKind(fromKind) || !UUID.test(fromId)) return <NoStart />;
  return <RecordLink key={`${fromKind}:${fromId}`} from={{ kind: fromKind, id: fromId }} myAgencyId={me.agency?.id ?? ''} />;
}

function NoStart() {
  usePageTitle('Record a link');
  return (
    <>
      <BackLink to="/intelligence">Back to intelligence</BackLink>
      <h1 className="govuk-heading-l">Record a link</h1>
      <p className="govuk-body">
        Start from the page of the{' '}
        <Link className="govuk-link" to="/intelligence/people">
          person of concern
        </Link>{' '}
        or{' '}
        <Link className="govuk-link" to="/intelligence/places">
          place
        </Link>{' '}
        the link is about, and choose ‘Record a link’ there.
      </p>
    </>
  );
}

/** The name of the end a link starts from. */
function useStartLabel(from: LinkFrom): { label: string | null; error: unknown } {
  const person = useQuery(IntelLinkStartPersonDocument, { variables: { id: from.id }, skip: from.kind !== 'PERSON_OF_CONCERN' });
  const place = useQuery(IntelLinkStartPlaceDocument, { variables: { id: from.id }, skip: from.kind !== 'LOCATION' });
  const young = useQuery(IntelLinkStartYoungPersonDocument, { variables: { id: from.id }, skip: from.kind !== 'YOUNG_PERSON' });
  if (from.kind === 'PERSON_OF_CONCERN') return { label: person.data ? personName(person.data.personOfConcern) : null, error: person.error };
  if (from.kind === 'LOCATION') return { label: place.data?.location.name ?? null, error: place.error };
  const yp = young.data?.youngPerson;
  return { label: yp ? `${yp.identity.firstName} ${yp.identity.lastName} (${yp.pseudonym})` : null, error: young.error };
}

interface Candidate extends Choice {
  /** The name to show once chosen. */
  name: string;
}

/** People of concern, places or young people matching a search, as choices. */
function useCandidates(searched: { kind: NodeKind; text: string } | null, exclude: LinkFrom) {
  const kind = searched?.kind;
  const search = searched?.text ?? '';
  const opts = { variables: { search }, fetchPolicy: 'network-only' as const };
  const people = useQuery(IntelFindPeopleOfConcernDocument, { ...opts, skip: kind !== 'PERSON_OF_CONCERN' });
  const places = useQuery(IntelFindPlacesDocument, { ...opts, skip: kind !== 'LOCATION' });
  const young = useQuery(IntelFindYoungPeopleDocument, { ...opts, skip: kind !== 'YOUNG_PERSON' });
  const active = kind === 'PERSON_OF_CONCERN' ? people : kind === 'LOCATION' ? places : kind === 'YOUNG_PERSON' ? young : null;
  let candidates: Candidate[] | null = null;
  let more = false;
  if (kind === 'PERSON_OF_CONCERN' && people.data) {
    candidates = people.data.peopleOfConcern.nodes.map((p) => ({
      value: p.id,
      name: personName(p),
      label: personName(p),
      hint: [POC_CATEGORY_LABELS[p.category], p.policeReference, p.aliases.length > 0 ? `also known as ${p.aliases.join(', ')}` : null].filter(Boolean).join('; '),
    }));
    more = people.data.peopleOfConcern.pageInfo.hasNextPage;
  } else if (kind === 'LOCATION' && places.data) {
    candidates = places.data.locations.nodes.map((l) => ({
      value: l.id,
      name: l.name,
      label: l.name,
      hint: [labelOf(LOCATION_TYPE_LABELS, l.type), l.ward ? `${l.ward.name} ward` : null].filter(Boolean).join(', '),
    }));
    more = places.data.locations.pageInfo.hasNextPage;
  } else if (kind === 'YOUNG_PERSON' && young.data) {
    candidates = young.data.youngPeople.nodes.map((y) => {
      const name = y.identity ? `${y.identity.firstName} ${y.identity.lastName}` : y.pseudonym;
      return { value: y.id, name: `${name} (${y.pseudonym})`, label: `${name} (${y.pseudonym})`, hint: y.identity ? `Reference ${y.identity.reference}` : undefined };
    });
    more = young.data.youngPeople.pageInfo.hasNextPage;
  }
  return {
    candidates: candidates?.filter((c) => !(kind === exclude.kind && c.value === exclude.id)) ?? null,
    more,
    loading: Boolean(active?.loading),
    error: active?.error,
  };
}

function RecordLink({ from, myAgencyId }: { from: LinkFrom; myAgencyId: string }) {
  const navigate = useNavigate();
  const start = useStartLabel(from);
  const agencies = useQuery(IntelSourceAgenciesDocument);
  const [draft, setDraft] = useState<LinkDraft>(() => emptyLinkDraft(myAgencyId));
  const [searchText, setSearchText] = useState('');
  const [searched, setSearched] = useState<{ kind: NodeKind; text: string } | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const found = useCandidates(searched, from);
  const [record, { loading }] = useMutation(IntelRecordLinkDocument, { update: (cache) => forgetIntelligence(cache, NETWORK_FIELDS) });
  const fromNoun = KIND_NOUNS[from.kind];
  usePageTitle(start.label ? `Record a link from ${start.label}` : 'Record a link', hasErrors(errors));

  const set = (patch: Partial<LinkDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const toKind = isNodeKind(draft.toKind) ? draft.toKind : null;
  const showResults = Boolean(found.candidates && found.candidates.length > 0);
  const toTarget = showResults ? 'toId' : 'toSearch';

  function runSearch() {
    if (!toKind) return;
    setSearched({ kind: toKind, text: searchText.trim() });
  }

  function searchKey(event: KeyboardEvent<HTMLInputElement>) {
    // Enter in the search box searches rather than sending the whole form.
    if (event.key === 'Enter') {
      event.preventDefault();
      runSearch();
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const problems = linkProblems(from, draft, toTarget);
    setErrors(problems);
    if (hasErrors(problems)) return;
    try {
      const result = await record({ variables: { input: linkInput(from, draft) } });
      const saved = result.data?.recordLink;
      if (saved) void navigate(nodePath(from.kind, from.id), { state: { flash: linkRecordedMessage(saved.merged, draft.toLabel) } });
    } catch (error) {
      setErrors(formErrorsFrom(error, linkFieldIds(toTarget)));
    }
  }

  if (!start.label) {
    return (
      <>
        <BackLink to={nodePath(from.kind, from.id)}>Back</BackLink>
        <h1 className="govuk-heading-l">Record a link</h1>
        {start.error ? <QueryError error={start.error} /> : <Loading what={`Loading the ${fromNoun}`} />}
      </>
    );
  }

  const agencyOptions = [
    { value: '', label: 'Choose' },
    ...(agencies.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name })),
  ];
  const toError = errors.fields[toTarget];

  return (
    <>
      <BackLink to={nodePath(from.kind, from.id)}>{`Back to the ${fromNoun}`}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary items={errors.summary} />
          <span className="govuk-caption-l">Intelligence</span>
          <h1 className="govuk-heading-l">Record a link</h1>
          <p className="govuk-body">
            Recording a link that already exists (the same two and the same type, either way round) adds your grading to it rather than a second link.
          </p>
          <dl className="govuk-summary-list">
            <Row label={`From (${fromNoun})`}>{start.label}</Row>
          </dl>
          <form noValidate onSubmit={(e) => void submit(e)}>
            <Radios
              id="toKind"
              legend="What is it linked to?"
              legendClass="govuk-fieldset__legend--m"
              choices={NODE_KIND_CHOICES}
              value={draft.toKind}
              error={errors.fields.toKind}
              onChange={(v) => {
                set({ toKind: v, toId: '', toLabel: '' });
                setSearched(null);
              }}
            />
            {toKind ? (
              <div className={`govuk-form-group${toError && toTarget === 'toSearch' ? ' govuk-form-group--error' : ''}`}>
                <label className="govuk-label govuk-label--s" htmlFor="toSearch">
                  Find the {KIND_NOUNS[toKind]}
                </label>
                <div id="toSearch-hint" className="govuk-hint">
                  {SEARCH_HINTS[toKind]}
                </div>
                {toError && toTarget === 'toSearch' ? (
                  <p id="toSearch-error" className="govuk-error-message">
                    <span className="govuk-visually-hidden">Error:</span> {toError}
                  </p>
                ) : null}
                <div className="app-repeat__item">
                  <input
                    className={`govuk-input govuk-input--width-20${toError && toTarget === 'toSearch' ? ' govuk-input--error' : ''}`}
                    id="toSearch"
                    name="toSearch"
                    type="search"
                    spellCheck={false}
                    autoComplete="off"
                    value={searchText}
                    aria-describedby={toError && toTarget === 'toSearch' ? 'toSearch-hint toSearch-error' : 'toSearch-hint'}
                    onChange={(e) => setSearchText(e.target.value)}
                    onKeyDown={searchKey}
                  />
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={runSearch}>
                    Search<span className="govuk-visually-hidden"> for the {KIND_NOUNS[toKind]}</span>
                  </button>
                </div>
              </div>
            ) : null}
            {toKind && searched ? (
              <div className="app-choose-results" aria-live="polite">
                {found.error ? (
                  <QueryError error={found.error} onRetry={runSearch} />
                ) : !found.candidates ? (
                  <Loading what="Searching" />
                ) : found.candidates.length === 0 ? (
                  <p className="govuk-body">{searched.text ? `Nothing matches ‘${searched.text}’. Try part of the name.` : `No ${KIND_NOUNS[toKind]} is recorded yet.`}</p>
                ) : (
                  <Radios
                    id="toId"
                    legend={`Choose the ${KIND_NOUNS[toKind]}`}
                    hint={found.more ? 'Showing the first 20 matches: search for more of the name to narrow them down.' : undefined}
                    choices={found.candidates}
                    value={draft.toId}
                    error={toTarget === 'toId' ? toError : undefined}
                    onChange={(id) => set({ toId: id, toLabel: found.candidates?.find((c) => c.value === id)?.name ?? '' })}
                  />
                )}
              </div>
            ) : null}
            {draft.toId && !found.candidates?.some((c) => c.value === draft.toId) ? (
              <p className="govuk-inset-text">Chosen: {draft.toLabel}</p>
            ) : null}

            <h2 className="govuk-heading-m">The link</h2>
            <Radios id="type" legend="Type of link" choices={LINK_TYPE_CHOICES} value={draft.type} onChange={(type) => set({ type })} error={errors.fields.type} />
            <Select
              id="sourceAgencyId"
              label="Source agency"
              hint="The agency the intelligence came from"
              value={draft.sourceAgencyId}
              options={agencyOptions}
              onChange={(sourceAgencyId) => set({ sourceAgencyId })}
              error={errors.fields.sourceAgencyId}
            />
            <TextInput id="firstSeen" label="First seen" hint="For example, 2026-03-27" widthClass="govuk-input--width-10" autoComplete="off" value={draft.firstSeen} onChange={(firstSeen) => set({ firstSeen })} error={errors.fields.firstSeen} />
            <TextInput id="lastSeen" label="Last seen" hint="On or after first seen, for example 2026-04-02" widthClass="govuk-input--width-10" autoComplete="off" value={draft.lastSeen} onChange={(lastSeen) => set({ lastSeen })} error={errors.fields.lastSeen} />

            <h2 className="govuk-heading-m">Grading (3x5x2)</h2>
            <Radios id="sourceGrade" legend="Source evaluation" choices={SOURCE_GRADE_CHOICES} value={draft.sourceGrade} onChange={(sourceGrade) => set({ sourceGrade })} error={errors.fields.sourceGrade} />
            <Radios id="intelligenceGrade" legend="Intelligence assessment" choices={INTELLIGENCE_GRADE_CHOICES} value={draft.intelligenceGrade} onChange={(intelligenceGrade) => set({ intelligenceGrade })} error={errors.fields.intelligenceGrade} />
            <Radios
              id="handling"
              legend="Handling code"
              choices={HANDLING_CHOICES}
              value={draft.handling}
              onChange={(handling) => set({ handling })}
              error={errors.fields.handling}
              conditional={{
                C: (
                  <p className="govuk-body" id="handling-condition">
                    The link will carry this condition wherever it is shown: <strong>{HANDLING_C_CONDITION}</strong> Once any grading of a link is C, the link stays C.
                  </p>
                ),
              }}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
                Record the link
              </button>
              <Link className="govuk-link" to={nodePath(from.kind, from.id)}>
                Cancel
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
