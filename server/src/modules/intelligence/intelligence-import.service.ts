import { Injectable } from '@nestjs/common';
import {
  findColumns,
  HOT_SPOT_IMPORT_COLUMNS,
  LINK_IMPORT_COLUMNS,
  readHotSpotRow,
  readLinkRow,
  type ImportedHotSpotReport,
  type ImportedLink,
  type IntelligenceImportColumn,
  type NodeKind,
} from '@mase/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { badInput } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { readCsv } from '../imports/csv.js';
import type { ImportCellError, ImportPreview, ImportRowResult } from '../imports/import.types.js';
import type { IntelligenceImportResult } from './intelligence.inputs.js';
import { LinksService, orderEnds } from './links.service.js';

/** Intelligence files are monthly extracts: a few thousand rows at most. */
export const MAX_INTELLIGENCE_IMPORT_ROWS = 5_000;

const KIND_WORDS: Record<NodeKind, string> = { YOUNG_PERSON: 'young person with MASE reference', PERSON_OF_CONCERN: 'person of concern with police reference', LOCATION: 'place called' };
const today = () => new Date().toISOString().slice(0, 10);
const lower = (s: string) => s.trim().toLowerCase();

interface Planned<T> {
  preview: ImportPreview;
  valid: { line: number; value: T }[];
}

/** Looks names up in bulk: one query per kind, however many rows. A name matching two records is ambiguous and refused. */
async function resolver(m: EntityManager, names: Record<NodeKind, string[]>, agencies: string[]) {
  const byKind: Record<NodeKind, Map<string, string[]>> = { YOUNG_PERSON: new Map(), PERSON_OF_CONCERN: new Map(), LOCATION: new Map() };
  const add = (kind: NodeKind, key: string, id: string) => byKind[kind].set(key, [...(byKind[kind].get(key) ?? []), id]);
  const uniq = (xs: string[]) => [...new Set(xs.map(lower))];
  if (names.YOUNG_PERSON.length) {
    for (const r of (await m.query<{ id: string; k: string }[]>(`SELECT id, lower(reference) AS k FROM young_person WHERE reference = ANY($1)`, [[...new Set(names.YOUNG_PERSON.map((x) => x.trim()))]]))) add('YOUNG_PERSON', r.k, r.id);
  }
  if (names.PERSON_OF_CONCERN.length) {
    for (const r of (await m.query<{ id: string; k: string }[]>(`SELECT id, lower(police_reference) AS k FROM person_of_concern WHERE police_reference = ANY($1)`, [[...new Set(names.PERSON_OF_CONCERN.map((x) => x.trim().toUpperCase()))]]))) add('PERSON_OF_CONCERN', r.k, r.id);
  }
  if (names.LOCATION.length) {
    for (const r of (await m.query<{ id: string; k: string }[]>(`SELECT id, lower(name) AS k FROM location WHERE lower(name) = ANY($1)`, [uniq(names.LOCATION)]))) add('LOCATION', r.k, r.id);
  }
  const agencyIds = new Map<string, string>();
  if (agencies.length) {
    for (const r of (await m.query<{ id: string; k: string }[]>(`SELECT id, lower(name) AS k FROM agency WHERE lower(name) = ANY($1)`, [uniq(agencies)]))) agencyIds.set(r.k, r.id);
  }
  return {
    node(kind: NodeKind, name: string): { id: string } | { error: string } {
      const ids = byKind[kind].get(lower(name)) ?? [];
      if (ids.length === 1) return { id: ids[0] };
      if (ids.length > 1) return { error: `${ids.length} places are called "${name}": rename one before importing` };
      return { error: `No ${KIND_WORDS[kind]} "${name}" is recorded` };
    },
    agency: (name: string) => agencyIds.get(lower(name)) ?? null,
  };
}

function summarise<T>(results: ImportRowResult[], valid: { line: number; value: T }[], headers: string[], columns: readonly IntelligenceImportColumn[], fileErrors: string[]): Planned<T> {
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  return {
    valid,
    preview: {
      headers,
      mapping: columns.filter((c) => headers.some((h) => lower(h) === lower(c.label))).map((c) => ({ key: c.label, header: headers.find((h) => lower(h) === lower(c.label))! })),
      columns: columns.map((c) => ({ key: c.label, label: c.label, required: c.required, description: c.description })),
      rows: results,
      total: results.length,
      creates: count('CREATE'),
      updates: count('UPDATE'),
      errors: count('ERROR'),
      fileErrors,
    },
  };
}

