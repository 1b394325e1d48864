import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GENDERS, type Gender, type Rag } from '@mase/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GenderEnum, RagEnum } from '../../common/graphql/enums.js';
import { ConnectionOf } from '../../common/graphql/pagination.js';
import {
  HANDLING_CODES,
  HandlingCodeEnum,
  INTELLIGENCE_GRADES,
  IntelligenceGradeEnum,
  LINK_TYPES,
  LinkEntity,
  LinkTypeEnum,
  NODE_KINDS,
  NodeKindEnum,
  type HandlingCode,
  type IntelligenceGrade,
  type LinkType,
  type NodeKind,
} from './link.entity.js';
import {
  DISRUPTION_TYPES,
  DisruptionTypeEnum,
  POC_CATEGORIES,
  POC_STATUSES,
  PersonOfConcernEntity,
  PocCategoryEnum,
  PocStatusEnum,
  type DisruptionType,
  type PocCategory,
  type PocStatus,
} from './person-of-concern.entity.js';

@InputType()
export class VehicleInput {
  @Field(() => String, { description: 'Full or partial; stored upper case without spaces' })
  @IsString()
  @MaxLength(20)
  registration: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  make?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  colour?: string | null;
}

@InputType()
export class PersonOfConcernFields {
  @Field(() => String, { nullable: true, description: "The police's own reference for this person (e.g. a nominal number): kept upper case, unique whatever the case" })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  policeReference?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lastName?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'Aliases and nicknames' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  aliases: string[] = [];

