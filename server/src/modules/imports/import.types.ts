import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@InputType()
export class ColumnMappingInput {
  @Field(() => String, { description: 'The import column key, e.g. dateOfBirth' })
  @IsString()
  @MaxLength(50)
  key: string;

  @Field(() => String, { description: 'The CSV header that feeds it' })
  @IsString()
  @MaxLength(200)
  header: string;
}

@ObjectType()
export class ColumnMapping {
  @Field(() => String) key: string;
  @Field(() => String) header: string;
}

@ObjectType()
export class ImportColumnInfo {
  @Field(() => String) key: string;
  @Field(() => String) label: string;
  @Field(() => Boolean) required: boolean;
  @Field(() => String) description: string;
}

@ObjectType()
export class ImportCellError {
  @Field(() => String, { description: 'The CSV header (or the column label when nothing is mapped to it)' }) column: string;
  @Field(() => String) message: string;
}

@ObjectType()
export class ImportRowResult {
  @Field(() => Int, { description: 'Line of the file (the header is line 1)' }) line: number;
  @Field(() => String, { nullable: true }) reference: string | null;
  @Field(() => String, { description: 'CREATE, UPDATE or ERROR' }) outcome: 'CREATE' | 'UPDATE' | 'ERROR';
  @Field(() => [ImportCellError]) errors: ImportCellError[];
}

@ObjectType({ description: 'What an import would do, row by row; nothing is saved' })
export class ImportPreview {
  @Field(() => [String]) headers: string[];
  @Field(() => [ColumnMapping], { description: 'The mapping used (suggested from the headers when none was given)' }) mapping: ColumnMapping[];
  @Field(() => [ImportColumnInfo]) columns: ImportColumnInfo[];
  @Field(() => [ImportRowResult]) rows: ImportRowResult[];
  @Field(() => Int) total: number;
  @Field(() => Int) creates: number;
  @Field(() => Int) updates: number;
  @Field(() => Int) errors: number;
  @Field(() => [String], { description: 'Problems with the file as a whole' }) fileErrors: string[];
}
