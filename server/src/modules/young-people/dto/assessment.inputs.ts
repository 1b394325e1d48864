import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ANSWERS, CSE_MODELS, type Answer, type CseModel } from '@mase/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AnswerEnum, CseModelEnum, OutcomeEnum } from '../../../common/graphql/enums.js';
import type { Outcome } from '../risk-assessment.entity.js';

@InputType()
export class IndicatorAnswerInput {
  @Field(() => String)
  @IsString()
  @MaxLength(100)
  indicatorId: string;

  @Field(() => AnswerEnum)
  @IsIn(ANSWERS)
  answer: Answer;

  @Field(() => String, { nullable: true, description: 'Required when the indicator is present' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  evidence?: string | null;
}

@InputType()
export class CreateAssessmentInput {
  @Field(() => ID)
  @IsUUID()
  youngPersonId: string;

  @Field(() => String, { description: 'yyyy-mm-dd' })
  @IsISO8601({ strict: true })
  assessedOn: string;

  @Field(() => [IndicatorAnswerInput], { description: 'Every indicator of the catalogue, answered' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => IndicatorAnswerInput)
  answers: IndicatorAnswerInput[];

  @Field(() => [CseModelEnum], { defaultValue: [] })
  @IsArray()
  @IsIn(CSE_MODELS, { each: true })
  models: CseModel[] = [];

  @Field(() => Int, { nullable: true, description: 'A professional-judgement override of the computed score' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3)
  finalScore?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  overrideReason?: string | null;
}

@InputType()
export class SignOffInput {
  @Field(() => ID)
  @IsUUID()
  assessmentId: string;

  @Field(() => String, { description: 'LINE_MANAGER or COORDINATOR' })
  @IsIn(['LINE_MANAGER', 'COORDINATOR'])
  as: 'LINE_MANAGER' | 'COORDINATOR';

  @Field(() => Int)
  @IsInt()
  version: number;
}

@InputType()
export class RecordOutcomeInput {
  @Field(() => ID)
  @IsUUID()
  assessmentId: string;

  @Field(() => OutcomeEnum)
  @IsIn(['STRATEGY_DISCUSSION', 'S47_ENQUIRY', 'CHILD_PROTECTION_PLAN', 'CHILD_IN_NEED_PLAN', 'NO_FURTHER_ACTION'])
  outcome: Outcome;

  @Field(() => String)
  @IsISO8601({ strict: true })
  outcomeOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string | null;
}

@InputType()
export class EndMembershipInput {
  @Field(() => ID)
  @IsUUID()
  youngPersonId: string;

  @Field(() => String, { description: 'STEPPED_DOWN or CLOSED' })
  @IsIn(['STEPPED_DOWN', 'CLOSED'])
  kind: 'STEPPED_DOWN' | 'CLOSED';

  @Field(() => String)
  @IsISO8601({ strict: true })
  endedOn: string;

  @Field(() => String)
  @IsString()
  @MaxLength(2000)
  reason: string;
}

@ObjectType('IndicatorAnswer')
export class IndicatorAnswerType {
  @Field(() => String) indicatorId: string;
  @Field(() => String) label: string;
  @Field(() => String) group: string;
  @Field(() => Int) level: number;
  @Field(() => AnswerEnum) answer: Answer;
  /** Resolved only for roles with case access. */
  evidenceText: string | null;
}

@ObjectType({ description: 'A review due in the next 14 days, or overdue' })
export class ReviewDue {
  @Field(() => ID) youngPersonId: string;
  @Field(() => ID) assessmentId: string;
  @Field(() => String) nextReviewOn: string;
  @Field(() => Int) finalScore: number;
  @Field(() => Boolean) overdue: boolean;
  @Field(() => Boolean, { description: 'A score of 2–3 at review: a further strategy meeting should be considered' })
  strategyMeetingPrompt: boolean;
}
