import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-in counters, per account and per address, kept in PostgreSQL so every replica sees
 * the same state. Key: `account:<email>` or `address:<ip>`.
 */
@Entity('sign_in_throttle')
export class SignInThrottleEntity {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
