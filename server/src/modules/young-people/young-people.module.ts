import { Module } from '@nestjs/common';
import { AssessmentsService } from './assessments.service.js';
import { AssessmentsResolver, IndicatorAnswerResolver, YoungPeopleResolver } from './young-people.resolver.js';
import { YoungPeopleService } from './young-people.service.js';

@Module({
  providers: [YoungPeopleService, AssessmentsService, YoungPeopleResolver, AssessmentsResolver, IndicatorAnswerResolver],
  exports: [YoungPeopleService, AssessmentsService],
})
export class YoungPeopleModule {}
