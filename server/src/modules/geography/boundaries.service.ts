import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { badInput } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { BoundaryEntity } from './boundary.entity.js';
import { BoundaryFileError, parseBoundaries, wardOf, type BoundaryKind } from './geo.js';
import type { ImportBoundariesInput, ImportBoundariesResult } from './geography.inputs.js';
import { LocationEntity } from './location.entity.js';

const CHUNK = 200;

/** WARD boundaries whose bounding box holds the point, geometry included: the candidates for point-in-polygon. */
export function wardCandidates(m: EntityManager, lat: number, lng: number): Promise<BoundaryEntity[]> {
  return m
    .getRepository(BoundaryEntity)
    .createQueryBuilder('b')
    .addSelect('b.geometry')
    .where(`b.kind = 'WARD'`)
    .andWhere('b.min_lon <= :lng AND b.max_lon >= :lng AND b.min_lat <= :lat AND b.max_lat >= :lat', { lat, lng })
    .orderBy('b.code')
    .getMany();
}

@Injectable()
export class BoundariesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Validates the whole file, then upserts every feature by (kind, code) in one transaction:
   * an invalid file changes nothing. Re-derives the ward of every located place after a ward import.
   */
  async import(actor: Actor | null, input: ImportBoundariesInput, actorLabel?: string): Promise<ImportBoundariesResult> {
    const source = input.source.trim();
    if (!source) throw badInput([{ field: 'source', message: 'Say where the boundaries came from (the file name)' }]);
    let parsed;
    try {
      parsed = parseBoundaries(input.geojson, input.kind, { codeProperty: input.codeProperty?.trim() || null, nameProperty: input.nameProperty?.trim() || null });
    } catch (err) {
      if (err instanceof BoundaryFileError) {
        throw badInput(
          err.problems.map((message) => ({ field: 'geojson', message })),
          err.problems.length === 1 ? err.problems[0] : `The file has ${err.problems.length} problems; nothing was imported`,
        );
      }
      throw err;
    }
    const attribution = input.attribution?.trim() || null;
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(BoundaryEntity);
      const existing = new Set<string>();
      for (let i = 0; i < parsed.length; i += 1000) {
        const rows = await repo.find({ select: { code: true }, where: { kind: input.kind, code: In(parsed.slice(i, i + 1000).map((b) => b.code)) } });
        for (const r of rows) existing.add(r.code);
      }
      for (let i = 0; i < parsed.length; i += CHUNK) {
        await repo
          .createQueryBuilder()
          .insert()
          .values(parsed.slice(i, i + CHUNK).map((b) => ({ kind: input.kind, ...b, source, attribution })))
          .orUpdate(['name', 'geometry', 'min_lon', 'min_lat', 'max_lon', 'max_lat', 'source', 'attribution', 'updated_at'], ['kind', 'code'])
          .execute();
      }
      const relocated = input.kind === 'WARD' ? await this.rederiveWards(m) : 0;
      const result = { imported: parsed.length - existing.size, replaced: existing.size };
      await this.audit.record(m, {
        action: 'boundary.imported',
        actor,
        actorLabel: actorLabel ?? null,
        entityType: 'boundary',
        details: { kind: input.kind, source, features: parsed.length, ...result, locationsRewarded: relocated },
      });
      return result;
    });
  }

  /** Recomputes the ward of every place with a point; returns how many changed. */
  private async rederiveWards(m: EntityManager): Promise<number> {
    const places = await m.getRepository(LocationEntity).find({ select: { id: true, lat: true, lng: true, wardId: true }, where: {} });
    const located = places.filter((p) => p.lat !== null && p.lng !== null);
    if (!located.length) return 0;
    const wards = await m.getRepository(BoundaryEntity).createQueryBuilder('b').addSelect('b.geometry').where(`b.kind = 'WARD'`).orderBy('b.code').getMany();
    let changed = 0;
    for (const p of located) {
      const wardId = wardOf({ lat: p.lat!, lng: p.lng! }, wards)?.id ?? null;
      if (wardId !== p.wardId) {
        // A derived column: not a user's edit, so the version is left alone.
        await m.query(`UPDATE location SET ward_id = $1 WHERE id = $2`, [wardId, p.id]);
        changed++;
      }
    }
    return changed;
  }

  list(kind: BoundaryKind | null): Promise<BoundaryEntity[]> {
    return this.dataSource.getRepository(BoundaryEntity).find({ where: kind ? { kind } : {}, order: { kind: 'ASC', code: 'ASC' } });
  }

  /** Every boundary of a kind as a GeoJSON FeatureCollection, for the map. */
  async featureCollection(kind: BoundaryKind): Promise<Record<string, unknown>> {
    const rows = await this.dataSource.getRepository(BoundaryEntity).createQueryBuilder('b').addSelect('b.geometry').where('b.kind = :kind', { kind }).orderBy('b.code').getMany();
    return {
      type: 'FeatureCollection',
      features: rows.map((b) => ({
        type: 'Feature',
        id: b.id,
        properties: { id: b.id, kind: b.kind, code: b.code, name: b.name, attribution: b.attribution },
        geometry: b.geometry,
      })),
    };
  }
}
