import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class MissingEpisodeFields {
  @Field(() => Date)
  @IsDate()
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  endedAt?: Date | null;

  @Field(() => String)
  @IsString()
  @MaxLength(200)
  reportedBy: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  whereFound?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  returnInterviewOffered: boolean = false;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  returnInterviewDone: boolean = false;
}

@InputType()
export class RecordMissingEpisodeInput extends MissingEpisodeFields {
  @Field(() => ID)
  @IsUUID()
  youngPersonId: string;
}

@InputType()
export class UpdateMissingEpisodeInput extends MissingEpisodeFields {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;
}

@ObjectType('MissingFlags', { description: 'Patterns in the missing episodes that matter for CSE' })
export class MissingFlagsType {
  @Field(() => Boolean, { description: 'Three or more episodes within 90 days' }) repeated: boolean;
  @Field(() => Boolean, { description: 'Two or more short absences in the school day' }) shortSchoolDayAbsences: boolean;
  @Field(() => Boolean, { description: 'Two or more episodes starting at the weekend' }) weekendPattern: boolean;
  @Field(() => Int) episodes: number;
  @Field(() => Int) open: number;
}

@ObjectType('ChronologyEntry', { description: 'One event in a young person’s history' })
export class ChronologyEntry {
  @Field(() => Date) at: Date;
  @Field(() => String, { description: 'ASSESSMENT, SIGNED_OFF, LIST_JOINED, LIST_ENDED, MISSING, RETURNED' }) kind: string;
  @Field(() => String) summary: string;
  @Field(() => ID, { nullable: true }) refId: string | null;
}
