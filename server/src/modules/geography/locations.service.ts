import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { assertNoProblems, conflict, notFound, problem } from '../../common/graphql/errors.js';
import { connection, decodeCursor, type Connection } from '../../common/graphql/pagination.js';
import { AuditService, escapeLike } from '../audit/audit.service.js';
import { BoundaryEntity } from './boundary.entity.js';
import { wardOf } from './geo.js';
import type { CreateLocationInput, LocationFields, LocationResult, LocationsFilter, UpdateLocationInput } from './geography.inputs.js';
import { wardCandidates } from './boundaries.service.js';
import { LocationEntity } from './location.entity.js';

const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;

@Injectable()
export class LocationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private validate(input: LocationFields): void {
    const online = input.type === 'ONLINE_PLATFORM';
    const needPoint = 'needs a map point (only an online platform has none)';
    assertNoProblems([
      problem('name', input.name.trim() ? null : 'Enter the name of the location'),
      problem(
        'lat',
        online && (has(input.lat) || has(input.lng))
          ? 'An online platform has no map point: leave latitude and longitude empty'
          : !online && !has(input.lat)
            ? `Enter the latitude: a location of this type ${needPoint}`
            : has(input.lat) && (input.lat < -90 || input.lat > 90)
              ? 'Latitude must be between −90 and 90'
              : null,
      ),
      problem(
        'lng',
        online
          ? null
          : !has(input.lng)
            ? `Enter the longitude: a location of this type ${needPoint}`
            : input.lng < -180 || input.lng > 180
              ? 'Longitude must be between −180 and 180'
              : null,
      ),
    ]);
  }

  /** The ward holding the point, and any warning to show when there is none. */
  private async derive(m: EntityManager, input: LocationFields): Promise<{ wardId: string | null; warnings: string[] }> {
    if (!has(input.lat) || !has(input.lng)) return { wardId: null, warnings: [] };
    const ward = wardOf({ lat: input.lat, lng: input.lng }, await wardCandidates(m, input.lat, input.lng));
    if (ward) return { wardId: ward.id, warnings: [] };
    const anyWards = await m.getRepository(BoundaryEntity).existsBy({ kind: 'WARD' });
    return {
      wardId: null,
      warnings: [
        anyWards
          ? 'The point is outside every imported ward: saved without a ward. Check the latitude and longitude.'
          : 'No ward boundaries have been imported yet: saved without a ward.',
      ],
    };
  }

  private fields(input: LocationFields) {
    const point = input.type !== 'ONLINE_PLATFORM';
    return { name: input.name.trim(), type: input.type, lat: point ? input.lat! : null, lng: point ? input.lng! : null };
  }

  async create(actor: Actor, input: CreateLocationInput): Promise<LocationResult> {
    this.validate(input);
    return this.dataSource.transaction(async (m) => {
      const { wardId, warnings } = await this.derive(m, input);
      const repo = m.getRepository(LocationEntity);
      const location = await repo.save(repo.create({ ...this.fields(input), wardId, createdBy: actor.userId }));
      await this.audit.record(m, { action: 'location.created', actor, entityType: 'location', entityId: location.id, details: { type: location.type, wardId, warnings } });
      return { location, warnings };
    });
  }

  async update(actor: Actor, input: UpdateLocationInput): Promise<LocationResult> {
    this.validate(input);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(LocationEntity);
      const e = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!e) throw notFound('The location');
      if (e.version !== input.version) throw conflict('Someone else changed this location after you opened it. Reload and try again.');
      const { wardId, warnings } = await this.derive(m, input);
      const before = { type: e.type, wardId: e.wardId };
      Object.assign(e, this.fields(input), { wardId });
      const location = await repo.save(e);
      await this.audit.record(m, { action: 'location.updated', actor, entityType: 'location', entityId: e.id, details: { before, type: e.type, wardId, warnings } });
      return { location, warnings };
    });
  }

  async get(id: string): Promise<LocationEntity> {
    const e = await this.dataSource.getRepository(LocationEntity).findOneBy({ id });
    if (!e) throw notFound('The location');
    return e;
  }

  /** Locations by name, then id. */
  async list(filter: LocationsFilter, first: number, after: string | null | undefined): Promise<Connection<LocationEntity>> {
    const qb = this.dataSource.getRepository(LocationEntity).createQueryBuilder('l');
    if (filter.type) qb.andWhere('l.type = :type', { type: filter.type });
    if (filter.wardId) qb.andWhere('l.ward_id = :wardId', { wardId: filter.wardId });
    const search = filter.search?.trim();
    if (search) qb.andWhere('l.name ILIKE :search', { search: `%${escapeLike(search)}%` });
    const cursor = decodeCursor(after, 2);
    if (cursor) qb.andWhere('(l.name, l.id) > (:cName, :cId)', { cName: String(cursor[0]), cId: String(cursor[1]) });
    const rows = await qb
      .orderBy('l.name', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .take(first + 1)
      .getMany();
    return connection(rows, first, (r) => [r.name, r.id]);
  }
}
