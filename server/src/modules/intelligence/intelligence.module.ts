import { Module } from '@nestjs/common';
import { IntelligenceImportResolver } from './intelligence-import.resolver.js';
import { IntelligenceImportService } from './intelligence-import.service.js';
import { IntelligenceTemplatesController } from './templates.controller.js';
import { IntelChronologyService } from './chronology.service.js';
import { LinksResolver, LocationChronologyResolver, NetworkResolver, PeopleOfConcernResolver } from './intelligence.resolver.js';
import { HotSpotsResolver } from './hot-spots.resolver.js';
import { HotSpotsService } from './hot-spots.service.js';
import { LinksService } from './links.service.js';
import { NetworkService } from './network.service.js';
import { PeopleOfConcernService } from './people-of-concern.service.js';

@Module({
  controllers: [IntelligenceTemplatesController],
  providers: [IntelligenceImportService, IntelligenceImportResolver, PeopleOfConcernService, LinksService, NetworkService, HotSpotsService, IntelChronologyService, PeopleOfConcernResolver, LocationChronologyResolver, LinksResolver, NetworkResolver, HotSpotsResolver],
  exports: [PeopleOfConcernService, LinksService, NetworkService, HotSpotsService],
})
export class IntelligenceModule {}
