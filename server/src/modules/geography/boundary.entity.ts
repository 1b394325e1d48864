import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { enumObject } from '../../common/graphql/enums.js';
import { BOUNDARY_KINDS, type AreaGeometry, type BoundaryKind } from './geo.js';

export const BoundaryKindEnum = enumObject(BOUNDARY_KINDS);
registerEnumType(BoundaryKindEnum, { name: 'BoundaryKind', description: 'An electoral ward or a borough (local authority district)' });

/** An area imported from a GeoJSON file (ONS wards or boroughs). Re-importing a code replaces the row in place. */
@ObjectType('Boundary')
@Entity('boundary')
@Index('boundary_kind_code_key', ['kind', 'code'], { unique: true })
@Index('boundary_bbox_idx', ['kind', 'minLon', 'maxLon', 'minLat', 'maxLat'])
export class BoundaryEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => BoundaryKindEnum)
  @Column({ type: 'text' })
  kind: BoundaryKind;

  @Field(() => String, { description: 'The ONS code, e.g. E05009288' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  /** GeoJSON Polygon or MultiPolygon, WGS84 longitude/latitude. Large: selected only when asked for. */
  @Column({ type: 'jsonb', select: false })
  geometry: AreaGeometry;

  @Column({ type: 'double precision' })
  minLon: number;

  @Column({ type: 'double precision' })
  minLat: number;

  @Column({ type: 'double precision' })
  maxLon: number;

  @Column({ type: 'double precision' })
  maxLat: number;

  @Field(() => String, { description: 'Where the boundary came from (the file name)' })
  @Column({ type: 'text' })
  source: string;

  @Field(() => String, { nullable: true, description: 'The licence attribution to show with the map' })
  @Column({ type: 'text', nullable: true })
  attribution: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