  @Field(() => String, { nullable: true, description: 'yyyy-mm-dd; give this or approximateAge' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dateOfBirth?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  approximateAge?: number | null;

  @Field(() => GenderEnum)
  @IsIn(GENDERS)
  gender: Gender;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => [VehicleInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => VehicleInput)
  vehicles: VehicleInput[] = [];

  @Field(() => [String], { defaultValue: [], description: 'Full or partial; stored as digits only' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  phoneNumbers: string[] = [];

  @Field(() => [String], { defaultValue: [], description: 'Each address is kept on one line, as the forms edit it: a line break becomes ", "' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  addresses: string[] = [];

  @Field(() => PocCategoryEnum)
  @IsIn(POC_CATEGORIES)
  category: PocCategory;

  @Field(() => PocStatusEnum)
  @IsIn(POC_STATUSES)
  status: PocStatus;
}

@InputType()
export class UpdatePersonOfConcernInput extends PersonOfConcernFields {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;
}

@InputType()
export class RecordDisruptionInput {
  @Field(() => ID)
  @IsUUID()
  personOfConcernId: string;

  @Field(() => DisruptionTypeEnum)
  @IsIn(DISRUPTION_TYPES)
  type: DisruptionType;

  @Field(() => String, { description: 'yyyy-mm-dd' })
  @IsISO8601({ strict: true })
  date: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;
}

@InputType()
export class PeopleOfConcernFilter {
  @Field(() => String, { nullable: true, description: 'Part of a name or alias, of a vehicle registration, or of a phone number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;

  @Field(() => PocStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(POC_STATUSES)
  status?: PocStatus | null;

  @Field(() => PocCategoryEnum, { nullable: true })
  @IsOptional()
  @IsIn(POC_CATEGORIES)
  category?: PocCategory | null;
}

export const PersonOfConcernConnection = ConnectionOf(PersonOfConcernEntity, 'PersonOfConcern');

@InputType()
export class RecordLinkInput {
  @Field(() => NodeKindEnum)
  @IsIn(NODE_KINDS)
  fromKind: NodeKind;

  @Field(() => ID)
  @IsUUID()
  fromId: string;

  @Field(() => NodeKindEnum)
  @IsIn(NODE_KINDS)
  toKind: NodeKind;

  @Field(() => ID)
  @IsUUID()
  toId: string;

  @Field(() => LinkTypeEnum)
  @IsIn(LINK_TYPES)
  type: LinkType;

  @Field(() => ID, { description: 'The agency the intelligence came from' })
  @IsUUID()
  sourceAgencyId: string;

  @Field(() => String, { description: 'yyyy-mm-dd' })
  @IsISO8601({ strict: true })
  firstSeen: string;

  @Field(() => String, { description: 'yyyy-mm-dd, on or after firstSeen' })
  @IsISO8601({ strict: true })
  lastSeen: string;

  @Field(() => Int, { description: 'Source evaluation, 1 to 3' })
  @IsInt()
  @Min(1)
  @Max(3)
  sourceGrade: number;

  @Field(() => IntelligenceGradeEnum)
  @IsIn(INTELLIGENCE_GRADES)
  intelligenceGrade: IntelligenceGrade;

  @Field(() => HandlingCodeEnum)
  @IsIn(HANDLING_CODES)
  handling: HandlingCode;
}

@ObjectType('RecordLinkResult')
export class RecordLinkResult {
  @Field(() => LinkEntity) link: LinkEntity;
  @Field(() => Boolean, { description: 'True when the link already existed and this grading was added to it' }) merged: boolean;
}

@InputType()
export class LinksFilter {
  @Field(() => NodeKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(NODE_KINDS)
  nodeKind?: NodeKind | null;

  @Field(() => ID, { nullable: true, description: 'Links with this node at either end (give nodeKind too)' })
  @IsOptional()
  @IsUUID()
  nodeId?: string | null;

  @Field(() => LinkTypeEnum, { nullable: true })
  @IsOptional()
  @IsIn(LINK_TYPES)
  type?: LinkType | null;
}

export const LinkConnection = ConnectionOf(LinkEntity, 'Link');

@ObjectType('LinkEnd')
export class LinkEnd {
  @Field(() => NodeKindEnum) kind: NodeKind;
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'Young people by pseudonym, people of concern by name, locations by name' }) label: string;
}

@InputType({ description: 'Which links make up the network' })
export class NetworkFilter {
  @Field(() => [LinkTypeEnum], { nullable: true, description: 'Only these link types (default all)' })
  @IsOptional()
  @IsArray()
  @IsIn(LINK_TYPES, { each: true })
  types?: LinkType[] | null;

  @Field(() => Int, { nullable: true, description: 'Only links whose source grade is this or better (1 is best)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  maxSourceGrade?: number | null;

  @Field(() => [IntelligenceGradeEnum], { nullable: true, description: 'Only links with these intelligence grades (default all)' })
  @IsOptional()
  @IsArray()
  @IsIn(INTELLIGENCE_GRADES, { each: true })
  intelligenceGrades?: IntelligenceGrade[] | null;

  @Field(() => String, { nullable: true, description: 'Only links last seen on or after this date (yyyy-mm-dd)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastSeenFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Only links last seen on or before this date (yyyy-mm-dd)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  lastSeenTo?: string | null;
}

@ObjectType('NetworkNode')
export class NetworkNode {
  @Field(() => ID) id: string;
  @Field(() => NodeKindEnum) kind: NodeKind;
  @Field(() => String, { description: 'Young people by pseudonym, people of concern by name, locations by name' }) label: string;
  @Field(() => Int, { description: 'Distinct neighbours' }) degree: number;
  @Field(() => Float, { description: 'Unnormalised betweenness centrality' }) betweenness: number;
  @Field(() => Int, { description: 'Connected component, numbered from 0, largest first' }) component: number;
  @Field(() => RagEnum, { nullable: true, description: 'Young people: the RAG rating of their latest final screening (null when none is final)' }) rag?: Rag | null;
  @Field(() => PocStatusEnum, { nullable: true, description: 'People of concern: their status' }) pocStatus?: PocStatus | null;
  @Field(() => PocCategoryEnum, { nullable: true, description: 'People of concern: their category' }) pocCategory?: PocCategory | null;
}

@ObjectType('NetworkEdge')
export class NetworkEdge {
  @Field(() => ID, { description: 'The link' }) id: string;
  @Field(() => LinkTypeEnum) type: LinkType;
  @Field(() => NodeKindEnum) fromKind: NodeKind;
  @Field(() => ID) fromId: string;
  @Field(() => NodeKindEnum) toKind: NodeKind;
  @Field(() => ID) toId: string;
  @Field(() => HandlingCodeEnum) handling: HandlingCode;
  @Field(() => String, { nullable: true }) handlingNote: string | null;
}

@ObjectType('Network')
export class Network {
  @Field(() => [NetworkNode]) nodes: NetworkNode[];
  @Field(() => [NetworkEdge]) edges: NetworkEdge[];
}

@ObjectType('ComplexAbuseGroup', { description: 'A connected group meeting the complex-abuse rule (protocol 6.11)' })
export class ComplexAbuseGroup {
  @Field(() => Int) component: number;
  @Field(() => String) recommendation: string;
  @Field(() => [String]) reasons: string[];
  @Field(() => [NetworkNode]) members: NetworkNode[];
}

@ObjectType({ description: 'What an all-or-nothing intelligence import saved' })
export class IntelligenceImportResult {
  @Field(() => Int) rows: number;
  @Field(() => Int, { description: 'New records' }) created: number;
  @Field(() => Int, { description: 'Records already there that the rows merged into or replaced' }) updated: number;
  @Field(() => String) message: string;
}

@ObjectType('IntelChronologyEntry', { description: 'One dated event in the history of a person of concern or a place' })
export class IntelChronologyEntry {
  @Field(() => String, { description: 'The day (YYYY-MM-DD); a hot-spot report is dated by its month' }) on: string;
  @Field(() => String, { description: 'LINK_FIRST_SEEN, LINK_LAST_SEEN, DISRUPTION, STATUS or HOT_SPOT_REPORT' }) kind: string;
  @Field(() => String) summary: string;
  @Field(() => ID, { nullable: true, description: 'The link, disruption or report' }) refId: string | null;
}
