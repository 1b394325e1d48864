import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { enumObject } from '../../common/graphql/enums.js';
import { BoundaryEntity } from './boundary.entity.js';

export const LOCATION_TYPES = [
  'PARK',
  'FAST_FOOD_OUTLET',
  'HOTEL_BNB',
  'RESIDENTIAL',
  'TRANSPORT_HUB',
  'SHOPPING_CENTRE',
  'SCHOOL_VICINITY',
  'PARTY_HOUSE',
  'ONLINE_PLATFORM',
  'OTHER',
] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];
export const LocationTypeEnum = enumObject(LOCATION_TYPES);
registerEnumType(LocationTypeEnum, { name: 'LocationType' });

/** A place of concern. Its ward is derived from the point against the imported WARD boundaries. */
@ObjectType('Location')
@Entity('location')
@Index('location_ward_idx', ['wardId'])
@Index('location_type_idx', ['type'])
@Index('location_name_idx', ['name', 'id'])
@Check('location_point_chk', `(lat IS NULL) = (lng IS NULL) AND (lat IS NULL OR (lat BETWEEN -90 AND 90 AND lng BETWEEN -180 AND 180))`)
export class LocationEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => LocationTypeEnum)
  @Column({ type: 'text' })
  type: LocationType;

  @Field(() => Float, { nullable: true, description: 'WGS84 latitude; empty for an online platform' })
  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS84 longitude; empty for an online platform' })
  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  wardId: string | null;

  @ManyToOne(() => BoundaryEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ward_id' })
  ward?: BoundaryEntity;

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
