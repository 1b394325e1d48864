import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * A sign-in half done: the password was right and the user must now give a code from their
 * authenticator app (or a recovery code). The browser holds an opaque token in a short-lived
 * HttpOnly cookie; only its SHA-256 is stored. Single use, a few minutes long, and given up after
 * a few wrong codes.
 */
@Entity('sign_in_challenge')
@Index('sign_in_challenge_user_idx', ['userId'])
export class SignInChallengeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('sign_in_challenge_token_hash_key', { unique: true })
  @Column({ type: 'bytea' })
  tokenHash: Buffer;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'integer', default: 0, comment: 'Wrong codes given against this challenge' })
  failures: number;

  @Column({ type: 'timestamptz', nullable: true, comment: 'Set when used, or given up after too many wrong codes' })
  consumedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  ipAddress: string | null;
}
