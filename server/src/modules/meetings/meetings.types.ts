import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ACTION_STATUSES, AGENDA_SECTIONS, ATTENDANCE_STATUSES, DECISION_KINDS, MEETING_STATUSES, type ActionStatus, type AgendaSection, type AttendanceStatus, type DecisionKind, type MeetingStatus } from '@mase/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { enumObject } from '../../common/graphql/enums.js';
import { GraphQLJSON } from '../../common/graphql/json.scalar.js';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { Count } from '../analytics/analytics.types.js';

export const MeetingStatusEnum = enumObject(MEETING_STATUSES);
registerEnumType(MeetingStatusEnum, { name: 'MeetingStatus', description: 'PLANNED → AGENDA_ISSUED → HELD → MINUTES_APPROVED, or CANCELLED' });
export const AgendaSectionEnum = enumObject(AGENDA_SECTIONS);
registerEnumType(AgendaSectionEnum, { name: 'AgendaSection', description: 'Welcome, minutes, then Victims, Offenders, Locations, Themes, returns, blockages, any other business' });
export const DecisionKindEnum = enumObject(DECISION_KINDS);
registerEnumType(DecisionKindEnum, { name: 'DecisionKind' });
export const ActionStatusEnum = enumObject(ACTION_STATUSES);
registerEnumType(ActionStatusEnum, { name: 'ActionStatus' });
export const AttendanceStatusEnum = enumObject(ATTENDANCE_STATUSES);
registerEnumType(AttendanceStatusEnum, { name: 'AttendanceStatus' });
export const CHANGE_BASES = ['ISSUED', 'LAST_MEETING'] as const;
export const ChangeBaseEnum = enumObject(CHANGE_BASES);
registerEnumType(ChangeBaseEnum, { name: 'AgendaChangeBasis', description: 'ISSUED: the data now against the issued agenda; LAST_MEETING: this agenda against the last meeting’s' });

@ObjectType({ description: 'A line of an agenda item. Young people appear by initials and reference (pseudonym for the analyst), never by name.' })
export class AgendaEntryView {
  @Field(() => String) key: string;
  @Field(() => String, { nullable: true, description: 'The young person it is about, as this viewer may see them' }) person: string | null;
  @Field(() => String) text: string;
  @Field(() => String, { nullable: true, description: 'More detail (hidden from agency leads where it holds intelligence)' }) detail: string | null;
  @Field(() => String, { nullable: true }) linkKind: string | null;
  @Field(() => ID, { nullable: true }) linkId: string | null;
}

@ObjectType('AgendaItem')
export class AgendaItemView {
  @Field(() => ID) id: string;
  @Field(() => AgendaSectionEnum) section: AgendaSection;
  @Field(() => Int) position: number;
  @Field(() => String, { nullable: true, description: 'What fills it from the data; empty for an item added by hand' }) generator: string | null;
  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => [AgendaEntryView]) entries: AgendaEntryView[];
  @Field(() => Int) version: number;
}

@ObjectType('MeetingAttendance')
export class AttendanceView {
  @Field(() => AgencyEntity) agency: AgencyEntity;
  @Field(() => AttendanceStatusEnum) status: AttendanceStatus;
  @Field(() => String, { nullable: true }) representative: string | null;
}

@ObjectType('Decision')
export class DecisionView {
  @Field(() => ID) id: string;
  @Field(() => DecisionKindEnum) kind: DecisionKind;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => ID, { nullable: true }) agendaItemId: string | null;
  @Field(() => ID, { nullable: true }) youngPersonId: string | null;
  @Field(() => String, { nullable: true, description: 'As this viewer may see them' }) person: string | null;
  @Field(() => Date) recordedAt: Date;
}

@ObjectType('MeetingAction')
export class ActionView {
  @Field(() => ID) id: string;
  @Field(() => ID) meetingId: string;
  @Field(() => String) meetingDate: string;
  @Field(() => String) description: string;
  @Field(() => AgencyEntity) ownerAgency: AgencyEntity;
  @Field(() => String) owner: string;
  @Field(() => String) dueOn: string;
  @Field(() => ActionStatusEnum) status: ActionStatus;
  @Field(() => String, { nullable: true }) update: string | null;
  @Field(() => String, { nullable: true }) completedOn: string | null;
  @Field(() => Boolean) overdue: boolean;
  @Field(() => ID, { nullable: true }) youngPersonId: string | null;
  @Field(() => String, { nullable: true }) person: string | null;
  @Field(() => Int) version: number;
}

