import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { INVOLVEMENTS, LOCALITY_KINDS, RETURN_SECTIONS, RETURN_STATUSES, type AgencyKind, type Involvement, type LocalityKind, type ReturnSection, type ReturnStatus } from '@mase/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AgencyKindEnum, enumObject } from '../../common/graphql/enums.js';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { VERSION_KINDS, type VersionKind } from './return.entities.js';
import { MONTH } from '../../common/graphql/validation.js';


export const ReturnStatusEnum = enumObject(RETURN_STATUSES);
registerEnumType(ReturnStatusEnum, { name: 'ReturnStatus', description: 'DRAFT → SUBMITTED → ACCEPTED, or RETURNED for correction and submitted again' });
export const ReturnSectionEnum = enumObject(RETURN_SECTIONS);
registerEnumType(ReturnSectionEnum, { name: 'ReturnSection' });
export const LocalityKindEnum = enumObject(LOCALITY_KINDS);
registerEnumType(LocalityKindEnum, { name: 'LocalityKind' });
export const InvolvementEnum = enumObject(INVOLVEMENTS);
registerEnumType(InvolvementEnum, { name: 'Involvement' });
export const VersionKindEnum = enumObject(VERSION_KINDS);
registerEnumType(VersionKindEnum, { name: 'ReturnVersionKind' });
export const COMPLIANCE_STATES = ['ON_TIME', 'LATE', 'RETURNED', 'MISSING', 'DUE'] as const;
export type ComplianceState = (typeof COMPLIANCE_STATES)[number];
export const ComplianceStateEnum = enumObject(COMPLIANCE_STATES);
registerEnumType(ComplianceStateEnum, {
  name: 'ComplianceState',
  description: 'ON_TIME / LATE: submitted by / after the deadline; RETURNED: sent back for correction; MISSING: deadline passed with nothing submitted; DUE: not submitted, deadline still ahead',
});
export const REVIEW_DECISIONS = ['ACCEPT', 'RETURN'] as const;
export const ReviewDecisionEnum = enumObject(REVIEW_DECISIONS);
registerEnumType(ReviewDecisionEnum, { name: 'ReviewDecision' });

// ---------- content, as read ----------

@ObjectType()
export class ReturnMeasureValue {
  @Field(() => String) key: string;
  @Field(() => String) label: string;
  @Field(() => ReturnSectionEnum) section: ReturnSection;
  @Field(() => Int, { nullable: true, description: 'Empty while a draft leaves it out' }) value: number | null;
}

@ObjectType()
export class ReturnLocality {
  @Field(() => LocalityKindEnum) kind: LocalityKind;
  @Field(() => String) description: string;
  @Field(() => ID, { nullable: true, description: 'A place on the map it is tied to' }) locationId: string | null;
  @Field(() => String, { nullable: true }) placeName: string | null;
}

@ObjectType({ description: 'A young person the agency works with. The analyst sees only the pseudonym of one on the list.' })
export class ReturnYoungPerson {
  @Field(() => String, { nullable: true }) reference: string | null;
  @Field(() => InvolvementEnum) involvement: Involvement;
  @Field(() => String, { nullable: true }) firstName: string | null;
  @Field(() => String, { nullable: true }) lastName: string | null;
  @Field(() => String, { nullable: true }) dateOfBirth: string | null;
  @Field(() => String, { nullable: true, description: 'Pseudonym of the matched young person (analyst and co-ordinating roles)' }) pseudonym: string | null;
}

@ObjectType()
export class ReturnContentView {
  @Field(() => [ReturnMeasureValue]) measures: ReturnMeasureValue[];
  @Field(() => [ReturnLocality]) localities: ReturnLocality[];
  @Field(() => [ReturnYoungPerson]) youngPeople: ReturnYoungPerson[];
  @Field(() => String, { nullable: true }) outcomes: string | null;
  @Field(() => [String]) blockages: string[];
}

@ObjectType()
export class ReturnVersion {
  @Field(() => Int) number: number;
  @Field(() => VersionKindEnum) kind: VersionKind;
  @Field(() => Date) submittedAt: Date;
  @Field(() => String, { nullable: true }) submittedByName: string | null;
  @Field(() => Boolean) late: boolean;
  @Field(() => String, { nullable: true, description: 'Why an accepted return was amended' }) reason: string | null;
  @Field(() => String, { nullable: true, description: 'ACCEPTED or RETURNED once reviewed' }) outcome: string | null;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
  @Field(() => String, { nullable: true }) reviewedByName: string | null;
  @Field(() => String, { nullable: true }) reviewComment: string | null;
  @Field(() => ReturnContentView) content: ReturnContentView;
}

