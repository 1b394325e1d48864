import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { ListMembershipEntity } from '../../modules/young-people/list-membership.entity.js';
import { MissingEpisodeEntity } from '../../modules/young-people/missing-episode.entity.js';
import { RiskAssessmentEntity } from '../../modules/young-people/risk-assessment.entity.js';
import { YoungPersonEntity } from '../../modules/young-people/young-person.entity.js';
import { AgencyEntity } from '../../modules/agencies/agency.entity.js';
import { BoundaryEntity } from '../../modules/geography/boundary.entity.js';
import { LocationEntity } from '../../modules/geography/location.entity.js';
import { LinkGradingEntity } from '../../modules/intelligence/link.entity.js';
import { DisruptionActionEntity, PersonOfConcernEntity } from '../../modules/intelligence/person-of-concern.entity.js';

/** Every DataLoader, created once per request: one SQL statement per relation per request. */
export interface Loaders {
  agency: DataLoader<string, AgencyEntity | null>;
  youngPerson: DataLoader<string, YoungPersonEntity | null>;
  /** Keyed by young person: their latest FINAL assessment. */
  latestFinalAssessment: DataLoader<string, RiskAssessmentEntity | null>;
  /** Keyed by young person: their open spell on the MASE list. */
  openMembership: DataLoader<string, ListMembershipEntity | null>;
  /** Keyed by young person, newest first. */
  assessmentsOf: DataLoader<string, RiskAssessmentEntity[]>;
  membershipsOf: DataLoader<string, ListMembershipEntity[]>;
  missingEpisodesOf: DataLoader<string, MissingEpisodeEntity[]>;
  /** A ward or borough, without its geometry. */
  boundary: DataLoader<string, BoundaryEntity | null>;
  location: DataLoader<string, LocationEntity | null>;
  personOfConcern: DataLoader<string, PersonOfConcernEntity | null>;
  /** Keyed by person of concern, newest first. */
  disruptionsOf: DataLoader<string, DisruptionActionEntity[]>;
  /** Keyed by link, oldest first. */
  linkGradingsOf: DataLoader<string, LinkGradingEntity[]>;
}

/** A loader of the rows belonging to each key, in one statement for all keys. */
function grouped<T extends { youngPersonId: string }>(load: (ids: string[]) => Promise<T[]>): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const rows = await load([...ids]);
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.youngPersonId, [...(map.get(r.youngPersonId) ?? []), r]);
    return ids.map((id) => map.get(id) ?? []);
  });
}

/** Like `grouped`, keyed by any id column. */
function groupedBy<K extends string, T extends Record<K, string>>(key: K, load: (ids: string[]) => Promise<T[]>): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const rows = await load([...ids]);
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r[key], [...(map.get(r[key]) ?? []), r]);
    return ids.map((id) => map.get(id) ?? []);
  });
}

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

export function createLoaders(ds: DataSource): Loaders {
  return {
    agency: new DataLoader(async (ids) => byId(await ds.getRepository(AgencyEntity).findBy({ id: In([...ids]) }), ids)),
    youngPerson: new DataLoader(async (ids) => byId(await ds.getRepository(YoungPersonEntity).findBy({ id: In([...ids]) }), ids)),
    latestFinalAssessment: new DataLoader(async (ids) => {
      const rows = await ds
        .getRepository(RiskAssessmentEntity)
        .createQueryBuilder('ra')
        .distinctOn(['ra.young_person_id'])
        .where('ra.young_person_id = ANY(:ids)', { ids: [...ids] })
        .andWhere(`ra.status = 'FINAL'`)
        .orderBy('ra.young_person_id')
        .addOrderBy('ra.assessed_on', 'DESC')
        .addOrderBy('ra.created_at', 'DESC')
        .getMany();
      const map = new Map(rows.map((r) => [r.youngPersonId, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    openMembership: new DataLoader(async (ids) => {
      const rows = await ds.getRepository(ListMembershipEntity).findBy({ youngPersonId: In([...ids]), endedOn: IsNull() });
      const map = new Map(rows.map((r) => [r.youngPersonId, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    assessmentsOf: grouped((ids) =>
      ds.getRepository(RiskAssessmentEntity).find({ where: { youngPersonId: In(ids) }, order: { assessedOn: 'DESC', createdAt: 'DESC' } }),
    ),
    membershipsOf: grouped((ids) => ds.getRepository(ListMembershipEntity).find({ where: { youngPersonId: In(ids) }, order: { startedOn: 'DESC' } })),
    missingEpisodesOf: grouped((ids) => ds.getRepository(MissingEpisodeEntity).find({ where: { youngPersonId: In(ids) }, order: { startedAt: 'DESC' } })),
    boundary: new DataLoader(async (ids) => byId(await ds.getRepository(BoundaryEntity).findBy({ id: In([...ids]) }), ids)),
    location: new DataLoader(async (ids) => byId(await ds.getRepository(LocationEntity).findBy({ id: In([...ids]) }), ids)),
    personOfConcern: new DataLoader(async (ids) => byId(await ds.getRepository(PersonOfConcernEntity).findBy({ id: In([...ids]) }), ids)),
    disruptionsOf: groupedBy('personOfConcernId', (ids) =>
      ds.getRepository(DisruptionActionEntity).find({ where: { personOfConcernId: In(ids) }, order: { date: 'DESC', createdAt: 'DESC' } }),
    ),
    linkGradingsOf: groupedBy('linkId', (ids) => ds.getRepository(LinkGradingEntity).find({ where: { linkId: In(ids) }, order: { recordedAt: 'ASC', id: 'ASC' } })),
  };
}
