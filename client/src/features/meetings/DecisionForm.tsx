import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { DECISION_KINDS, DECISION_KIND_LABELS } from '@mase/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, Textarea } from '../../components/fields';
import { RecordDecisionDocument, type DecisionKind } from '../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { Radios } from '../list/common';
import { setMeetingList } from './format';

const IDS = { about: 'decision-about', person: 'decision-person', item: 'decision-item', kind: 'decision-kind', note: 'decision-note' };

interface Props {
  meetingId: string;
  people: readonly { id: string; label: string }[];
  items: readonly { id: string; title: string }[];
}

/** Records what the panel decided about a young person on the agenda, or about an agenda item. */
export function DecisionForm({ meetingId, people, items }: Props) {
  const [about, setAbout] = useState(people.length > 0 ? 'PERSON' : 'ITEM');
  const [person, setPerson] = useState('');
  const [item, setItem] = useState('');
  const [kind, setKind] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RecordDecisionDocument, {
    update: (cache, { data }) => {
      if (data) setMeetingList(cache, meetingId, 'decisions', [data.recordDecision], 'append');
    },
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setRecorded(null);
    const found = formErrors([
      { id: IDS.person, message: about === 'PERSON' && !person ? 'Choose the young person the decision is about' : null },
      { id: IDS.item, message: about === 'ITEM' && !item ? 'Choose the agenda item the decision is about' : null },
      { id: IDS.kind, message: kind ? null : 'Choose the decision' },
    ]);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      const { data } = await record({
        variables: {
          input: {
            meetingId,
            kind: kind as DecisionKind,
            youngPersonId: about === 'PERSON' ? person : null,
            agendaItemId: about === 'ITEM' ? item : null,
            note: note.trim() || null,
          },
        },
      });
      setPerson('');
      setItem('');
      setKind('');
      setNote('');
      const d = data?.recordDecision;
      setRecorded(d ? `Decision recorded: ${DECISION_KIND_LABELS[d.kind]}${d.person ? ` for ${d.person}` : ''}` : 'Decision recorded');
    } catch (error) {
      setErrors(formErrorsFrom(error, { youngPersonId: IDS.person, agendaItemId: IDS.item, kind: IDS.kind, note: IDS.note }));
    }
  }

  const personSelect = (
    <Select
      id={IDS.person}
      label="Young person"
      value={person}
      onChange={setPerson}
      error={errors.fields[IDS.person]}
      options={[{ value: '', label: 'Choose a young person' }, ...people.map((p) => ({ value: p.id, label: p.label }))]}
    />
  );
  const itemSelect = (
    <Select
      id={IDS.item}
      label="Agenda item"
      value={item}
      onChange={setItem}
      error={errors.fields[IDS.item]}
      options={[{ value: '', label: 'Choose an item' }, ...items.map((i) => ({ value: i.id, label: i.title }))]}
    />
  );

  return (
    <form noValidate className="app-meeting-inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="decision-form-heading">
      <h3 className="govuk-heading-s" id="decision-form-heading">
        Record a decision
      </h3>
      <ErrorSummary items={errors.summary} />
      {recorded ? (
        <p className="govuk-body app-meeting-success" role="status">
          {recorded}
        </p>
      ) : null}
      <Radios
        id={IDS.about}
        legend="What is the decision about?"
        small
        value={about}
        onChange={setAbout}
        choices={[
          ...(people.length > 0 ? [{ value: 'PERSON', label: 'A young person on the agenda' }] : []),
          { value: 'ITEM', label: 'An agenda item' },
        ]}
        conditional={{ PERSON: personSelect, ITEM: itemSelect }}
      />
      <Radios
        id={IDS.kind}
        legend="Decision"
        small
        value={kind}
        onChange={setKind}
        error={errors.fields[IDS.kind]}
        choices={DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABELS[k] }))}
      />
      <Textarea id={IDS.note} label="Note (optional)" value={note} onChange={setNote} error={errors.fields[IDS.note]} />
      <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
        Record the decision
      </button>
    </form>
  );
}
