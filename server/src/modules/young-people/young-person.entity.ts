import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { EducationStatus, Ethnicity, Gender, LegalStatus, PlacementType, Presentation, SendStatus } from '@mase/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import {
  EducationStatusEnum,
  EthnicityEnum,
  GenderEnum,
  LegalStatusEnum,
  PlacementTypeEnum,
  PresentationEnum,
  SendStatusEnum,
} from '../../common/graphql/enums.js';

/**
 * A young person known to the panel. The GraphQL type carries only what the analysis needs
 * (pseudonym, profile); identifying details (names, date of birth, references, professionals) are
 * columns without @Field, reachable only through `YoungPerson.identity`, which only roles with case
 * access may resolve.
 */
@ObjectType('YoungPerson', { description: 'A young person known to the MASE panel, as every permitted role sees them' })
@Entity('young_person')
@Index('young_person_name_dob_idx', ['lastNameKey', 'firstNameKey', 'dateOfBirth'])
export class YoungPersonEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: 'A stable pseudonymous reference, safe to use in analysis' })
  @Index('young_person_pseudonym_key', { unique: true })
  @Column({ type: 'text' })
  pseudonym: string;

  // Identifying: no @Field.
  @Index('young_person_reference_key', { unique: true })
  @Column({ type: 'text', comment: 'Case-management system reference, e.g. a MOSAIC id' })
  reference: string;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  /** Lower-case, accent-free keys for duplicate detection and search. */
  @Column({ type: 'text' })
  firstNameKey: string;

  @Column({ type: 'text' })
  lastNameKey: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  aliases: string[];

  @Column({ type: 'date' })
  dateOfBirth: string;

  @Column({ type: 'text', nullable: true })
  school: string | null;

  @Column({ type: 'text', nullable: true })
  socialWorker: string | null;

  @Column({ type: 'text', nullable: true })
  team: string | null;

  @Column({ type: 'text', nullable: true, comment: 'Police CSE CRIS number' })
  crisNumber: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  merlinReferences: string[];

  // Profile: visible to every role that may see young people.
  @Field(() => GenderEnum)
  @Column({ type: 'text' })
  gender: Gender;

  @Field(() => EthnicityEnum)
  @Column({ type: 'text' })
  ethnicity: Ethnicity;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  firstLanguage: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  nationality: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  religion: string | null;

  @Field(() => SendStatusEnum)
  @Column({ type: 'text', default: 'NOT_KNOWN' })
  send: SendStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  disability: string | null;

  @Field(() => LegalStatusEnum)
  @Column({ type: 'text' })
  legalStatus: LegalStatus;

  @Field(() => PlacementTypeEnum)
  @Column({ type: 'text', default: 'HOME_BOROUGH' })
  placementType: PlacementType;

  @Field(() => String, { nullable: true, description: 'Where a child placed out is placed, or which borough placed a child in' })
  @Column({ type: 'text', nullable: true })
  placementBorough: string | null;

  @Field(() => EducationStatusEnum)
  @Column({ type: 'text' })
  educationStatus: EducationStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  homeWard: string | null;

  @Field(() => PresentationEnum)
  @Column({ type: 'text' })
  presentation: Presentation;

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
