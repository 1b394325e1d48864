import { Module } from '@nestjs/common';
import { LinksResolver, NetworkResolver, PeopleOfConcernResolver } from './intelligence.resolver.js';
import { HotSpotsResolver } from './hot-spots.resolver.js';
import { HotSpotsService } from './hot-spots.service.js';
import { LinksService } from './links.service.js';
import { NetworkService } from './network.service.js';
import { PeopleOfConcernService } from './people-of-concern.service.js';

@Module({
  providers: [PeopleOfConcernService, LinksService, NetworkService, HotSpotsService, PeopleOfConcernResolver, LinksResolver, NetworkResolver, HotSpotsResolver],
  exports: [PeopleOfConcernService, LinksService, NetworkService, HotSpotsService],
})
export class IntelligenceModule {}
