import { Controller, Get, Header } from '@nestjs/common';
import { csvTemplate, HOT_SPOT_IMPORT_COLUMNS, LINK_IMPORT_COLUMNS } from '@mase/shared';
import { Roles } from '../../common/auth/access.decorators.js';

@Controller('files/templates')
@Roles('POLICE')
export class IntelligenceTemplatesController {
  @Get('links.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="mase-links-template.csv"')
  links(): string {
    return csvTemplate(LINK_IMPORT_COLUMNS);
  }

  @Get('hot-spot-reports.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="mase-hot-spot-reports-template.csv"')
  hotSpotReports(): string {
    return csvTemplate(HOT_SPOT_IMPORT_COLUMNS);
  }
}
