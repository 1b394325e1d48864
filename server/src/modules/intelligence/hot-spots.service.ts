import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, conflict } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { LocationEntity } from '../geography/location.entity.js';
import { HotSpotReportEntity, PoliceReportEntity } from './hot-spot.entities.js';
import type { HotSpotMap, HotSpotReportInput, MonthRangeInput, PoliceReportInput } from './hot-spots.inputs.js';

const firstOf = (month: string) => `${month}-01`;
const currentMonth = () => new Date().toISOString().slice(0, 7);

function checkRange(range: MonthRangeInput): void {
  if (range.from > range.to) throw badInput([{ field: 'range.to', message: 'The end month must not be before the start month' }]);
}

@Injectable()
export class HotSpotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Records or corrects the report for a location and month; a correction must name the version it read. */
  async recordHotSpotReport(actor: Actor, input: HotSpotReportInput): Promise<HotSpotReportEntity> {
    if (input.month > currentMonth()) throw badInput([{ field: 'month', message: 'The month must not be in the future' }]);
    return this.dataSource.transaction(async (m) => {
      if (!(await m.getRepository(LocationEntity).existsBy({ id: input.locationId }))) {
        throw badInput([{ field: 'locationId', message: 'Choose a location that is recorded' }]);
      }
      const repo = m.getRepository(HotSpotReportEntity);
      const month = firstOf(input.month);
      const existing = await repo.findOne({ where: { locationId: input.locationId, month }, lock: { mode: 'pessimistic_write' } });
      if (existing && input.version == null) {
        throw conflict(`A report for this location and ${input.month} is already recorded: open it to change it.`);
      }
      if (existing && existing.version !== input.version) {
        throw conflict('Someone else changed this report after you opened it. Reload and try again.');
      }
      const saved = await repo.save(
        Object.assign(existing ?? repo.create({ locationId: input.locationId, month, createdBy: actor.userId }), {
          sightings: input.sightings,
          incidents: input.incidents,
          riskLevel: input.riskLevel,
          notes: input.notes?.trim() || null,
        }),
      );
      await this.audit.record(m, {
        action: existing ? 'hot_spot_report.updated' : 'hot_spot_report.recorded',
        actor,
        entityType: 'location',
        entityId: input.locationId,
        details: { month: input.month, reportId: saved.id },
      });
      return saved;
    });
  }

  async recordPoliceReport(actor: Actor, input: PoliceReportInput): Promise<PoliceReportEntity> {
    if (input.month > currentMonth()) throw badInput([{ field: 'month', message: 'The month must not be in the future' }]);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(PoliceReportEntity);
      const month = firstOf(input.month);
      const existing = await repo.findOne({ where: { month }, lock: { mode: 'pessimistic_write' } });
      if (existing && input.version == null) throw conflict(`The police report for ${input.month} is already recorded: open it to change it.`);
      if (existing && existing.version !== input.version) throw conflict('Someone else changed this report after you opened it. Reload and try again.');
      const { version: _v, month: _m, ...figures } = input;
      const saved = await repo.save(
        Object.assign(existing ?? repo.create({ month, createdBy: actor.userId }), { ...figures, narrative: input.narrative?.trim() || null }),
      );
      await this.audit.record(m, { action: existing ? 'police_report.updated' : 'police_report.recorded', actor, entityType: 'police_report', entityId: saved.id, details: { month: input.month } });
      return saved;
    });
  }

  hotSpotReports(range: MonthRangeInput, locationId?: string | null): Promise<HotSpotReportEntity[]> {
    checkRange(range);
    const qb = this.dataSource
      .getRepository(HotSpotReportEntity)
      .createQueryBuilder('h')
      .where('h.month BETWEEN :from AND :to', { from: firstOf(range.from), to: firstOf(range.to) });
    if (locationId) qb.andWhere('h.location_id = :locationId', { locationId });
    return qb.orderBy('h.month', 'DESC').addOrderBy('h.incidents', 'DESC').getMany();
  }

  policeReports(range: MonthRangeInput): Promise<PoliceReportEntity[]> {
    checkRange(range);
    return this.dataSource
      .getRepository(PoliceReportEntity)
      .createQueryBuilder('p')
      .where('p.month BETWEEN :from AND :to', { from: firstOf(range.from), to: firstOf(range.to) })
      .orderBy('p.month', 'DESC')
      .getMany();
  }

  /** Totals per ward (for the choropleth) and per location (for the points), computed in SQL. */
  async map(range: MonthRangeInput): Promise<HotSpotMap> {
    checkRange(range);
    const params = [firstOf(range.from), firstOf(range.to)];
    const locations: {
      location_id: string;
      name: string;
      type: string;
      lat: number | null;
      lng: number | null;
      ward_id: string | null;
      sightings: number;
      incidents: number;
      highest: number;
      months: number;
      is_new: boolean;
      persistent: boolean;
    }[] = await this.dataSource.query(
      `WITH r AS (
         SELECT location_id, sum(sightings)::int AS sightings, sum(incidents)::int AS incidents, count(*)::int AS months,
                max(CASE risk_level WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END) AS highest
         FROM hot_spot_report WHERE month BETWEEN $1 AND $2 GROUP BY location_id
       ), recent AS (
         SELECT location_id,
                bool_or(month = $2::date) AS in_last,
                count(*) FILTER (WHERE month >= ($2::date - interval '3 months') AND month < $2::date) AS before3,
                count(*) FILTER (WHERE month > ($2::date - interval '3 months')) AS last3
         FROM hot_spot_report WHERE month > ($2::date - interval '4 months') AND month <= $2::date GROUP BY location_id
       )
       SELECT r.location_id, l.name, l.type, l.lat, l.lng, l.ward_id, r.sightings, r.incidents, r.highest, r.months,
              coalesce(recent.in_last AND recent.before3 = 0, false) AS is_new, coalesce(recent.last3 = 3, false) AS persistent
       FROM r JOIN location l ON l.id = r.location_id LEFT JOIN recent ON recent.location_id = r.location_id
       ORDER BY r.incidents DESC, l.name`,
      params,
    );
    const wards: { ward_id: string; code: string; name: string; sightings: number; incidents: number; locations: number }[] = await this.dataSource.query(
      `SELECT b.id AS ward_id, b.code, b.name, coalesce(sum(h.sightings), 0)::int AS sightings, coalesce(sum(h.incidents), 0)::int AS incidents,
              count(DISTINCT h.location_id)::int AS locations
       FROM boundary b
       LEFT JOIN location l ON l.ward_id = b.id
       LEFT JOIN hot_spot_report h ON h.location_id = l.id AND h.month BETWEEN $1 AND $2
       WHERE b.kind = 'WARD'
       GROUP BY b.id, b.code, b.name ORDER BY b.name`,
      params,
    );
    const risk = ['LOW', 'LOW', 'MEDIUM', 'HIGH'] as const;
    return {
      wards: wards.map((w) => ({ wardId: w.ward_id, code: w.code, name: w.name, sightings: w.sightings, incidents: w.incidents, locations: w.locations })),
      locations: locations.map((l) => ({
        locationId: l.location_id,
        name: l.name,
        type: l.type,
        lat: l.lat,
        lng: l.lng,
        wardId: l.ward_id,
        sightings: l.sightings,
        incidents: l.incidents,
        highestRisk: risk[l.highest],
        months: l.months,
        isNew: l.is_new,
        persistent: l.persistent,
      })),
    };
  }
}