@ObjectType('Blockage')
export class BlockageView {
  @Field(() => ID) id: string;
  @Field(() => String) description: string;
  @Field(() => AgencyEntity, { nullable: true }) agency: AgencyEntity | null;
  @Field(() => String) status: string;
  @Field(() => String, { nullable: true }) resolution: string | null;
  @Field(() => Int) version: number;
}

@ObjectType('Meeting')
export class MeetingView {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'yyyy-mm-dd' }) date: string;
  @Field(() => MeetingStatusEnum) status: MeetingStatus;
  @Field(() => [String]) chairs: string[];
  @Field(() => String, { nullable: true }) venue: string | null;
  @Field(() => String, { nullable: true }) minutes: string | null;
  @Field(() => String, { nullable: true }) cancelledReason: string | null;
  @Field(() => Date, { nullable: true }) agendaGeneratedAt: Date | null;
  @Field(() => Date, { nullable: true }) issuedAt: Date | null;
  @Field(() => Date, { nullable: true }) minutesApprovedAt: Date | null;
  @Field(() => Int) version: number;
}

/** A count as the viewer may see it (value empty and display "c" where disclosure control hides it). */
export type FigureCount = Count;

@ObjectType('AgendaChartSeries')
export class AgendaChartSeriesView {
  @Field(() => String, { description: 'RED, AMBER, GREEN or NONE (not yet screened)' }) category: string;
  @Field(() => String) label: string;
  @Field(() => [Count], { description: 'One a month, in the order of the periods' }) counts: FigureCount[];
}

@ObjectType('AgendaRagChart', { description: 'The MASE list by RAG rating at each month end, over the six months to the month reported on' })
export class AgendaRagChartView {
  @Field(() => [String], { description: 'yyyy-mm' }) periods: string[];
  @Field(() => [AgendaChartSeriesView]) series: AgendaChartSeriesView[];
  @Field(() => [Count], { description: 'The list at each month end' }) totals: FigureCount[];
}

@ObjectType('AgendaHotSpot', { description: 'A new or persistent hot spot of the Locations item, with its point for the map' })
export class AgendaHotSpotView {
  @Field(() => ID) locationId: string;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) ward: string | null;
  @Field(() => Float, { nullable: true }) lat: number | null;
  @Field(() => Float, { nullable: true }) lng: number | null;
  @Field(() => Int, { description: 'Over the three months' }) incidents: number;
  @Field(() => Int, { description: 'Over the three months' }) sightings: number;
  @Field(() => String) highestRisk: string;
  @Field(() => Boolean) isNew: boolean;
  @Field(() => Boolean) persistent: boolean;
}

@ObjectType('AgendaHotSpotWard')
export class AgendaHotSpotWardView {
  @Field(() => String) name: string;
  @Field(() => Int) incidents: number;
  @Field(() => Int) sightings: number;
}

@ObjectType('AgendaHotSpotMap', { description: 'The Locations item on a map: its hot spots over three months, the wards shaded by incidents' })
export class AgendaHotSpotMapView {
  @Field(() => String, { description: 'yyyy-mm' }) from: string;
  @Field(() => String, { description: 'yyyy-mm' }) to: string;
  @Field(() => Boolean, { description: 'True when these are the figures as they stood at issue' }) frozen: boolean;
  @Field(() => [AgendaHotSpotView]) locations: AgendaHotSpotView[];
  @Field(() => [AgendaHotSpotWardView]) wards: AgendaHotSpotWardView[];
  @Field(() => GraphQLJSON, { description: 'The ward outlines as a GeoJSON FeatureCollection (each ward known by its name)' }) wardGeometry: Record<string, unknown>;
}

