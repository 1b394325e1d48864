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
