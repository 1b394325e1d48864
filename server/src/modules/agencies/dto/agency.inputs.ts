import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AGENCY_KINDS, type AgencyKind } from '@mase/shared';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, MaxLength } from 'class-validator';
import { AgencyKindEnum } from '../../../common/graphql/enums.js';

@InputType()
export class CreateAgencyInput {
  @Field(() => String)
  @IsString()
  @MaxLength(200)
  name: string;

  @Field(() => AgencyKindEnum)
  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;
}

@InputType()
export class UpdateAgencyInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you read' })
  @IsInt()
  version: number;

  @Field(() => String)
  @IsString()
  @MaxLength(200)
  name: string;

  @Field(() => AgencyKindEnum)
  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;

  @Field(() => Boolean)
  @IsBoolean()
  active: boolean;
}