@ObjectType('AgendaFigures', { description: 'The key chart of the Themes section and the map of the Locations section: live until the agenda is issued, then as they stood at issue' })
export class AgendaFiguresView {
  @Field(() => String, { description: 'The month reported on (yyyy-mm)' }) period: string;
  @Field(() => Boolean, { description: 'True when the chart is as it stood at issue' }) frozen: boolean;
  @Field(() => AgendaRagChartView) chart: AgendaRagChartView;
  @Field(() => AgendaHotSpotMapView, { nullable: true, description: 'Null for agency leads: the map is not theirs, as in the pack' }) hotSpots: AgendaHotSpotMapView | null;
}

@ObjectType()
export class AgendaChange {
  @Field(() => String) generator: string;
  @Field(() => String) title: string;
  @Field(() => [AgendaEntryView]) added: AgendaEntryView[];
  @Field(() => [AgendaEntryView]) removed: AgendaEntryView[];
}

@InputType()
export class ScheduleMeetingInput {
  @Field(() => String, { description: 'yyyy-mm-dd' }) @IsISO8601({ strict: true }) date: string;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(4) @IsString({ each: true }) @MaxLength(200, { each: true }) chairs: string[] = [];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) venue?: string | null;
}

@InputType()
export class MoveMeetingInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => String) @IsISO8601({ strict: true }) date: string;
  @Field(() => Int) @IsInt() version: number;
}

@InputType()
export class CancelMeetingInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => String) @IsString() @MaxLength(1000) reason: string;
  @Field(() => Int) @IsInt() version: number;
}

@InputType()
export class AttendanceInput {
  @Field(() => ID) @IsUUID() agencyId: string;
  @Field(() => AttendanceStatusEnum) @IsIn(ATTENDANCE_STATUSES) status: AttendanceStatus;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) representative?: string | null;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID) @IsUUID() meetingId: string;
  @Field(() => [AttendanceInput]) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AttendanceInput) attendance: AttendanceInput[];
}

@InputType()
export class UpdateAgendaItemInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => String) @IsString() @MaxLength(300) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(10000) notes?: string | null;
  @Field(() => Int) @IsInt() version: number;
}

@InputType()
export class AddAgendaItemInput {
  @Field(() => ID) @IsUUID() meetingId: string;
  @Field(() => AgendaSectionEnum) @IsIn(AGENDA_SECTIONS) section: AgendaSection;
  @Field(() => String) @IsString() @MaxLength(300) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(10000) notes?: string | null;
}

@InputType()
export class MoveAgendaItemInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int, { description: '-1 to move up, 1 to move down (within its section)' }) @IsInt() @Min(-1) @Max(1) by: number;
}

@InputType()
export class RecordDecisionInput {
  @Field(() => ID) @IsUUID() meetingId: string;
  @Field(() => DecisionKindEnum) @IsIn(DECISION_KINDS) kind: DecisionKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() youngPersonId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agendaItemId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) note?: string | null;
}

@InputType()
export class RecordActionInput {
  @Field(() => ID) @IsUUID() meetingId: string;
  @Field(() => String) @IsString() @MaxLength(2000) description: string;
  @Field(() => ID, { nullable: true, description: 'Required' }) @IsOptional() @IsUUID() ownerAgencyId?: string | null;
  @Field(() => String, { nullable: true, description: 'Required: the person in the agency who owns it' }) @IsOptional() @IsString() @MaxLength(200) owner?: string | null;
  @Field(() => String, { nullable: true, description: 'Required: yyyy-mm-dd' }) @IsOptional() @IsString() @MaxLength(20) dueOn?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() youngPersonId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agendaItemId?: string | null;
}

@InputType()
export class UpdateActionInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => ActionStatusEnum) @IsIn(ACTION_STATUSES) status: ActionStatus;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) update?: string | null;
  @Field(() => Int) @IsInt() version: number;
}

@InputType()
export class RaiseBlockageInput {
  @Field(() => ID) @IsUUID() meetingId: string;
  @Field(() => String) @IsString() @MaxLength(2000) description: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string | null;
}

@InputType()
export class ResolveBlockageInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => String) @IsString() @MaxLength(2000) resolution: string;
  @Field(() => Int) @IsInt() version: number;
}

@InputType()
export class SaveMinutesInput {
  @Field(() => ID) @IsUUID() meetingId: string;
  @Field(() => String) @IsString() @MaxLength(100000) minutes: string;
  @Field(() => Int) @IsInt() version: number;
}
