import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ImportJobStatus = 'RUNNING' | 'DONE' | 'FAILED';

/**
 * A CSV import running in the background. Its progress is written outside the import's own
 * transaction, so the person watching sees it move; the rows themselves commit all at once or not at all.
 */
@ObjectType('ImportJob')
@Entity('import_job')
@Index('import_job_status_idx', ['status', 'heartbeatAt'])
export class ImportJobEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  kind: string;

  @Field(() => String, { description: 'RUNNING, DONE or FAILED' })
  @Column({ type: 'text' })
  status: ImportJobStatus;

  @Field(() => Int)
  @Column({ type: 'integer' })
  total: number;

  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  processed: number;

  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  created: number;

  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  updated: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  heartbeatAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
