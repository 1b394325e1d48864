import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Role, UserStatus } from '@mase/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { RoleEnum, UserStatusEnum } from '../../common/graphql/enums.js';
import { AgencyEntity } from '../agencies/agency.entity.js';

@ObjectType('User', { description: 'A person who signs in to MASE Hub' })
@Entity('app_user')
export class UserEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String)
  @Index('app_user_email_key', { unique: true })
  @Column({ type: 'text', comment: 'Stored lower-case' })
  email: string;

  /** argon2id; never exposed through the API. */
  @Column({ type: 'text' })
  passwordHash: string;

  @Field(() => RoleEnum)
  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'uuid', nullable: true })
  agencyId: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity | null;

  @Field(() => UserStatusEnum)
  @Column({ type: 'text', default: 'ACTIVE' })
  status: UserStatus;

  @Field(() => Boolean, { description: 'Set after an administrator reset: the next sign-in must choose a new password' })
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastSignedInAt: Date | null;

  /** The TOTP secret, encrypted (AES-256-GCM); never loaded by default, never exposed through the API. */
  @Column({ type: 'bytea', nullable: true, select: false })
  mfaSecret?: Buffer | null;

  @Field(() => Date, { nullable: true, description: 'When two-step verification was turned on; null while it is off' })
  @Column({ type: 'timestamptz', nullable: true })
  mfaEnabledAt: Date | null;

  /** The last TOTP time step accepted, so the same code is never accepted twice. */
  @Column({ type: 'integer', nullable: true, select: false })
  mfaLastUsedStep?: number | null;

  /** Keyed hashes (HMAC-SHA-256) of the recovery codes not used yet; the codes themselves are not kept. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  mfaRecoveryCodeHashes: string[];

  /** A secret generated for an enrolment not confirmed yet, encrypted like mfaSecret. */
  @Column({ type: 'bytea', nullable: true, select: false })
  mfaPendingSecret?: Buffer | null;

  @Column({ type: 'timestamptz', nullable: true, select: false })
  mfaPendingSince?: Date | null;

  @Field(() => Int, { description: 'Optimistic-locking version: send it back with an update' })
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
