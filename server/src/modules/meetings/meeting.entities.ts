import type { ActionStatus, AgendaSection, AttendanceStatus, DecisionKind, MeetingStatus } from '@mase/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity.js';

/** A young person as an agenda shows them: never by name. */
export interface AgendaPerson {
  id: string;
  pseudonym: string;
  reference: string;
  initials: string;
}

/** One line of an agenda item, as generated from the data (or frozen at issue). */
export interface AgendaEntry {
  /** Stable identity of what the line is about, for "what changed" comparisons. */
  key: string;
  text: string;
  detail: string | null;
  youngPerson: AgendaPerson | null;
  /** An agency's own case reference, for a child not (or not yet) matched to a record. */
  caseReference?: string | null;
  link: { kind: 'YOUNG_PERSON' | 'PERSON_OF_CONCERN' | 'PLACE' | 'ACTION' | 'RETURN' | 'AGENCY'; id: string } | null;
  /**
   * The line as roles under statistical disclosure control read it (counts of 1 to 5 as c, zero as
   * zero, and any other count a published total would give away), for a line that carries counts.
   */
  controlled?: { text: string; detail: string | null } | null;
}

/** The pack's figures, frozen at issue: raw counts (disclosure control is applied as the pack is drawn). */
export interface PackFigures {
  /** The month the pack reports on. */
  period: string;
  /** The list by RAG at each month end: cells[period][category], with each month's total. */
  rag: { periods: string[]; categories: string[]; cells: number[][]; totals: number[] };
  map: {
    wards: { name: string; incidents: number; geometry: { type: string; coordinates: unknown }; attribution: string | null }[];
    locations: { locationId: string; lat: number | null; lng: number | null; incidents: number; highestRisk: string }[];
  };
  /**
   * The Locations item on a map: the new and persistent hot spots over its three months, and each
   * ward's totals over them (wards by name, as in `map`). Absent from figures frozen before agendas kept it.
   */
  hotSpots?: AgendaHotSpots;
}

/** The new and persistent hot spots an agenda lists, as drawn on its map: raw counts. */
export interface AgendaHotSpots {
  from: string;
  to: string;
  wards: { name: string; incidents: number; sightings: number }[];
  locations: { locationId: string; name: string; ward: string | null; lat: number | null; lng: number | null; incidents: number; sightings: number; highestRisk: string; isNew: boolean; persistent: boolean }[];
}

@Entity('meeting')
@Index('meeting_date_idx', ['date'])
@Check('meeting_status_chk', `status IN ('PLANNED', 'AGENDA_ISSUED', 'HELD', 'MINUTES_APPROVED', 'CANCELLED')`)
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text', default: 'PLANNED' })
  status: MeetingStatus;

  /** The co-chairs: the senior safeguarding manager and the police Detective Inspector. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  chairs: string[];

  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Column({ type: 'text', nullable: true })
  cancelledReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  agendaGeneratedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  issuedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  minutesApprovedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  minutesApprovedBy: string | null;

  /** The figures the pack draws, taken when the agenda is issued (frozen in the database from then on). */
  @Column({ type: 'jsonb', nullable: true, select: false })
  packFigures: PackFigures | null;

  /** Generated items a co-chair removed: generating the agenda again leaves them off. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  removedGenerators: string[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}

@Entity('meeting_attendance')
@Check('meeting_attendance_status_chk', `status IN ('ATTENDED', 'APOLOGIES', 'ABSENT')`)
export class MeetingAttendanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'text' })
  status: AttendanceStatus;

  @Column({ type: 'text', nullable: true })
  representative: string | null;
}

/** An item of a meeting's agenda: generated from the data (with its entries frozen when the agenda is issued) or added by hand. */
@Entity('agenda_item')
@Index('agenda_item_meeting_idx', ['meetingId', 'position'])
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'text' })
  section: AgendaSection;

  @Column({ type: 'integer' })
  position: number;

  /** The generator that fills it (null for an item added by hand). */
  @Column({ type: 'text', nullable: true })
  generator: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  entries: AgendaEntry[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('meeting_decision')
@Index('meeting_decision_meeting_idx', ['meetingId'])
@Index('meeting_decision_yp_idx', ['youngPersonId'])
@Check('meeting_decision_kind_chk', `kind IN ('REMAIN', 'STEP_DOWN', 'ESCALATE', 'STRATEGY_MEETING', 'OTHER')`)
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @Column({ type: 'uuid', nullable: true })
  youngPersonId: string | null;

  @Column({ type: 'text' })
  kind: DecisionKind;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;
}

@Entity('meeting_action')
@Index('meeting_action_owner_idx', ['ownerAgencyId', 'status'])
@Index('meeting_action_meeting_idx', ['meetingId'])
@Check('meeting_action_status_chk', `status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')`)
export class ActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The meeting that raised it. */
  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @Column({ type: 'uuid', nullable: true })
  youngPersonId: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'uuid' })
  ownerAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_agency_id' })
  ownerAgency?: AgencyEntity;

  /** The person in the agency who owns it. */
  @Column({ type: 'text' })
  owner: string;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'text', default: 'OPEN' })
  status: ActionStatus;

  @Column({ type: 'text', nullable: true })
  update: string | null;

  @Column({ type: 'date', nullable: true })
  completedOn: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}

@Entity('meeting_blockage')
@Index('meeting_blockage_status_idx', ['status'])
@Check('meeting_blockage_status_chk', `status IN ('OPEN', 'RESOLVED')`)
export class BlockageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column({ type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', default: 'OPEN' })
  status: 'OPEN' | 'RESOLVED';

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}
