import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { RISK_LEVELS, RiskLevelEnum, type RiskLevel } from './hot-spot.entities.js';
import { MONTH } from '../../common/graphql/validation.js';


@InputType()
export class HotSpotReportInput {
  @Field(() => ID)
  @IsUUID()
  locationId: string;

  @Field(() => String, { description: 'yyyy-mm' })
  @Matches(MONTH, { message: 'month must be a month like 2026-03' })
  month: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  sightings: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  incidents: number;

  @Field(() => RiskLevelEnum)
  @IsIn(RISK_LEVELS)
  riskLevel: RiskLevel;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read, when changing an existing report' })
  @IsOptional()
  @IsInt()
  version?: number | null;
}

@InputType()
export class PoliceReportInput {
  @Field(() => String, { description: 'yyyy-mm' })
  @Matches(MONTH, { message: 'month must be a month like 2026-03' })
  month: string;

  @Field(() => Int) @IsInt() @Min(0) openInvestigations: number;
  @Field(() => Int) @IsInt() @Min(0) arrests: number;
  @Field(() => Int) @IsInt() @Min(0) charges: number;
  @Field(() => Int) @IsInt() @Min(0) convictions: number;
  @Field(() => Int) @IsInt() @Min(0) cawns: number;
  @Field(() => Int) @IsInt() @Min(0) orders: number;
  @Field(() => Int) @IsInt() @Min(0) otherDisruptions: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  narrative?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  version?: number | null;
}

@InputType()
export class MonthRangeInput {
  @Field(() => String, { description: 'yyyy-mm (inclusive)' })
  @Matches(MONTH, { message: 'from must be a month like 2026-03' })
  from: string;

  @Field(() => String, { description: 'yyyy-mm (inclusive)' })
  @Matches(MONTH, { message: 'to must be a month like 2026-03' })
  to: string;
}

@ObjectType({ description: 'Sightings and incidents reported in one ward over a range of months' })
export class WardHotSpotTotal {
  @Field(() => ID) wardId: string;
  @Field(() => String) code: string;
  @Field(() => String) name: string;
  @Field(() => Int) sightings: number;
  @Field(() => Int) incidents: number;
  @Field(() => Int) locations: number;
}

@ObjectType({ description: 'One location’s totals over a range of months, with its point for the map' })
export class LocationHotSpotTotal {
  @Field(() => ID) locationId: string;
  @Field(() => String) name: string;
  @Field(() => String) type: string;
  @Field(() => Float, { nullable: true }) lat: number | null;
  @Field(() => Float, { nullable: true }) lng: number | null;
  @Field(() => ID, { nullable: true }) wardId: string | null;
  @Field(() => Int) sightings: number;
  @Field(() => Int) incidents: number;
  @Field(() => RiskLevelEnum, { description: 'The highest risk reported in the range' }) highestRisk: RiskLevel;
  @Field(() => Int) months: number;
  @Field(() => Boolean, { description: 'Reported in the last month of the range but in none of the three before it' }) isNew: boolean;
  @Field(() => Boolean, { description: 'Reported in three or more consecutive months up to the end of the range' }) persistent: boolean;
}

@ObjectType()
export class HotSpotMap {
  @Field(() => [WardHotSpotTotal]) wards: WardHotSpotTotal[];
  @Field(() => [LocationHotSpotTotal]) locations: LocationHotSpotTotal[];
}
