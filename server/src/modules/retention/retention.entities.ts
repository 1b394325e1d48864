import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** How long each record type is kept (a type without a row keeps its default). */
@Entity('retention_policy')
export class RetentionPolicyEntity {
  @PrimaryColumn({ type: 'text' })
  recordType: string;

  @Column({ type: 'integer' })
  keepDays: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;
}

/** A dry run (what is past retention, by id) and, once applied, what was done. */
@Entity('retention_run')
@Check('retention_run_kind_chk', `kind = 'DRY_RUN'`)
export class RetentionRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: 'DRY_RUN';

  @Column({ type: 'jsonb' })
  report: Record<string, { keepDays: number; ids: string[] }>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  appliedBy: string | null;

  @Column({ type: 'jsonb', nullable: true })
  applied: unknown;
}
