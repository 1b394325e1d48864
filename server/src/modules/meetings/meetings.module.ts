import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { IntelligenceModule } from '../intelligence/intelligence.module.js';
import { ReturnsModule } from '../returns/returns.module.js';
import { AgendaGenerator } from './agenda.generator.js';
import { MeetingsResolver } from './meetings.resolver.js';
import { MeetingsService } from './meetings.service.js';
import { PackController } from './pack.controller.js';
import { PackService } from './pack.service.js';

@Module({
  imports: [AnalyticsModule, IntelligenceModule, ReturnsModule],
  controllers: [PackController],
  providers: [AgendaGenerator, MeetingsService, PackService, MeetingsResolver],
  exports: [MeetingsService],
})
export class MeetingsModule {}
