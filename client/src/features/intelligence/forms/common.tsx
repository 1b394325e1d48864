import type { ReactNode } from 'react';
import type { ApolloCache } from '@apollo/client';
import { Link } from 'react-router';
import type { Role } from '@mase/shared';
import type { HandlingCode, IntelligenceGrade, LinkType, NodeKind, RiskLevel } from '../../../gql/graphql';
import type { Choice } from '../../list/common';
import './forms.css';

/** Only the police record intelligence; the co-chair, co-ordinator and analyst read it. */
export function canRecordIntelligence(role: Role): boolean {
  return role === 'POLICE';
}

/** A link styled as a GOV.UK button (secondary unless said otherwise). */
export function ButtonLink({ to, children, primary = false }: { to: string; children: ReactNode; primary?: boolean }) {
  return (
    <Link to={to} role="button" draggable={false} className={`govuk-button${primary ? '' : ' govuk-button--secondary'}`} data-module="govuk-button">
      {children}
    </Link>
  );
}

/** The GOV.UK warning text: something to check that did not stop the save. */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

/** Offered when the server refused a save because someone else changed the record first. */
export function ConflictNotice({ what, onReload }: { what: string; onReload: () => void }) {
  return (
    <div className="govuk-inset-text app-conflict">
      <p className="govuk-body">What you typed is kept in the form below. Reload to see their version; you will then need to make your changes again.</p>
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={onReload}>
        Reload {what}
      </button>
    </div>
  );
}

export const conflictMessage = (what: string) => `Someone else changed ${what} after you opened it, so your changes have not been saved.`;

/** After a change to intelligence, forget cached reads that summarise it so pages fetch afresh. */
export function forgetIntelligence(cache: ApolloCache, fields: readonly string[]): void {
  for (const fieldName of fields) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}

export const NETWORK_FIELDS = ['links', 'network', 'neighbourhood', 'complexAbuseGroups'] as const;

export const LINK_TYPE_CHOICES: readonly { value: LinkType; label: string }[] = [
  { value: 'SUSPECTED_OF_EXPLOITING', label: 'Suspected of exploiting' },
  { value: 'ASSOCIATE', label: 'Associate' },
  { value: 'SEEN_WITH', label: 'Seen with' },
  { value: 'PEER', label: 'Peer' },
  { value: 'FREQUENTS', label: 'Frequents' },
  { value: 'LIVES_AT', label: 'Lives at' },
  { value: 'OTHER', label: 'Other' },
];

export const NODE_KIND_CHOICES: readonly { value: NodeKind; label: string }[] = [
  { value: 'PERSON_OF_CONCERN', label: 'A person of concern' },
  { value: 'LOCATION', label: 'A place' },
  { value: 'YOUNG_PERSON', label: 'A young person' },
];

/** 3x5x2 source evaluation. */
export const SOURCE_GRADE_CHOICES: readonly Choice[] = [
  { value: '1', label: '1: Reliable', hint: 'No doubt about the source’s authenticity, trustworthiness or competence' },
  { value: '2', label: '2: Untested', hint: 'A source not yet graded, or whose reliability is not known' },
  { value: '3', label: '3: Not reliable', hint: 'Doubt about the source’s authenticity, trustworthiness or competence' },
];

/** 3x5x2 intelligence assessment. */
export const INTELLIGENCE_GRADE_CHOICES: readonly { value: IntelligenceGrade; label: string }[] = [
  { value: 'A', label: 'A: Known directly to the source' },
  { value: 'B', label: 'B: Known indirectly to the source but corroborated' },
  { value: 'C', label: 'C: Known indirectly to the source' },
  { value: 'D', label: 'D: Not known' },
  { value: 'E', label: 'E: Suspected to be false or malicious' },
];

/** 3x5x2 handling code. */
export const HANDLING_CHOICES: readonly { value: HandlingCode; label: string; hint: string }[] = [
  { value: 'P', label: 'P: Lawful sharing permitted', hint: 'May be shared with the MASE panel without further conditions' },
  { value: 'C', label: 'C: Lawful sharing permitted subject to conditions', hint: 'Conditions apply: it is shown with its condition wherever it appears' },
];

export const RISK_LEVEL_CHOICES: readonly { value: RiskLevel; label: string }[] = [
  { value: 'HIGH', label: 'High' },
  { value: 'MEDIUM', label: 'Medium' },
  { value: 'LOW', label: 'Low' },
];

export const DISRUPTION_TYPE_CHOICES: readonly Choice[] = [
  { value: 'CAWN', label: 'Child abduction warning notice (CAWN)' },
  { value: 'ORDER', label: 'Order', hint: 'For example a sexual risk order or sexual harm prevention order' },
  { value: 'ARREST', label: 'Arrest' },
  { value: 'OTHER', label: 'Other', hint: 'Describe it in the notes' },
];

/** A whole number of 0 or more typed in a box, or null when it is not one. */
export function parseCount(value: string): number | null {
  const t = value.trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  return Number(t);
}
