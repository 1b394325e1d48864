import { Module } from '@nestjs/common';
import { ReturnsResolver } from './returns.resolver.js';
import { ReturnsService } from './returns.service.js';
import { ReturnTemplatesController } from './templates.controller.js';

@Module({
  controllers: [ReturnTemplatesController],
  providers: [ReturnsService, ReturnsResolver],
  exports: [ReturnsService],
})
export class ReturnsModule {}
