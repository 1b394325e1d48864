import '../../list/list.css';
import { Tag, type TagColour } from '../../../components/Tag';
import { formatDay } from '../../list/common';
import { formatMonth } from '../months';

export interface IntelChronologyItem {
  on: string;
  kind: string;
  summary: string;
  refId?: string | null;
}

const KINDS: Record<string, { label: string; colour: TagColour }> = {
  LINK_FIRST_SEEN: { label: 'First seen', colour: 'blue' },
  LINK_LAST_SEEN: { label: 'Last seen', colour: 'grey' },
  DISRUPTION: { label: 'Disruption', colour: 'red' },
  STATUS: { label: 'Status', colour: 'purple' },
  HOT_SPOT_REPORT: { label: 'Hot-spot report', colour: 'orange' },
};

/** The dated history of a person of concern or a place, as the server orders it (newest first). */
export function IntelChronology({ entries }: { entries: readonly IntelChronologyItem[] }) {
  return (
    <section aria-labelledby="chronology-heading">
      <h2 className="govuk-heading-m" id="chronology-heading">
        Chronology
      </h2>
      {entries.length === 0 ? (
        <p className="govuk-body">Nothing has been recorded yet.</p>
      ) : (
        <ol className="app-timeline" aria-label="Chronology, newest first">
          {entries.map((e, i) => {
            const kind = KINDS[e.kind] ?? { label: e.kind, colour: 'grey' as const };
            return (
              <li key={`${e.on}-${e.kind}-${e.refId ?? ''}-${i}`} className="app-timeline__item">
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  <time dateTime={e.on}>{e.kind === 'HOT_SPOT_REPORT' ? formatMonth(e.on) : formatDay(e.on)}</time> <Tag colour={kind.colour}>{kind.label}</Tag>
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
