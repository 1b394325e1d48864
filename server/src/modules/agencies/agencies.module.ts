import { Module } from '@nestjs/common';
import { AgenciesResolver } from './agencies.resolver.js';
import { AgenciesService } from './agencies.service.js';

@Module({ providers: [AgenciesService, AgenciesResolver], exports: [AgenciesService] })
export class AgenciesModule {}
