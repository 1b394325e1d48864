import { Controller, Get, Header } from '@nestjs/common';
import { youngPeopleCsvTemplate } from '@mase/shared';
import { Roles } from '../../common/auth/access.decorators.js';

@Controller('files/templates')
export class TemplatesController {
  /** The young-people import template: the header row and an example row (columns: README, "Importing young people"). */
  @Get('young-people.csv')
  @Roles('CO_CHAIR', 'COORDINATOR')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="mase-young-people-template.csv"')
  youngPeople(): string {
    return youngPeopleCsvTemplate();
  }
}
