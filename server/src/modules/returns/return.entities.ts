import type { AgencyKind, Involvement, ReturnContent, ReturnStatus } from '@mase/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity.js';

export const VERSION_KINDS = ['SUBMISSION', 'RESUBMISSION', 'AMENDMENT'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/**
 * One agency's return for one month. `content` is the working copy (the draft being edited, or the
 * latest version submitted); every submission is also kept as an `agency_return_version`, and the
 * figures of the current submission are written to `agency_return_figure` for aggregation in SQL.
 */
@Entity('agency_return')
@Index('agency_return_agency_period_key', ['agencyId', 'period'], { unique: true })
@Index('agency_return_period_idx', ['period', 'status'])
// (id) WHERE status IN ('SUBMITTED', 'ACCEPTED'): the ReturnTotalsIndexes migration.
@Index('agency_return_counted_idx', { synchronize: false })
@Check('agency_return_status_chk', `status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')`)
@Check('agency_return_period_chk', `extract(day FROM period) = 1`)
export class AgencyReturnEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  /** The month reported on (its first day). */
  @Column({ type: 'date' })
  period: string;

  @Column({ type: 'text' })
  status: ReturnStatus;

  @Column({ type: 'jsonb' })
  content: ReturnContent;

  @Column({ type: 'date' })
  deadline: string;

  /** When the first version was submitted; a return is late when that was after its deadline. */
  @Column({ type: 'timestamptz', nullable: true })
  firstSubmittedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastSubmittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  lastSubmittedBy: string | null;

  @Column({ type: 'integer', default: 0 })
  versionCount: number;

  @Column({ type: 'text', nullable: true })
  reviewComment: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;
}

/** A submitted version of a return: never changed once written, except for its review outcome. */
@Entity('agency_return_version')
@Index('agency_return_version_number_key', ['returnId', 'number'], { unique: true })
@Check('agency_return_version_kind_chk', `kind IN ('SUBMISSION', 'RESUBMISSION', 'AMENDMENT')`)
@Check('agency_return_version_outcome_chk', `outcome IS NULL OR outcome IN ('ACCEPTED', 'RETURNED')`)
@Check('agency_return_version_reason_chk', `kind <> 'AMENDMENT' OR reason IS NOT NULL`)
export class AgencyReturnVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  returnId: string;

  @ManyToOne(() => AgencyReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id' })
  agencyReturn?: AgencyReturnEntity;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  kind: VersionKind;

  @Column({ type: 'jsonb' })
  content: ReturnContent;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ type: 'boolean' })
  late: boolean;

  @Column({ type: 'text', nullable: true })
  outcome: 'ACCEPTED' | 'RETURNED' | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'text', nullable: true })
  reviewComment: string | null;
}

/** The figures of each return's current submission, one row a measure: what the totals add up. */
@Entity('agency_return_figure')
@Index('agency_return_figure_period_idx', ['period', 'measure'])
// (period, measure) INCLUDE (return_id, agency_kind, value): the ReturnTotalsIndexes migration.
@Index('agency_return_figure_period_cover_idx', { synchronize: false })
export class ReturnFigureEntity {
  @PrimaryColumn({ type: 'uuid' })
  returnId: string;

  @PrimaryColumn({ type: 'text' })
  measure: string;

  @ManyToOne(() => AgencyReturnEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'return_id' })
  agencyReturn?: AgencyReturnEntity;

  @Column({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'text' })
  agencyKind: AgencyKind;

  @Column({ type: 'date' })
  period: string;

  @Column({ type: 'integer' })
  value: number;
}

/**
 * A young person named in a return's current submission, matched to the MASE list by reference
 * (or by name and date of birth). Those not matched, or matched but not on the list, are flagged to
 * the co-ordinator for screening.
 */
@Entity('agency_return_young_person')
@Index('agency_return_young_person_yp_idx', ['youngPersonId'])
@Index('agency_return_young_person_period_idx', ['period'])
export class ReturnYoungPersonEntity {
  @PrimaryColumn({ type: 'uuid' })
  returnId: string;

  @PrimaryColumn({ type: 'text' })
  reference: string;

  @ManyToOne(() => AgencyReturnEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'return_id' })
  agencyReturn?: AgencyReturnEntity;

  @Column({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'date' })
  period: string;

  @Column({ type: 'text' })
  involvement: Involvement;

  @Column({ type: 'uuid', nullable: true })
  youngPersonId: string | null;

  /** REFERENCE or NAME_AND_DOB when matched; null when no record matched. */
  @Column({ type: 'text', nullable: true })
  matchedBy: string | null;
}

/** How return deadlines are set: one row. */
@Entity('return_settings')
@Check('return_settings_singleton_chk', `id = 1`)
@Check('return_settings_rule_chk', `rule IN ('WORKING_DAYS_BEFORE_MEETING', 'FIXED_DAY')`)
export class ReturnSettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'text', default: 'WORKING_DAYS_BEFORE_MEETING' })
  rule: 'WORKING_DAYS_BEFORE_MEETING' | 'FIXED_DAY';

  /** Working days (England and Wales bank holidays and weekends excluded) before the meeting. */
  @Column({ type: 'smallint', default: 5 })
  workingDays: number;

  /** Day of the month after the period, for the fixed-day rule. */
  @Column({ type: 'smallint', default: 10 })
  fixedDay: number;

  /** When no meeting is scheduled: the meeting is on this weekday (1 Monday … 5 Friday) … */
  @Column({ type: 'smallint', default: 3 })
  meetingWeekday: number;

  /** … of this week of the month after the period (1 to 4). */
  @Column({ type: 'smallint', default: 3 })
  meetingWeek: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;
}
