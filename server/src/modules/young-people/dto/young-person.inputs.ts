import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  FLOW_MEASURES,
  type FlowMeasure,
  AGE_BANDS,
  CSE_MODELS,
  EDUCATION_STATUSES,
  ETHNICITIES,
  GENDERS,
  LEGAL_STATUSES,
  PLACEMENT_TYPES,
  PRESENTATIONS,
  RAGS,
  SEND_STATUSES,
  type AgeBand,
  type CseModel,
  type EducationStatus,
  type Ethnicity,
  type Gender,
  type LegalStatus,
  type PlacementType,
  type Presentation,
  type Rag,
  type SendStatus,
} from '@mase/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  AgeBandEnum,
  CseModelEnum,
  EducationStatusEnum,
  EthnicityEnum,
  GenderEnum,
  LegalStatusEnum,
  PlacementTypeEnum,
  PresentationEnum,
  RagEnum,
  SendStatusEnum,
  enumObject,
} from '../../../common/graphql/enums.js';
import { ConnectionOf } from '../../../common/graphql/pagination.js';
import { YoungPersonEntity } from '../young-person.entity.js';
import { MONTH } from '../../../common/graphql/validation.js';

@InputType({ description: 'Everything a young person record holds; identifying fields are only for roles with case access' })
export class YoungPersonFields {
  @Field(() => String, { description: 'Case-management system reference, e.g. a MOSAIC id' })
  @IsString()
  @MaxLength(50)
  reference: string;

  @Field(() => String)
  @IsString()
  @MaxLength(100)
  firstName: string;

  @Field(() => String)
  @IsString()
  @MaxLength(100)
  lastName: string;

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  aliases: string[] = [];

  @Field(() => String, { description: 'yyyy-mm-dd' })
  @IsISO8601({ strict: true })
  dateOfBirth: string;

  @Field(() => GenderEnum)
  @IsIn(GENDERS)
  gender: Gender;

  @Field(() => EthnicityEnum)
  @IsIn(ETHNICITIES)
  ethnicity: Ethnicity;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  firstLanguage?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nationality?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  religion?: string | null;

  @Field(() => SendStatusEnum, { defaultValue: 'NOT_KNOWN' })
  @IsIn(SEND_STATUSES)
  send: SendStatus = 'NOT_KNOWN';

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  disability?: string | null;

  @Field(() => LegalStatusEnum)
  @IsIn(LEGAL_STATUSES)
  legalStatus: LegalStatus;

  @Field(() => PlacementTypeEnum, { defaultValue: 'HOME_BOROUGH' })
  @IsIn(PLACEMENT_TYPES)
  placementType: PlacementType = 'HOME_BOROUGH';

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  placementBorough?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  school?: string | null;

  @Field(() => EducationStatusEnum)
  @IsIn(EDUCATION_STATUSES)
  educationStatus: EducationStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  homeWard?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  socialWorker?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  team?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  crisNumber?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  merlinReferences: string[] = [];

  @Field(() => PresentationEnum)
  @IsIn(PRESENTATIONS)
  presentation: Presentation;
}

@InputType()
export class UpdateYoungPersonInput extends YoungPersonFields {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you read' })
  @IsInt()
  version: number;
}

const FLOW_MEASURE_KEYS = FLOW_MEASURES.map((m) => m.key);
export const FlowMeasureEnum = enumObject(FLOW_MEASURE_KEYS);
registerEnumType(FlowMeasureEnum, { name: 'FlowMeasure', description: 'A monthly flow of the list that counts young people, their spells, screenings or missing episodes' });

@InputType({ description: "The young people behind one month's count of a flow measure, with the dashboard's filters judged as the trends judge them (each young person as they were at the month end)" })
export class FlowCohortInput {
  @Field(() => FlowMeasureEnum)
  @IsIn(FLOW_MEASURE_KEYS)
  measure: FlowMeasure;

  @Field(() => String, { description: 'yyyy-mm' })
  @Matches(MONTH, { message: 'month must be a month like 2026-03' })
  month: string;

