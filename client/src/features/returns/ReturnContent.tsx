import { INVOLVEMENT_LABELS, LOCALITY_KIND_LABELS, RETURN_SECTION_LABELS, RETURN_SECTIONS } from '@mase/shared';
import type { ReturnContentFieldsFragment } from '../../gql/graphql';
import { longDate } from './format';

type HeadingLevel = 'h2' | 'h3' | 'h4';

interface Props {
  content: ReturnContentFieldsFragment;
  /** The heading level of each part (h2 on a page of its own, deeper inside a section). */
  level?: HeadingLevel;
  /** Prefix for ids, so two views of a return can sit on one page. */
  idPrefix?: string;
}

function name(y: ReturnContentFieldsFragment['youngPeople'][number]): string {
  return [y.firstName, y.lastName].filter(Boolean).join(' ');
}

/** A return, read-only: the figures by section, the lists and the narrative. */
export function ReturnContent({ content, level = 'h2', idPrefix = 'return' }: Props) {
  const H = level;
  const headingClass = level === 'h2' ? 'govuk-heading-m' : 'govuk-heading-s';
  const identifying = content.youngPeople.some((y) => y.reference !== null);
  return (
    <div className="app-return-content">
      {RETURN_SECTIONS.map((section) => {
        const measures = content.measures.filter((m) => m.section === section);
        if (measures.length === 0) return null;
        return (
          <section key={section} aria-labelledby={`${idPrefix}-${section}`}>
            <H className={headingClass} id={`${idPrefix}-${section}`}>
              {RETURN_SECTION_LABELS[section]}
            </H>
            <dl className="govuk-summary-list">
              {measures.map((m) => (
                <div key={m.key} className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{m.label}</dt>
                  <dd className="govuk-summary-list__value">{m.value === null ? <span className="app-muted">Not given</span> : m.value.toLocaleString('en-GB')}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}

      <H className={headingClass}>Localities, peer groups and gangs</H>
      {content.localities.length === 0 ? (
        <p className="govuk-body">None listed.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {content.localities.map((l, i) => (
            <li key={i}>
              <strong>{LOCALITY_KIND_LABELS[l.kind]}:</strong> {l.description}
              {l.placeName ? <> (place: {l.placeName})</> : null}
            </li>
          ))}
        </ul>
      )}

      <H className={headingClass}>Young people worked with</H>
      {content.youngPeople.length === 0 ? (
        <p className="govuk-body">None listed.</p>
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {identifying ? 'Reference' : 'Young person'}
              </th>
              <th scope="col" className="govuk-table__header">
                Involvement
              </th>
              {identifying ? (
                <>
                  <th scope="col" className="govuk-table__header">
                    Name
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Date of birth
                  </th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {content.youngPeople.map((y, i) => (
              <tr key={i} className="govuk-table__row">
                <td className="govuk-table__cell">{identifying ? y.reference : (y.pseudonym ?? <span className="app-muted">Not on the list</span>)}</td>
                <td className="govuk-table__cell">{INVOLVEMENT_LABELS[y.involvement]}</td>
                {identifying ? (
                  <>
                    <td className="govuk-table__cell">{name(y) || <span className="app-muted">Not given</span>}</td>
                    <td className="govuk-table__cell">{y.dateOfBirth ? longDate(y.dateOfBirth) : <span className="app-muted">Not given</span>}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <H className={headingClass}>Outcomes</H>
      {content.outcomes ? <p className="govuk-body app-pre-line">{content.outcomes}</p> : <p className="govuk-body">Not given.</p>}

      <H className={headingClass}>Blockages for MASE to resolve</H>
      {content.blockages.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {content.blockages.map((b, i) => (
            <li key={i} className="app-pre-line">
              {b}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
