import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AnalyticsFilterValues } from '@mase/shared';

/** A named set of dashboard filters; shared views are visible to every user of the dashboard. */
@Entity('saved_view')
@Index('saved_view_owner_name_key', ['ownerId', 'name'], { unique: true })
@Index('saved_view_shared_idx', ['shared'])
export class SavedViewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'jsonb' })
  filter: AnalyticsFilterValues;

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
