import { BadRequestException, Controller, Get, Param, Res } from '@nestjs/common';
import { AGENCY_KINDS, returnCsvTemplate, type AgencyKind } from '@mase/shared';
import type { Response } from 'express';
import { Roles } from '../../common/auth/access.decorators.js';

@Controller('files/templates/returns')
@Roles('AGENCY_LEAD', 'CO_CHAIR', 'COORDINATOR', 'ANALYST')
export class ReturnTemplatesController {
  /** The CSV template of an agency kind's return: every measure, and an example row of each list. */
  @Get(':file')
  template(@Param('file') file: string, @Res() res: Response): void {
    const kind = file.replace(/\.csv$/, '').toUpperCase().replace(/-/g, '_');
    if (!file.endsWith('.csv') || !(AGENCY_KINDS as readonly string[]).includes(kind)) throw new BadRequestException('No such template: use /files/templates/returns/<agency-kind>.csv');
    res
      .status(200)
      .set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="mase-return-${kind.toLowerCase().replace(/_/g, '-')}.csv"` })
      .send(returnCsvTemplate(kind as AgencyKind));
  }
}
