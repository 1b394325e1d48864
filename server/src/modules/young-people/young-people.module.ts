import { Module } from '@nestjs/common';
import { AssessmentsService } from './assessments.service.js';
import { MissingService } from './missing.service.js';
import { AssessmentsResolver, IndicatorAnswerResolver, MissingEpisodeResolver, YoungPeopleResolver } from './young-people.resolver.js';
import { YoungPeopleService } from './young-people.service.js';

@Module({
  providers: [YoungPeopleService, AssessmentsService, MissingService, YoungPeopleResolver, AssessmentsResolver, IndicatorAnswerResolver, MissingEpisodeResolver],
  exports: [YoungPeopleService, AssessmentsService, MissingService],
})
export class YoungPeopleModule {}
