import { Module } from '@nestjs/common';
import { ReturnsModule } from '../returns/returns.module.js';
import { AnalyticsResolver } from './analytics.resolver.js';
import { AnalyticsService } from './analytics.service.js';
import { SavedViewsService } from './saved-views.service.js';

@Module({
  imports: [ReturnsModule],
  providers: [AnalyticsService, SavedViewsService, AnalyticsResolver],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