function readFile(csv: string, columns: readonly IntelligenceImportColumn[]) {
  const file = readCsv(csv, MAX_INTELLIGENCE_IMPORT_ROWS);
  const { headerOf, missing } = findColumns(file.headers, columns);
  if (file.headers.length && missing.length) file.fileErrors.push(`The header row has no column ${missing.map((x) => `"${x}"`).join(', ')}: download the template to see the columns`);
  return { ...file, records: file.fileErrors.length ? [] : file.records, headerOf };
}

export interface ResolvedLink {
  fromKind: NodeKind;
  fromId: string;
  toKind: NodeKind;
  toId: string;
  type: ImportedLink['type'];
  sourceAgencyId: string;
  firstSeen: string;
  lastSeen: string;
  sourceGrade: number;
  intelligenceGrade: ImportedLink['intelligenceGrade'];
  handling: ImportedLink['handling'];
}

/**
 * Imports of police intelligence from CSV: links between young people, people of concern and
 * places, and monthly hot-spot reports. Each is previewed row by row first (nothing saved); the
 * import itself checks every row again inside one transaction and saves all rows or none.
 */
@Injectable()
export class IntelligenceImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: LinksService,
    private readonly audit: AuditService,
  ) {}

  async planLinks(csv: string, m: EntityManager = this.dataSource.manager): Promise<Planned<ResolvedLink>> {
    const { headers, records, fileErrors, headerOf } = readFile(csv, LINK_IMPORT_COLUMNS);
    const day = today();
    const parsed = records.map((r, i) => ({ line: i + 2, ...readLinkRow(r, headerOf, day) }));
    const names: Record<NodeKind, string[]> = { YOUNG_PERSON: [], PERSON_OF_CONCERN: [], LOCATION: [] };
    for (const p of parsed) {
      if (!p.value) continue;
      names[p.value.fromKind].push(p.value.from);
      names[p.value.toKind].push(p.value.to);
    }
    const resolve = await resolver(m, names, parsed.flatMap((p) => (p.value ? [p.value.sourceAgency] : [])));
    const col = (label: string) => headerOf.get(label) ?? label;
    const resolved = parsed.map((p) => {
      const errors: ImportCellError[] = p.problems.map((x) => ({ column: x.column, message: x.message }));
      const v = p.value;
      if (!v) return { line: p.line, v, errors, link: null };
      const from = resolve.node(v.fromKind, v.from);
      const to = resolve.node(v.toKind, v.to);
      const agency = resolve.agency(v.sourceAgency);
      if ('error' in from) errors.push({ column: col('From'), message: from.error });
      if ('error' in to) errors.push({ column: col('To'), message: to.error });
      if (!agency) errors.push({ column: col('Source agency'), message: `No agency called "${v.sourceAgency}" is recorded` });
      if ('id' in from && 'id' in to && v.fromKind === v.toKind && from.id === to.id) errors.push({ column: col('To'), message: 'A link needs two different things: this row links a record to itself' });
      const link: ResolvedLink | null =
        errors.length || !('id' in from) || !('id' in to) || !agency
          ? null
          : { fromKind: v.fromKind, fromId: from.id, toKind: v.toKind, toId: to.id, type: v.type, sourceAgencyId: agency, firstSeen: v.firstSeen, lastSeen: v.lastSeen, sourceGrade: v.sourceGrade, intelligenceGrade: v.intelligenceGrade, handling: v.handling };
      return { line: p.line, v, errors, link };
    });
    const keyOf = (l: ResolvedLink) => {
      const [a, b] = orderEnds({ kind: l.fromKind, id: l.fromId }, { kind: l.toKind, id: l.toId });
      return { a, b, key: `${a.kind}:${a.id}:${b.kind}:${b.id}:${l.type}` };
    };
    const ok = resolved.filter((r) => r.link).map((r) => keyOf(r.link!));
    const existing = new Set<string>();
    if (ok.length) {
      const rows: { k: string }[] = await m.query(
        `SELECT l.a_kind || ':' || l.a_id || ':' || l.b_kind || ':' || l.b_id || ':' || l.type AS k
         FROM link l JOIN unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::text[]) AS x(ak, ai, bk, bi, t)
           ON l.a_kind = x.ak AND l.a_id = x.ai AND l.b_kind = x.bk AND l.b_id = x.bi AND l.type = x.t`,
        [ok.map((k) => k.a.kind), ok.map((k) => k.a.id), ok.map((k) => k.b.kind), ok.map((k) => k.b.id), ok.map((k) => k.key.split(':')[4])],
      );
      for (const r of rows) existing.add(r.k);
    }
    const seen = new Set<string>();
    const results: ImportRowResult[] = [];
    const valid: Planned<ResolvedLink>['valid'] = [];
    for (const r of resolved) {
      const label = r.v ? `${r.v.from} → ${r.v.to}` : null;
      if (!r.link) {
        results.push({ line: r.line, reference: label, outcome: 'ERROR', errors: r.errors });
        continue;
      }
      const { key } = keyOf(r.link);
      // A link already recorded (or earlier in the file) is merged: its grading history gains this row.
      const outcome = existing.has(key) || seen.has(key) ? 'UPDATE' : 'CREATE';
      seen.add(key);
      results.push({ line: r.line, reference: label, outcome, errors: [] });
      valid.push({ line: r.line, value: r.link });
    }
    return summarise(results, valid, headers, LINK_IMPORT_COLUMNS, fileErrors);
  }

  async planHotSpots(csv: string, m: EntityManager = this.dataSource.manager): Promise<Planned<ImportedHotSpotReport & { locationId: string }>> {
    const { headers, records, fileErrors, headerOf } = readFile(csv, HOT_SPOT_IMPORT_COLUMNS);
    const month = today().slice(0, 7);
    const parsed = records.map((r, i) => ({ line: i + 2, ...readHotSpotRow(r, headerOf, month) }));
    const resolve = await resolver(m, { YOUNG_PERSON: [], PERSON_OF_CONCERN: [], LOCATION: parsed.flatMap((p) => (p.value ? [p.value.place] : [])) }, []);
    const located = parsed.map((p) => {
      const errors: ImportCellError[] = p.problems.map((x) => ({ column: x.column, message: x.message }));
      const place = p.value ? resolve.node('LOCATION', p.value.place) : null;
      if (place && 'error' in place) errors.push({ column: headerOf.get('Place') ?? 'Place', message: place.error });
      return { ...p, errors, locationId: place && 'id' in place ? place.id : null };
    });
    const ok = located.filter((p) => p.value && p.locationId && !p.errors.length);
    const existing = new Set<string>();
    if (ok.length) {
      const rows: { k: string }[] = await m.query(
        `SELECT h.location_id || ':' || to_char(h.month, 'YYYY-MM') AS k
         FROM hot_spot_report h JOIN unnest($1::uuid[], $2::date[]) AS x(l, mo) ON h.location_id = x.l AND h.month = x.mo`,
        [ok.map((p) => p.locationId), ok.map((p) => `${p.value!.month}-01`)],
      );
      for (const r of rows) existing.add(r.k);
    }
    const seen = new Map<string, number>();
    const results: ImportRowResult[] = [];
    const valid: Planned<ImportedHotSpotReport & { locationId: string }>['valid'] = [];
    for (const p of located) {
      const v = p.value;
      const errors = [...p.errors];
      const key = v && p.locationId ? `${p.locationId}:${v.month}` : null;
      if (key && seen.has(key)) errors.push({ column: headerOf.get('Month') ?? 'Month', message: `The same place and month are also on line ${seen.get(key)}` });
      if (key && !seen.has(key)) seen.set(key, p.line);
      const label = v ? `${v.place}, ${v.month}` : null;
      if (errors.length || !v || !p.locationId) {
        results.push({ line: p.line, reference: label, outcome: 'ERROR', errors });
        continue;
      }
      // A month already reported for the place is replaced by the file's figures (shown as an update before saving).
      results.push({ line: p.line, reference: label, outcome: existing.has(key!) ? 'UPDATE' : 'CREATE', errors: [] });
      valid.push({ line: p.line, value: { ...v, locationId: p.locationId } });
    }
    return summarise(results, valid, headers, HOT_SPOT_IMPORT_COLUMNS, fileErrors);
  }

  async previewLinks(csv: string): Promise<ImportPreview> {
    return (await this.planLinks(csv)).preview;
  }

  async previewHotSpots(csv: string): Promise<ImportPreview> {
    return (await this.planHotSpots(csv)).preview;
  }

  /** All or nothing: every row is checked again inside the transaction that saves them. */
  async importLinks(actor: Actor, csv: string): Promise<IntelligenceImportResult> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('link.import'))`);
      const { preview, valid } = await this.planLinks(csv, m);
      refuseUnlessClean(preview);
      // Lock every node named so none can be deleted before the links to it commit.
      for (const kind of ['YOUNG_PERSON', 'PERSON_OF_CONCERN', 'LOCATION'] as const) {
        const ids = [...new Set(valid.flatMap(({ value: l }) => [l.fromKind === kind ? l.fromId : null, l.toKind === kind ? l.toId : null]).filter((x): x is string => !!x))];
        const table = { YOUNG_PERSON: 'young_person', PERSON_OF_CONCERN: 'person_of_concern', LOCATION: 'location' }[kind];
        if (ids.length) await m.query(`SELECT 1 FROM ${table} WHERE id = ANY($1::uuid[]) FOR KEY SHARE`, [ids]);
      }
      const linkIds: string[] = [];
      let created = 0;
      let merged = 0;
      for (const { value } of valid) {
        const r = await this.links.recordWithin(m, actor, value);
        if (r.merged) merged++;
        else created++;
        linkIds.push(r.link.id);
      }
      await this.audit.record(m, { action: 'link.imported', actor, entityType: 'link', entityId: null, details: { rows: valid.length, created, merged, linkIds: [...new Set(linkIds)] } });
      return { rows: valid.length, created, updated: merged, message: `Imported ${valid.length} rows: ${created} new links, ${merged} merged into links already recorded` };
    });
  }

  async importHotSpots(actor: Actor, csv: string): Promise<IntelligenceImportResult> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('hot_spot_report.import'))`);
      const { preview, valid } = await this.planHotSpots(csv, m);
      refuseUnlessClean(preview);
      const rows: { inserted: boolean }[] = await m.query(
        `INSERT INTO hot_spot_report (location_id, month, sightings, incidents, risk_level, notes, created_by, version)
         SELECT l, mo, s, i, r, n, $7::uuid, 1 FROM unnest($1::uuid[], $2::date[], $3::int[], $4::int[], $5::text[], $6::text[]) AS x(l, mo, s, i, r, n)
         ON CONFLICT (location_id, month) DO UPDATE
           SET sightings = excluded.sightings, incidents = excluded.incidents, risk_level = excluded.risk_level, notes = excluded.notes,
               version = hot_spot_report.version + 1, updated_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [
          valid.map((v) => v.value.locationId),
          valid.map((v) => `${v.value.month}-01`),
          valid.map((v) => v.value.sightings),
          valid.map((v) => v.value.incidents),
          valid.map((v) => v.value.riskLevel),
          valid.map((v) => v.value.notes),
          actor.userId,
        ],
      );
      const created = rows.filter((r) => r.inserted).length;
      const updated = rows.length - created;
      await this.audit.record(m, {
        action: 'hot_spot_report.imported',
        actor,
        entityType: 'hot_spot_report',
        entityId: null,
        details: { rows: valid.length, created, updated, months: [...new Set(valid.map((v) => v.value.month))].sort() },
      });
      return { rows: valid.length, created, updated, message: `Imported ${valid.length} reports: ${created} new, ${updated} replacing a month already reported` };
    });
  }
}

function refuseUnlessClean(preview: ImportPreview): void {
  if (preview.fileErrors.length || preview.errors || !preview.total) {
    throw badInput(
      [{ field: 'csv', message: preview.fileErrors[0] ?? (preview.total ? `${preview.errors} rows have errors: fix them and check the file again` : 'The file has no rows') }],
      'Nothing was imported',
    );
  }
}
