import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { YoungPersonEntity } from './young-person.entity.js';

/** A missing episode. Where the young person was found is case detail: roles with case access only. */
@ObjectType('MissingEpisode')
@Entity('missing_episode')
@Index('missing_episode_young_person_idx', ['youngPersonId', 'startedAt'])
@Index('missing_episode_started_at_idx', ['startedAt'])
export class MissingEpisodeEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  youngPersonId: string;

  @ManyToOne(() => YoungPersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'young_person_id' })
  youngPerson?: YoungPersonEntity;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When they returned or were found; empty while still missing' })
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Field(() => String, { description: 'Who reported it (an agency or role, not a name)' })
  @Column({ type: 'text' })
  reportedBy: string;

  /** Case detail: exposed through a guarded field resolver. */
  @Column({ type: 'text', nullable: true })
  whereFound: string | null;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  returnInterviewOffered: boolean;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  returnInterviewDone: boolean;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}
