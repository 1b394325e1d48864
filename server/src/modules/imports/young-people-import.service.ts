import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { readYoungPersonRow, suggestMapping, YOUNG_PERSON_IMPORT_COLUMNS, type ImportedYoungPerson, type YoungPersonImportKey } from '@mase/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, forbidden, notFound } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { nameKey, newPseudonym, today } from '../young-people/young-people.service.js';
import { readCsv } from './csv.js';
import { ImportJobEntity } from './import-job.entity.js';
import type { ColumnMappingInput, ImportPreview, ImportRowResult } from './import.types.js';

export const MAX_IMPORT_ROWS = 20_000;
const CHUNK = 500;
/** A running job whose heartbeat is older than this was interrupted (its server stopped). */
const STALE_AFTER_MS = 120_000;

interface Planned {
  preview: ImportPreview;
  valid: { line: number; value: ImportedYoungPerson; existingId: string | null }[];
}

@Injectable()
export class YoungPeopleImportService implements OnModuleInit {
  private readonly logger = new Logger(YoungPeopleImportService.name);
  /** Jobs started by this process, so a test or a shutdown can wait for them. */
  readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_job SET status = 'FAILED', finished_at = now(), message = 'Interrupted when the server stopped. Nothing was saved: start the import again.'
       WHERE status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => $1)`,
      [STALE_AFTER_MS / 1000],
    );
  }

  /** Parses, maps and checks every row against the file and the database; saves nothing. */
  async plan(csv: string, mappingInput: ColumnMappingInput[] | null | undefined, m: EntityManager = this.dataSource.manager): Promise<Planned> {
    const { headers, records, fileErrors } = readCsv(csv, MAX_IMPORT_ROWS);
    const mapping: Partial<Record<YoungPersonImportKey, string>> = mappingInput ? {} : suggestMapping(headers);
    for (const mi of mappingInput ?? []) {
      if (!YOUNG_PERSON_IMPORT_COLUMNS.some((c) => c.key === mi.key)) throw badInput([{ field: 'mapping.key', message: `Unknown import column "${mi.key}"` }]);
      if (!headers.includes(mi.header)) throw badInput([{ field: 'mapping.header', message: `The file has no column "${mi.header}"` }]);
      mapping[mi.key as YoungPersonImportKey] = mi.header;
    }
    const day = today();
    const results: ImportRowResult[] = [];
    const valid: Planned['valid'] = [];
    const parsed = records.map((r, i) => ({ line: i + 2, ...readYoungPersonRow(r, mapping, day) }));
    const refs = parsed.map((p) => p.value?.reference).filter((x): x is string => !!x);
    const ok = parsed.filter((p) => p.value).map((p) => p.value!);
    const existingByRef = new Map<string, string>();
    const existingByName = new Map<string, string>();
    if (refs.length) {
      const rows: { id: string; reference: string }[] = await m.query(`SELECT id, reference FROM young_person WHERE reference = ANY($1)`, [refs]);
      for (const r of rows) existingByRef.set(r.reference, r.id);
    }
    if (ok.length) {
      const rows: { reference: string; k: string }[] = await m.query(
        `SELECT yp.reference, yp.first_name_key || '|' || yp.last_name_key || '|' || yp.date_of_birth::text AS k
         FROM young_person yp JOIN unnest($1::text[], $2::text[], $3::date[]) AS x(f, l, d)
           ON yp.first_name_key = x.f AND yp.last_name_key = x.l AND yp.date_of_birth = x.d`,
        [ok.map((v) => nameKey(v.firstName)), ok.map((v) => nameKey(v.lastName)), ok.map((v) => v.dateOfBirth)],
      );
      for (const r of rows) existingByName.set(r.k, r.reference);
    }
    const seenRef = new Map<string, number>();
    const seenName = new Map<string, number>();
    for (const p of parsed) {
      const errors = p.problems.map((x) => ({ column: x.column, message: x.message }));
      const v = p.value;
      let existingId: string | null = null;
      if (v) {
        const key = `${nameKey(v.firstName)}|${nameKey(v.lastName)}|${v.dateOfBirth}`;
        const refCol = mapping.reference ?? 'Reference';
        if (seenRef.has(v.reference)) errors.push({ column: refCol, message: `Reference ${v.reference} is also on line ${seenRef.get(v.reference)}` });
        else if (seenName.has(key)) errors.push({ column: mapping.dateOfBirth ?? 'Date of birth', message: `Same name and date of birth as line ${seenName.get(key)}` });
        seenRef.set(v.reference, p.line);
        seenName.set(key, p.line);
        existingId = existingByRef.get(v.reference) ?? null;
        const sameNameRef = existingByName.get(key);
        if (sameNameRef && sameNameRef !== v.reference) {
          errors.push({ column: mapping.reference ?? 'Reference', message: `The same name and date of birth are already recorded under reference ${sameNameRef}` });
        }
      }
      const outcome = errors.length ? 'ERROR' : existingId ? 'UPDATE' : 'CREATE';
      results.push({ line: p.line, reference: v?.reference ?? null, outcome, errors });
      if (outcome !== 'ERROR') valid.push({ line: p.line, value: v!, existingId });
    }
    const count = (o: string) => results.filter((r) => r.outcome === o).length;
    return {
      valid,
      preview: {
        headers,
        mapping: Object.entries(mapping).map(([key, header]) => ({ key, header })),
        columns: YOUNG_PERSON_IMPORT_COLUMNS.map(({ key, label, required, description }) => ({ key, label, required, description })),
        rows: results,
        total: results.length,
        creates: count('CREATE'),
        updates: count('UPDATE'),
        errors: count('ERROR'),
        fileErrors,
      },
    };
  }

  async preview(csv: string, mapping: ColumnMappingInput[] | null | undefined): Promise<ImportPreview> {
    return (await this.plan(csv, mapping)).preview;
  }

  /**
   * Starts an all-or-nothing import in the background. A file with any error is refused before it
   * starts; the rows are checked again inside the import's transaction, so nothing recorded in the
   * meantime can be duplicated.
   */
  async start(actor: Actor, csv: string, mapping: ColumnMappingInput[]): Promise<ImportJobEntity> {
    const { preview } = await this.plan(csv, mapping);
    if (preview.fileErrors.length || preview.errors || !preview.total) {
      throw badInput(
        [{ field: 'csv', message: preview.fileErrors[0] ?? (preview.total ? `${preview.errors} rows have errors: fix them and check the file again` : 'The file has no rows') }],
        'Nothing was imported',
      );
    }
    const repo = this.dataSource.getRepository(ImportJobEntity);
    const job = await repo.save(
      repo.create({ kind: 'young_people', status: 'RUNNING', total: preview.total, createdBy: actor.userId, heartbeatAt: new Date() }),
    );
    const run = this.run(actor, job.id, csv, mapping).finally(() => this.running.delete(job.id));
    this.running.set(job.id, run);
    return job;
  }

  private async run(actor: Actor, jobId: string, csv: string, mapping: ColumnMappingInput[]): Promise<void> {
    const progress = (processed: number) =>
      this.dataSource.query(`UPDATE import_job SET processed = $2, heartbeat_at = now() WHERE id = $1`, [jobId, processed]);
    try {
      const counts = await this.dataSource.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('young_person.create'))`);
        const { preview, valid } = await this.plan(csv, mapping, m);
        if (preview.errors || preview.fileErrors.length) {
          throw new ImportRefused(`${preview.errors} rows no longer import cleanly (someone may have recorded the same young people meanwhile). Check the file again.`);
        }
        let created = 0;
        let updated = 0;
        for (let i = 0; i < valid.length; i += CHUNK) {
          const chunk = valid.slice(i, i + CHUNK);
          const creates = chunk.filter((r) => !r.existingId).map((r) => r.value);
          const updates = chunk.filter((r) => r.existingId);
          if (creates.length) {
            await m.query(
              `INSERT INTO young_person (pseudonym, reference, first_name, last_name, first_name_key, last_name_key, date_of_birth, gender, ethnicity,
                 legal_status, education_status, presentation, placement_type, placement_borough, send, school, home_ward, social_worker, team,
                 cris_number, first_language, nationality, religion, created_by, version)
               SELECT * , $24::uuid, 1 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::text[],
                 $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[],
                 $20::text[], $21::text[], $22::text[], $23::text[])`,
              [
                creates.map(() => newPseudonym()),
                ...(['reference', 'firstName', 'lastName'] as const).map((k) => creates.map((v) => v[k])),
                creates.map((v) => nameKey(v.firstName)),
                creates.map((v) => nameKey(v.lastName)),
                ...(
                  [
                    'dateOfBirth',
                    'gender',
                    'ethnicity',
                    'legalStatus',
                    'educationStatus',
                    'presentation',
                    'placementType',
                    'placementBorough',
                    'send',
                    'school',
                    'homeWard',
                    'socialWorker',
                    'team',
                    'crisNumber',
                    'firstLanguage',
                    'nationality',
                    'religion',
                  ] as const
                ).map((k) => creates.map((v) => v[k])),
                actor.userId,
              ],
            );
            created += creates.length;
          }
          for (const u of updates) {
            const v = u.value;
            await m.query(
              `UPDATE young_person SET first_name = $2, last_name = $3, first_name_key = $4, last_name_key = $5, date_of_birth = $6, gender = $7,
                 ethnicity = $8, legal_status = $9, education_status = $10, presentation = $11, placement_type = $12, placement_borough = $13,
                 send = $14, school = $15, home_ward = $16, social_worker = $17, team = $18, cris_number = $19, first_language = $20,
                 nationality = $21, religion = $22, version = version + 1, updated_at = now()
               WHERE id = $1`,
              [u.existingId, v.firstName, v.lastName, nameKey(v.firstName), nameKey(v.lastName), v.dateOfBirth, v.gender, v.ethnicity, v.legalStatus,
                v.educationStatus, v.presentation, v.placementType, v.placementBorough, v.send, v.school, v.homeWard, v.socialWorker, v.team,
                v.crisNumber, v.firstLanguage, v.nationality, v.religion],
            );
            updated++;
          }
          await progress(Math.min(valid.length, i + CHUNK));
        }
        await this.audit.record(m, {
          action: 'young_person.imported',
          actor,
          entityType: 'import_job',
          entityId: jobId,
          details: { created, updated, references: valid.map((v) => v.value.reference) },
        });
        return { created, updated };
      });
      await this.dataSource.query(
        `UPDATE import_job SET status = 'DONE', created = $2, updated = $3, processed = total, finished_at = now(), heartbeat_at = now(),
           message = $4 WHERE id = $1`,
        [jobId, counts.created, counts.updated, `Imported: ${counts.created} recorded, ${counts.updated} updated`],
      );
    } catch (err) {
      const message =
        err instanceof ImportRefused ? err.message : 'The import failed and nothing was saved. Try again; if it keeps failing, tell your administrator.';
      if (!(err instanceof ImportRefused)) this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      await this.dataSource
        .query(`UPDATE import_job SET status = 'FAILED', processed = 0, finished_at = now(), message = $2 WHERE id = $1`, [jobId, message])
        .catch(() => undefined);
    }
  }

  async job(actor: Actor, id: string): Promise<ImportJobEntity> {
    const job = await this.dataSource.getRepository(ImportJobEntity).findOne({ where: { id } });
    if (!job) throw notFound('The import');
    if (job.createdBy !== actor.userId && actor.role !== 'CO_CHAIR' && actor.role !== 'COORDINATOR') throw forbidden();
    return job;
  }
}

class ImportRefused extends Error {}
