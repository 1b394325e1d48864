import { Module } from '@nestjs/common';
import { LinksResolver, NetworkResolver, PeopleOfConcernResolver } from './intelligence.resolver.js';
import { LinksService } from './links.service.js';
import { NetworkService } from './network.service.js';
import { PeopleOfConcernService } from './people-of-concern.service.js';

@Module({
  providers: [PeopleOfConcernService, LinksService, NetworkService, PeopleOfConcernResolver, LinksResolver, NetworkResolver],
  exports: [PeopleOfConcernService, LinksService, NetworkService],
})
export class IntelligenceModule {}
