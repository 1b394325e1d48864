import { Module } from '@nestjs/common';
import { TemplatesController } from './files.controller.js';
import { ImportsResolver } from './imports.resolver.js';
import { YoungPeopleImportService } from './young-people-import.service.js';

@Module({ controllers: [TemplatesController], providers: [YoungPeopleImportService, ImportsResolver], exports: [YoungPeopleImportService] })
export class ImportsModule {}
