import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import { PackService } from './pack.service.js';

@Controller('files/meetings')
@Roles('CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE', 'AGENCY_LEAD')
export class PackController {
  constructor(private readonly packs: PackService) {}

  /** The meeting pack (PDF) of an issued agenda, redacted for the viewer's role. */
  @Get(':id/pack.pdf')
  async pack(@Param('id') id: string, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) {
      res.status(404).json({ message: 'No such meeting' });
      return;
    }
    try {
      const { filename, pdf } = await this.packs.pack(actor, id);
      res.status(200).set({ 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${filename}"` }).send(pdf);
    } catch (err) {
      const code = (err as { extensions?: { code?: string } }).extensions?.code;
      res.status(code === 'NOT_FOUND' ? 404 : code === 'CONFLICT' ? 409 : 500).json({ message: code ? (err as Error).message : 'The pack could not be made' });
    }
  }
}