  @Field(() => [RagEnum], { nullable: true })
  @IsOptional()
  @IsIn(RAGS, { each: true })
  rag?: Rag[] | null;

  @Field(() => [AgeBandEnum], { nullable: true })
  @IsOptional()
  @IsIn(AGE_BANDS, { each: true })
  ageBand?: AgeBand[] | null;

  @Field(() => [GenderEnum], { nullable: true })
  @IsOptional()
  @IsIn(GENDERS, { each: true })
  gender?: Gender[] | null;

  @Field(() => [CseModelEnum], { nullable: true })
  @IsOptional()
  @IsIn(CSE_MODELS, { each: true })
  model?: CseModel[] | null;

  @Field(() => [String], { nullable: true, description: 'Home wards' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  ward?: string[] | null;

  @Field(() => [LegalStatusEnum], { nullable: true })
  @IsOptional()
  @IsIn(LEGAL_STATUSES, { each: true })
  legalStatus?: LegalStatus[] | null;
}

@InputType()
export class YoungPeopleFilter {
  @Field(() => FlowCohortInput, {
    nullable: true,
    description: "Only the young people behind a month's count on the trends (those who have left the list too); replaces the list status",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FlowCohortInput)
  cohort?: FlowCohortInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Only those on the list today (default), off it, or everyone (null)' })
  @IsOptional()
  @IsBoolean()
  onList?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only those on the list on this date (yyyy-mm-dd); overrides onList' })
  @IsOptional()
  @IsISO8601({ strict: true })
  onListOn?: string | null;

  @Field(() => [RagEnum], { nullable: true })
  @IsOptional()
  @IsIn(RAGS, { each: true })
  rag?: Rag[] | null;

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(3, { each: true })
  score?: number[] | null;

  @Field(() => [AgeBandEnum], { nullable: true })
  @IsOptional()
  @IsIn(AGE_BANDS, { each: true })
  ageBand?: AgeBand[] | null;

  @Field(() => [LegalStatusEnum], { nullable: true })
  @IsOptional()
  @IsIn(LEGAL_STATUSES, { each: true })
  legalStatus?: LegalStatus[] | null;

  @Field(() => [PlacementTypeEnum], { nullable: true })
  @IsOptional()
  @IsIn(PLACEMENT_TYPES, { each: true })
  placementType?: PlacementType[] | null;

  @Field(() => [CseModelEnum], { nullable: true })
  @IsOptional()
  @IsIn(CSE_MODELS, { each: true })
  model?: CseModel[] | null;

  @Field(() => [GenderEnum], { nullable: true })
  @IsOptional()
  @IsIn(GENDERS, { each: true })
  gender?: Gender[] | null;

  @Field(() => [String], { nullable: true, description: 'Home wards' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  ward?: string[] | null;

  @Field(() => String, { nullable: true, description: 'DUE (in the next 14 days) or OVERDUE' })
  @IsOptional()
  @IsIn(['DUE', 'OVERDUE'])
  review?: 'DUE' | 'OVERDUE' | null;

  @Field(() => String, { nullable: true, description: 'Reference or name (roles with case access); pseudonym for everyone' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@ObjectType({ description: 'Identifying details: only for roles with case access, and every read is audited' })
export class YoungPersonIdentity {
  @Field(() => String) reference: string;
  @Field(() => String) firstName: string;
  @Field(() => String) lastName: string;
  @Field(() => [String]) aliases: string[];
  @Field(() => String) dateOfBirth: string;
  @Field(() => String, { nullable: true }) school: string | null;
  @Field(() => String, { nullable: true }) socialWorker: string | null;
  @Field(() => String, { nullable: true }) team: string | null;
  @Field(() => String, { nullable: true }) crisNumber: string | null;
  @Field(() => [String]) merlinReferences: string[];
}

export const YoungPersonConnection = ConnectionOf(YoungPersonEntity, 'YoungPerson');