@ObjectType('AgencyReturn', { description: "One agency's return for one month" })
export class AgencyReturnView {
  @Field(() => ID) id: string;
  @Field(() => AgencyEntity) agency: AgencyEntity;
  @Field(() => String, { description: 'yyyy-mm' }) period: string;
  @Field(() => ReturnStatusEnum) status: ReturnStatus;
  @Field(() => String, { description: 'yyyy-mm-dd' }) deadline: string;
  @Field(() => Boolean, { description: 'First submitted after the deadline' }) late: boolean;
  @Field(() => Date, { nullable: true }) firstSubmittedAt: Date | null;
  @Field(() => Date, { nullable: true }) lastSubmittedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was returned for correction' }) reviewComment: string | null;
  @Field(() => Int, { description: 'Send it back with a change: a save over someone else’s newer save is refused' }) version: number;
  @Field(() => Int) versionCount: number;
  @Field(() => Date) updatedAt: Date;
  @Field(() => ReturnContentView, { description: 'The draft being written, or the latest version submitted' }) content: ReturnContentView;
  /** Internal: for loading the history. */
  agencyKind: AgencyKind;
}

@ObjectType()
export class ReturnPeriod {
  @Field(() => String) period: string;
  @Field(() => String) deadline: string;
  @Field(() => ReturnStatusEnum, { nullable: true, description: 'Empty when not started' }) status: ReturnStatus | null;
  @Field(() => Boolean) late: boolean;
  @Field(() => Boolean, { description: 'The deadline has passed and nothing (or only a draft, or a returned version) is in' }) overdue: boolean;
  @Field(() => ID, { nullable: true }) returnId: string | null;
  @Field(() => String, { nullable: true }) reviewComment: string | null;
}

@ObjectType()
export class ComplianceCell {
  @Field(() => String) period: string;
  @Field(() => ComplianceStateEnum) state: ComplianceState;
  @Field(() => ID, { nullable: true }) returnId: string | null;
}

@ObjectType()
export class ComplianceRow {
  @Field(() => AgencyEntity) agency: AgencyEntity;
  @Field(() => [ComplianceCell]) cells: ComplianceCell[];
}

@ObjectType({ description: 'Agencies × months: who submitted on time, late, was returned, or is missing' })
export class ReturnCompliance {
  @Field(() => [String]) periods: string[];
  @Field(() => [String], { description: 'The deadline of each period' }) deadlines: string[];
  @Field(() => [ComplianceRow]) rows: ComplianceRow[];
}

@ObjectType()
export class OverdueReturn {
  @Field(() => AgencyEntity) agency: AgencyEntity;
  @Field(() => String) period: string;
  @Field(() => String) deadline: string;
  @Field(() => Int) daysOverdue: number;
  @Field(() => ReturnStatusEnum, { nullable: true }) status: ReturnStatus | null;
  @Field(() => ID, { nullable: true }) returnId: string | null;
}

@ObjectType()
export class MeasureTotal {
  @Field(() => String) period: string;
  @Field(() => String) measure: string;
  @Field(() => String) label: string;
  @Field(() => ReturnSectionEnum) section: ReturnSection;
  @Field(() => Int) total: number;
  @Field(() => Int, { description: 'Returns contributing' }) agencies: number;
}

@ObjectType()
export class MeasureKindTotal {
  @Field(() => String) period: string;
  @Field(() => String) measure: string;
  @Field(() => AgencyKindEnum) agencyKind: AgencyKind;
  @Field(() => Int) total: number;
}

@ObjectType({ description: 'Monthly totals of submitted (and accepted) returns, computed in the database' })
export class ReturnTotals {
  @Field(() => [MeasureTotal]) byMeasure: MeasureTotal[];
  @Field(() => [MeasureKindTotal]) byAgencyKind: MeasureKindTotal[];
}

@ObjectType({ description: 'A young person named in a return who is not on the MASE list: the co-ordinator should consider a screening' })
export class ReturnYoungPersonFlag {
  @Field(() => AgencyEntity) agency: AgencyEntity;
  @Field(() => String) period: string;
  @Field(() => String) reference: string;
  @Field(() => InvolvementEnum) involvement: Involvement;
  @Field(() => String, { description: 'NOT_RECORDED (no record matches) or NOT_ON_LIST (recorded but not on the list and not screened since)' }) reason: string;
  @Field(() => ID, { nullable: true }) youngPersonId: string | null;
  @Field(() => String, { nullable: true }) firstName: string | null;
  @Field(() => String, { nullable: true }) lastName: string | null;
  @Field(() => String, { nullable: true }) dateOfBirth: string | null;
}

@ObjectType()
export class ReturnCsvProblem {
  @Field(() => Int, { nullable: true, description: 'Line of the file (the header is line 1)' }) line: number | null;
  @Field(() => String) column: string;
  @Field(() => String, { nullable: true, description: 'The form field it concerns' }) field: string | null;
  @Field(() => String) message: string;
}

