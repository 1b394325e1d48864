import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import { IdPipe } from '../../common/graphql/validation.js';
import { ImportJobEntity } from './import-job.entity.js';
import { ColumnMappingInput, ImportPreview } from './import.types.js';
import { YoungPeopleImportService } from './young-people-import.service.js';

const KEEPERS = ['CO_CHAIR', 'COORDINATOR'] as const;

@Resolver()
@Roles(...KEEPERS)
export class ImportsResolver {
  constructor(private readonly imports: YoungPeopleImportService) {}

  @Mutation(() => ImportPreview, { description: 'A dry run of a young-people CSV import: every row’s outcome and errors; nothing is saved' })
  previewYoungPeopleImport(
    @Args('csv', { type: () => String }) csv: string,
    @Args('mapping', { type: () => [ColumnMappingInput], nullable: true }) mapping: ColumnMappingInput[] | null,
  ): Promise<ImportPreview> {
    return this.imports.preview(csv, mapping);
  }

  @Mutation(() => ImportJobEntity, { description: 'Starts an all-or-nothing import of a file that previewed without errors' })
  startYoungPeopleImport(
    @CurrentActor() actor: Actor,
    @Args('csv', { type: () => String }) csv: string,
    @Args('mapping', { type: () => [ColumnMappingInput] }) mapping: ColumnMappingInput[],
  ): Promise<ImportJobEntity> {
    return this.imports.start(actor, csv, mapping);
  }

  @Query(() => ImportJobEntity, { description: 'An import’s progress' })
  importJob(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<ImportJobEntity> {
    return this.imports.job(actor, id);
  }
}
