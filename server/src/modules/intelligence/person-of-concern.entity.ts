import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Gender } from '@mase/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { enumObject, GenderEnum } from '../../common/graphql/enums.js';

export const POC_CATEGORIES = ['SUSPECTED_PERPETRATOR', 'PERSON_OF_CONCERN'] as const;
export type PocCategory = (typeof POC_CATEGORIES)[number];
export const PocCategoryEnum = enumObject(POC_CATEGORIES);
registerEnumType(PocCategoryEnum, { name: 'PersonOfConcernCategory' });

export const POC_STATUSES = ['INTELLIGENCE_ONLY', 'UNDER_INVESTIGATION', 'ARRESTED', 'CHARGED', 'CONVICTED', 'NFA'] as const;
export type PocStatus = (typeof POC_STATUSES)[number];
export const PocStatusEnum = enumObject(POC_STATUSES);
registerEnumType(PocStatusEnum, { name: 'PersonOfConcernStatus' });

export const DISRUPTION_TYPES = ['CAWN', 'ORDER', 'ARREST', 'OTHER'] as const;
export type DisruptionType = (typeof DISRUPTION_TYPES)[number];
export const DisruptionTypeEnum = enumObject(DISRUPTION_TYPES);
registerEnumType(DisruptionTypeEnum, { name: 'DisruptionType', description: 'CAWN is a child abduction warning notice' });

@ObjectType('Vehicle')
export class Vehicle {
  @Field(() => String, { description: 'Upper case without spaces; may be partial' }) registration: string;
  @Field(() => String, { nullable: true }) make: string | null;
  @Field(() => String, { nullable: true }) colour: string | null;
}

/** Police intelligence on an adult of concern. Visible (with names) to CO_CHAIR, COORDINATOR, ANALYST and POLICE. */
@ObjectType('PersonOfConcern')
@Entity('person_of_concern')
@Index('person_of_concern_name_idx', ['lastName', 'firstName', 'id'])
@Check('person_of_concern_age_chk', `(date_of_birth IS NULL) <> (approximate_age IS NULL)`)
@Check('person_of_concern_approx_age_chk', `approximate_age IS NULL OR approximate_age BETWEEN 10 AND 110`)
export class PersonOfConcernEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { nullable: true, description: "The police's own reference for this person (e.g. a nominal number): kept upper case, unique whatever the case" })
  @Index('person_of_concern_reference_key', { unique: true, where: 'police_reference IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  policeReference: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  firstName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  lastName: string | null;

  @Field(() => [String], { description: 'Aliases and nicknames' })
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  aliases: string[];

  @Field(() => String, { nullable: true, description: 'yyyy-mm-dd; either this or approximateAge' })
  @Column({ type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Field(() => Int, { nullable: true, description: 'When the date of birth is not known' })
  @Column({ type: 'smallint', nullable: true })
  approximateAge: number | null;

  @Field(() => GenderEnum)
  @Column({ type: 'text' })
  gender: Gender;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => [Vehicle])
  @Column({ type: 'jsonb', default: () => `'[]'` })
  vehicles: Vehicle[];

  @Field(() => [String], { description: 'Digits only; may be partial' })
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  phoneNumbers: string[];

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  addresses: string[];

  @Field(() => PocCategoryEnum)
  @Column({ type: 'text' })
  category: PocCategory;

  @Field(() => PocStatusEnum)
  @Column({ type: 'text' })
  status: PocStatus;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}

/** A disruption of a person of concern (append-only). */
@ObjectType('DisruptionAction')
@Entity('disruption_action')
@Index('disruption_action_poc_idx', ['personOfConcernId', 'date'])
export class DisruptionActionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personOfConcernId: string;

  @ManyToOne(() => PersonOfConcernEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_of_concern_id' })
  personOfConcern?: PersonOfConcernEntity;

  @Field(() => DisruptionTypeEnum)
  @Column({ type: 'text' })
  type: DisruptionType;

  @Field(() => String, { description: 'yyyy-mm-dd' })
  @Column({ type: 'date' })
  date: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}
