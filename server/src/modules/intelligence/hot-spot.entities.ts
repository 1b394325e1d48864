import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { RISK_LEVELS, type RiskLevel } from '@mase/shared';
import { enumObject } from '../../common/graphql/enums.js';
import { LocationEntity } from '../geography/location.entity.js';

export { RISK_LEVELS, type RiskLevel };
export const RiskLevelEnum = enumObject(RISK_LEVELS);
registerEnumType(RiskLevelEnum, { name: 'RiskLevel' });

/** The police's monthly report on one location: sightings, incidents, the risk it presents. */
@ObjectType('HotSpotReport')
@Entity('hot_spot_report')
@Index('hot_spot_report_location_month_key', ['locationId', 'month'], { unique: true })
@Index('hot_spot_report_month_idx', ['month'])
@Check('hot_spot_report_counts_check', `sightings >= 0 AND incidents >= 0 AND date_trunc('month', month) = month`)
export class HotSpotReportEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  locationId: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'location_id' })
  location?: LocationEntity;

  @Field(() => String, { description: 'The month (its first day, yyyy-mm-01)' })
  @Column({ type: 'date' })
  month: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  sightings: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  incidents: number;

  @Field(() => RiskLevelEnum)
  @Column({ type: 'text' })
  riskLevel: RiskLevel;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

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

/** The police's monthly figures for the panel. */
@ObjectType('PoliceReport')
@Entity('police_report')
@Index('police_report_month_key', ['month'], { unique: true })
@Check(
  'police_report_counts_check',
  `open_investigations >= 0 AND arrests >= 0 AND charges >= 0 AND convictions >= 0 AND cawns >= 0 AND orders >= 0 AND other_disruptions >= 0 AND date_trunc('month', month) = month`,
)
export class PoliceReportEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: 'The month (yyyy-mm-01)' })
  @Column({ type: 'date' })
  month: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  openInvestigations: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  arrests: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  charges: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  convictions: number;

  @Field(() => Int, { description: 'Child abduction warning notices issued' })
  @Column({ type: 'integer' })
  cawns: number;

  @Field(() => Int, { description: 'Orders obtained (e.g. sexual risk orders)' })
  @Column({ type: 'integer' })
  orders: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  otherDisruptions: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  narrative: string | null;

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
