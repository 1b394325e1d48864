import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AgencyKind } from '@mase/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AgencyKindEnum } from '../../common/graphql/enums.js';

@ObjectType('Agency', { description: 'A member agency of the MASE panel' })
@Entity('agency')
export class AgencyEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Index('agency_name_key', { unique: true })
  @Column({ type: 'text' })
  name: string;

  @Field(() => AgencyKindEnum)
  @Column({ type: 'text' })
  kind: AgencyKind;

  @Field(() => Boolean, { description: 'Inactive agencies are kept for history but receive no new users or returns' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version: send it back with an update' })
  @VersionColumn()
  version: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
