import type { ReactNode } from 'react';
import type { ApolloCache } from '@apollo/client';
import { IDENTIFYING_ROLES, type Rag, type Role } from '@mase/shared';
import { Tag } from '../../components/Tag';

/** Roles that see names, references and evidence notes. */
export function canIdentify(role: Role): boolean {
  return IDENTIFYING_ROLES.includes(role);
}

/** Roles that record young people and screenings, sign off and end list membership. */
export function isKeeper(role: Role): boolean {
  return role === 'CO_CHAIR' || role === 'COORDINATOR';
}

const RAG_COLOURS = { RED: 'red', AMBER: 'orange', GREEN: 'green' } as const;
export const RAG_LABELS: Record<Rag, string> = { RED: 'Red', AMBER: 'Amber', GREEN: 'Green' };

export function RagTag({ rag }: { rag: Rag }) {
  return <Tag colour={RAG_COLOURS[rag]}>{RAG_LABELS[rag]}</Tag>;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** A calendar day (yyyy-mm-dd) as people in the UK read it, e.g. "3 Mar 2026". */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return dayFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in London, yyyy-mm-dd. */
export function today(): string {
  return londonDay.format(new Date());
}

/** True for a real calendar day written yyyy-mm-dd. */
export function isDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function Overdue({ day }: { day: string }) {
  return (
    <>
      {formatDay(day)}
      {day < today() ? (
        <>
          {' '}
          <Tag colour="red">Overdue</Tag>
        </>
      ) : null}
    </>
  );
}

interface Named {
  pseudonym: string;
  identity?: { firstName: string; lastName: string; reference: string } | null;
}

/** How a young person is named on a page: their name for roles with case access, else the pseudonym. */
export function displayName(person: Named): string {
  return person.identity ? `${person.identity.firstName} ${person.identity.lastName}` : person.pseudonym;
}

/** After a change to the list, forget every cached list query so pages fetch afresh. */
export function forgetList(cache: ApolloCache, youngPersonId?: string, fields: readonly string[] = ['youngPeople', 'signOffQueue', 'reviewsDue']): void {
  for (const fieldName of fields) cache.evict({ id: 'ROOT_QUERY', fieldName });
  if (youngPersonId) cache.evict({ id: cache.identify({ __typename: 'YoungPerson', id: youngPersonId }) });
  cache.gc();
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

interface ChoiceGroupProps {
  id: string;
  name?: string;
  legend: ReactNode;
  legendClass?: string;
  hint?: ReactNode;
  error?: string;
  choices: readonly Choice[];
  inline?: boolean;
  small?: boolean;
}

function errorBlock(id: string, error?: string) {
  return error ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The id of the n-th input of a group: the first takes the group's id so an error summary link reaches it. */
export function choiceId(groupId: string, index: number, value: string): string {
  return index === 0 ? groupId : `${groupId}-${value.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

interface RadiosProps extends ChoiceGroupProps {
  value: string;
  onChange: (value: string) => void;
  /** Content revealed under a choice while it is selected (GOV.UK conditional reveal). */
  conditional?: Partial<Record<string, ReactNode>>;
}

/** GOV.UK radios in a fieldset, with hint, inline error and conditional reveals. */
export function Radios({ id, name, legend, legendClass = 'govuk-fieldset__legend--s', hint, error, choices, value, onChange, inline, small, conditional }: RadiosProps) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend ${legendClass}`}>{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {errorBlock(id, error)}
        <div className={['govuk-radios', inline ? 'govuk-radios--inline' : null, small ? 'govuk-radios--small' : null].filter(Boolean).join(' ')}>
          {choices.map((c, i) => {
            const inputId = choiceId(id, i, c.value);
            const reveal = conditional?.[c.value];
            return (
              <div key={c.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={inputId}
                    name={name ?? id}
                    type="radio"
                    value={c.value}
                    checked={value === c.value}
                    onChange={() => onChange(c.value)}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                    {c.label}
                  </label>
                  {c.hint ? <div className="govuk-hint govuk-radios__hint">{c.hint}</div> : null}
                </div>
                {reveal && value === c.value ? <div className="govuk-radios__conditional">{reveal}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

interface CheckboxesProps extends ChoiceGroupProps {
  values: readonly string[];
  onChange: (values: string[]) => void;
}

/** GOV.UK checkboxes in a fieldset. */
export function Checkboxes({ id, name, legend, legendClass = 'govuk-fieldset__legend--s', hint, error, choices, values, onChange, small = true }: CheckboxesProps) {
  function toggle(v: string, on: boolean) {
    onChange(on ? [...values.filter((x) => x !== v), v] : values.filter((x) => x !== v));
  }
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend ${legendClass}`}>{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {errorBlock(id, error)}
        <div className={`govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`}>
          {choices.map((c, i) => {
            const inputId = choiceId(id, i, c.value);
            return (
              <div key={c.value} className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={inputId}
                  name={name ?? id}
                  type="checkbox"
                  value={c.value}
                  checked={values.includes(c.value)}
                  onChange={(e) => toggle(c.value, e.target.checked)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                  {c.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function choicesOf<K extends string>(keys: readonly K[], labels: Record<K, string>): Choice[] {
  return keys.map((k) => ({ value: k, label: labels[k] }));
}
