import { Tag, type TagColour } from '../../components/Tag';
import { formatDateTime } from './datetime';

export interface ChronologyItem {
  at: string;
  kind: string;
  summary: string;
  refId?: string | null;
}

const KINDS: Record<string, { label: string; colour: TagColour }> = {
  ASSESSMENT: { label: 'Screening', colour: 'blue' },
  SIGNED_OFF: { label: 'Signed off', colour: 'green' },
  LIST_JOINED: { label: 'Joined list', colour: 'red' },
  LIST_ENDED: { label: 'Left list', colour: 'grey' },
  MISSING: { label: 'Missing', colour: 'orange' },
  RETURNED: { label: 'Returned', colour: 'turquoise' },
};

/** A young person's history, newest first. */
export function Chronology({ entries }: { entries: readonly ChronologyItem[] }) {
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section aria-labelledby="chronology-heading">
      <h2 className="govuk-heading-m" id="chronology-heading">
        Chronology
      </h2>
      {sorted.length === 0 ? (
        <p className="govuk-body">Nothing has been recorded yet.</p>
      ) : (
        <ol className="app-timeline">
          {sorted.map((e, i) => {
            const kind = KINDS[e.kind] ?? { label: e.kind, colour: 'grey' as const };
            return (
              <li key={`${e.at}-${e.kind}-${e.refId ?? i}`} className="app-timeline__item">
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time> <Tag colour={kind.colour}>{kind.label}</Tag>
                </p>
                <p className="govuk-body govuk-!-margin-bottom-0">{e.summary}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