@ObjectType({ description: 'What a return CSV holds and every problem with it; nothing is saved' })
export class ReturnCsvPreview {
  @Field(() => ReturnContentView) content: ReturnContentView;
  @Field(() => [ReturnCsvProblem]) problems: ReturnCsvProblem[];
  @Field(() => [String], { description: 'Problems with the file as a whole' }) fileErrors: string[];
}

@ObjectType()
export class ReturnSettings {
  @Field(() => String, { description: 'WORKING_DAYS_BEFORE_MEETING or FIXED_DAY' }) rule: string;
  @Field(() => Int) workingDays: number;
  @Field(() => Int) fixedDay: number;
  @Field(() => Int, { description: '1 Monday … 5 Friday' }) meetingWeekday: number;
  @Field(() => Int, { description: 'Week of the month, 1 to 4' }) meetingWeek: number;
  @Field(() => Int) version: number;
}

// ---------- inputs ----------

@InputType()
export class MeasureValueInput {
  @Field(() => String) @IsString() @MaxLength(50) key: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() value: number | null;
}

@InputType()
export class ReturnLocalityInput {
  @Field(() => LocalityKindEnum) @IsIn(LOCALITY_KINDS) kind: LocalityKind;
  @Field(() => String) @IsString() @MaxLength(2000) description: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() locationId: string | null;
}

@InputType()
export class ReturnYoungPersonInput {
  @Field(() => String, { description: "The agency's case reference, or the MASE reference" }) @IsString() @MaxLength(200) reference: string;
  @Field(() => InvolvementEnum) @IsIn(INVOLVEMENTS) involvement: Involvement;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) firstName: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) lastName: string | null;
  @Field(() => String, { nullable: true, description: 'yyyy-mm-dd' }) @IsOptional() @IsString() @MaxLength(20) dateOfBirth: string | null;
}

@InputType()
export class ReturnContentInput {
  @Field(() => [MeasureValueInput]) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MeasureValueInput) measures: MeasureValueInput[];
  @Field(() => [ReturnLocalityInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ReturnLocalityInput) localities: ReturnLocalityInput[] = [];
  @Field(() => [ReturnYoungPersonInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => ReturnYoungPersonInput) youngPeople: ReturnYoungPersonInput[] = [];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(20000) outcomes: string | null;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(5000, { each: true }) blockages: string[] = [];
}

@InputType()
export class SaveReturnDraftInput {
  @Field(() => ID) @IsUUID() agencyId: string;
  @Field(() => String, { description: 'yyyy-mm' }) @Matches(MONTH, { message: 'period must be a month like 2026-03' }) period: string;
  @Field(() => ReturnContentInput) @ValidateNested() @Type(() => ReturnContentInput) content: ReturnContentInput;
  @Field(() => Int, { nullable: true, description: 'The version you read; leave out only when starting the return' }) @IsOptional() @IsInt() version: number | null;
}

@InputType()
export class SubmitReturnInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() version: number;
}

@InputType()
export class AmendReturnInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() version: number;
  @Field(() => ReturnContentInput) @ValidateNested() @Type(() => ReturnContentInput) content: ReturnContentInput;
  @Field(() => String, { description: 'Why the submitted return is being changed' }) @IsString() @MaxLength(2000) reason: string;
}

@InputType()
export class ReviewReturnInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() version: number;
  @Field(() => ReviewDecisionEnum) @IsIn(REVIEW_DECISIONS) decision: 'ACCEPT' | 'RETURN';
  @Field(() => String, { nullable: true, description: 'Required when returning: what to correct' }) @IsOptional() @IsString() @MaxLength(2000) comment: string | null;
}

@InputType()
export class ReturnsFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string | null;
  @Field(() => String, { nullable: true, description: 'yyyy-mm' }) @IsOptional() @Matches(MONTH) from?: string | null;
  @Field(() => String, { nullable: true, description: 'yyyy-mm' }) @IsOptional() @Matches(MONTH) to?: string | null;
  @Field(() => ReturnStatusEnum, { nullable: true }) @IsOptional() @IsIn(RETURN_STATUSES) status?: ReturnStatus | null;
}

@InputType()
export class PeriodRangeInput {
  @Field(() => String, { description: 'yyyy-mm' }) @Matches(MONTH, { message: 'from must be a month like 2026-03' }) from: string;
  @Field(() => String, { description: 'yyyy-mm' }) @Matches(MONTH, { message: 'to must be a month like 2026-03' }) to: string;
}

@InputType()
export class UpdateReturnSettingsInput {
  @Field(() => String) @IsIn(['WORKING_DAYS_BEFORE_MEETING', 'FIXED_DAY']) rule: 'WORKING_DAYS_BEFORE_MEETING' | 'FIXED_DAY';
  @Field(() => Int) @IsInt() @Min(0) @Max(20) workingDays: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(31) fixedDay: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(5) meetingWeekday: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(4) meetingWeek: number;
  @Field(() => Int) @IsInt() version: number;
}
