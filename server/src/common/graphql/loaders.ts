import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AgencyEntity } from '../../modules/agencies/agency.entity.js';

/** Every DataLoader, created once per request: one SQL statement per relation per request. */
export interface Loaders {
  agency: DataLoader<string, AgencyEntity | null>;
}

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

export function createLoaders(ds: DataSource): Loaders {
  return {
    agency: new DataLoader(async (ids) => byId(await ds.getRepository(AgencyEntity).findBy({ id: In([...ids]) }), ids)),
  };
}
