import { Module } from '@nestjs/common';
import { BoundariesService } from './boundaries.service.js';
import { BoundariesResolver, LocationsResolver } from './geography.resolver.js';
import { LocationsService } from './locations.service.js';

@Module({
  providers: [BoundariesService, LocationsService, BoundariesResolver, LocationsResolver],
  exports: [BoundariesService, LocationsService],
})
export class GeographyModule {}
