import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AGE_BANDS, CSE_MODELS, DIMENSIONS, GENDERS, LEGAL_STATUSES, RAGS, type Dimension } from '@mase/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { enumObject } from '../../common/graphql/enums.js';
import { MONTH } from '../../common/graphql/validation.js';


export const DimensionEnum = enumObject(DIMENSIONS);
registerEnumType(DimensionEnum, { name: 'Dimension', description: 'What the victim profile is broken down by' });
export const EXPORT_WIDGETS = ['PROFILE', 'FLOWS', 'ACTIVITY'] as const;
export type ExportWidget = (typeof EXPORT_WIDGETS)[number];
export const ExportWidgetEnum = enumObject(EXPORT_WIDGETS);
registerEnumType(ExportWidgetEnum, { name: 'AnalyticsWidget' });

@InputType({ description: 'Dashboard-wide filters: every widget obeys them. A young person is filtered on their profile at the end of each month.' })
export class AnalyticsFilter {
  @Field(() => String, { description: 'yyyy-mm' }) @Matches(MONTH, { message: 'from must be a month like 2026-03' }) from: string;
  @Field(() => String, { description: 'yyyy-mm' }) @Matches(MONTH, { message: 'to must be a month like 2026-03' }) to: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsIn(RAGS, { each: true }) rag?: string[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsIn(AGE_BANDS, { each: true }) ageBand?: string[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsIn(GENDERS, { each: true }) gender?: string[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsIn(CSE_MODELS, { each: true }) model?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Home wards' }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(100, { each: true }) ward?: string[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsIn(LEGAL_STATUSES, { each: true }) legalStatus?: string[] | null;
}

@ObjectType({ description: 'A count as the viewer may see it: the value is empty and `display` is "c" where disclosure control hides it' })
export class Count {
  @Field(() => Int, { nullable: true }) value: number | null;
  @Field(() => String) display: string;
}

@ObjectType()
export class ProfileCell {
  @Field(() => String) period: string;
  @Field(() => String) category: string;
  @Field(() => String) label: string;
  @Field(() => Count) count: Count;
}

@ObjectType()
export class ProfileSeries {
  @Field(() => DimensionEnum) dimension: Dimension;
  @Field(() => String) label: string;
  @Field(() => Boolean, { description: 'One young person can count in several categories' }) multi: boolean;
  @Field(() => [ProfileCell]) cells: ProfileCell[];
}

@ObjectType()
export class PeriodCount {
  @Field(() => String) period: string;
  @Field(() => Count) count: Count;
}

@ObjectType({ description: 'Who was on the list at the end of each month, broken down' })
export class VictimProfile {
  @Field(() => [String]) periods: string[];
  @Field(() => [String], { description: 'The date each period was counted on (its last day, or today for this month)' }) dates: string[];
  @Field(() => [PeriodCount], { description: 'On the list, per period' }) totals: PeriodCount[];
  @Field(() => [ProfileSeries]) series: ProfileSeries[];
  @Field(() => Boolean, { description: 'Counts of 1 to 5 are hidden for this viewer' }) suppressed: boolean;
}

@ObjectType()
export class MeasureSeries {
  @Field(() => String) measure: string;
  @Field(() => String) label: string;
  @Field(() => [PeriodCount]) points: PeriodCount[];
}

@ObjectType({ description: 'Monthly measures: flows of the list, reviews, missing episodes' })
export class ListTrends {
  @Field(() => [String]) periods: string[];
  @Field(() => [String], { description: 'MASE meeting dates within the range' }) meetingDates: string[];
  @Field(() => [MeasureSeries]) measures: MeasureSeries[];
  @Field(() => Boolean) suppressed: boolean;
}

@ObjectType({ description: 'Police figures and agency activity per month (not about individual young people: person filters do not apply)' })
export class ActivityTrends {
  @Field(() => [String]) periods: string[];
  @Field(() => [MeasureSeries]) police: MeasureSeries[];
  @Field(() => [MeasureSeries], { description: 'Totals of submitted returns, by section of the return' }) agencies: MeasureSeries[];
  @Field(() => Boolean) suppressed: boolean;
}

@ObjectType()
export class ThemeLink {
  @Field(() => String, { description: 'Where the data behind it is: a dashboard dimension, a list filter, a place or a measure' }) kind: string;
  @Field(() => String, { nullable: true }) dimension: string | null;
  @Field(() => String, { nullable: true }) category: string | null;
  @Field(() => String, { nullable: true }) measure: string | null;
  @Field(() => ID, { nullable: true }) locationId: string | null;
}

@ObjectType({ description: 'Something that changed this month and is unlikely to be noise' })
export class Theme {
  @Field(() => String, { description: 'CHANGE, EMERGING_MODEL, EMERGING_INDICATOR, NEW_HOT_SPOT or CO_OCCURRENCE' }) kind: string;
  @Field(() => String) title: string;
  @Field(() => String) detail: string;
  @Field(() => Int) observed: number;
  @Field(() => Float, { nullable: true }) expected: number | null;
  @Field(() => Float, { nullable: true }) pValue: number | null;
  @Field(() => String, { description: 'The test used, stated plainly' }) test: string;
  @Field(() => ThemeLink) link: ThemeLink;
}

@ObjectType()
export class Themes {
  @Field(() => String) period: string;
  @Field(() => String, { description: 'How themes are chosen' }) method: string;
  @Field(() => [Theme]) themes: Theme[];
}

@ObjectType('SavedView', { description: 'A named set of dashboard filters' })
export class SavedViewView {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String, { description: 'The filters, as JSON' }) filter: string;
  @Field(() => Boolean) shared: boolean;
  @Field(() => Boolean, { description: 'Made by the signed-in user' }) mine: boolean;
  @Field(() => String) ownerName: string;
  @Field(() => Date) updatedAt: Date;
}

@InputType()
export class SaveViewInput {
  @Field(() => String) @IsString() @MaxLength(100) name: string;
  @Field(() => AnalyticsFilter) @ValidateNested() @Type(() => AnalyticsFilter) filter: AnalyticsFilter;
  @Field(() => Boolean, { defaultValue: false, description: 'Visible to every user of the dashboard' }) @IsBoolean() shared: boolean;
}

@ObjectType({ description: 'A CSV of a widget, counts of 1 to 5 shown as c whoever exports it' })
export class AnalyticsExport {
  @Field(() => String) filename: string;
  @Field(() => String) csv: string;
  @Field(() => [String]) header: string[];
  @Field(() => [[String]], { description: 'The rows of the CSV, for drawing an image of the chart' }) rows: string[][];
}
