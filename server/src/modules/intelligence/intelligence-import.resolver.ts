import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import { ImportPreview } from '../imports/import.types.js';
import { IntelligenceImportService } from './intelligence-import.service.js';
import { IntelligenceImportResult } from './intelligence.inputs.js';

/** CSV imports of police intelligence: a dry run first, then all rows or none. Police only. */
@Resolver()
@Roles('POLICE')
export class IntelligenceImportResolver {
  constructor(private readonly imports: IntelligenceImportService) {}

  @Mutation(() => ImportPreview, { description: 'A dry run of a links CSV: each row’s outcome (new link, merge into an existing one, or its errors); nothing is saved' })
  previewLinksImport(@Args('csv', { type: () => String }) csv: string): Promise<ImportPreview> {
    return this.imports.previewLinks(csv);
  }

  @Mutation(() => IntelligenceImportResult, { description: 'Imports a links CSV that previews without errors: every row or none' })
  importLinks(@CurrentActor() actor: Actor, @Args('csv', { type: () => String }) csv: string): Promise<IntelligenceImportResult> {
    return this.imports.importLinks(actor, csv);
  }

  @Mutation(() => ImportPreview, { description: 'A dry run of a hot-spot reports CSV: each row’s outcome (new month, replacing a month, or its errors); nothing is saved' })
  previewHotSpotReportsImport(@Args('csv', { type: () => String }) csv: string): Promise<ImportPreview> {
    return this.imports.previewHotSpots(csv);
  }

  @Mutation(() => IntelligenceImportResult, { description: 'Imports a hot-spot reports CSV that previews without errors: every row or none' })
  importHotSpotReports(@CurrentActor() actor: Actor, @Args('csv', { type: () => String }) csv: string): Promise<IntelligenceImportResult> {
    return this.imports.importHotSpots(actor, csv);
  }
}
