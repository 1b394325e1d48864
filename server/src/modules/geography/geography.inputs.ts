import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConnectionOf } from '../../common/graphql/pagination.js';
import { BoundaryKindEnum } from './boundary.entity.js';
import { BOUNDARY_KINDS, MAX_GEOJSON_BYTES, type BoundaryKind } from './geo.js';
import { LOCATION_TYPES, LocationEntity, LocationTypeEnum, type LocationType } from './location.entity.js';

@InputType()
export class ImportBoundariesInput {
  @Field(() => String, { description: 'A GeoJSON FeatureCollection of Polygon/MultiPolygon features in WGS84 (at most 20 MB and 5,000 features; larger files through the CLI)' })
  @IsString()
  @MaxLength(MAX_GEOJSON_BYTES)
  geojson: string;

  @Field(() => BoundaryKindEnum)
  @IsIn(BOUNDARY_KINDS)
  kind: BoundaryKind;

  @Field(() => String, { nullable: true, description: 'The property holding the code; default an ONS one such as WD23CD' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  codeProperty?: string | null;

  @Field(() => String, { nullable: true, description: 'The property holding the name; default an ONS one such as WD23NM' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nameProperty?: string | null;

  @Field(() => String, { description: 'Where the file came from, e.g. its name' })
  @IsString()
  @MaxLength(300)
  source: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  attribution?: string | null;
}

@ObjectType('ImportBoundariesResult')
export class ImportBoundariesResult {
  @Field(() => Int, { description: 'Boundaries added (codes not held before)' }) imported: number;
  @Field(() => Int, { description: 'Boundaries replaced (codes already held)' }) replaced: number;
}

@InputType()
export class LocationFields {
  @Field(() => String)
  @IsString()
  @MaxLength(200)
  name: string;

  @Field(() => LocationTypeEnum)
  @IsIn(LOCATION_TYPES)
  type: LocationType;

  @Field(() => Float, { nullable: true, description: 'WGS84 latitude; required unless an online platform' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lat?: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS84 longitude; required unless an online platform' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lng?: number | null;
}

@InputType()
export class CreateLocationInput extends LocationFields {}

@InputType()
export class UpdateLocationInput extends LocationFields {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;
}

@InputType()
export class LocationsFilter {
  @Field(() => LocationTypeEnum, { nullable: true })
  @IsOptional()
  @IsIn(LOCATION_TYPES)
  type?: LocationType | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  wardId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

@ObjectType('LocationResult')
export class LocationResult {
  @Field(() => LocationEntity) location: LocationEntity;
  @Field(() => [String], { description: 'Things to check that did not stop the save, e.g. a point outside every imported ward' }) warnings: string[];
}

export const LocationConnection = ConnectionOf(LocationEntity, 'Location');

@ObjectType('MapTiles', { description: 'The tile layer drawn under the ward boundaries, when one is configured' })
export class MapTiles {
  @Field(() => String, { description: 'Leaflet URL template ({z}, {x}, {y}, optionally {s} and {r})' }) urlTemplate: string;
  @Field(() => String, { description: "The tile provider's attribution, plain text, to show on the map" }) attribution: string;
}
