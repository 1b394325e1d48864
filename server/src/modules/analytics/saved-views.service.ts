import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, notFound } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import type { SavedViewView, SaveViewInput } from './analytics.types.js';
import { SavedViewEntity } from './saved-view.entity.js';

/** Named dashboard filters: a user's own, and those others have shared. Saving a name again replaces that view. */
@Injectable()
export class SavedViewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<SavedViewView[]> {
    const rows: { id: string; name: string; filter: unknown; shared: boolean; owner_id: string; owner_name: string; updated_at: Date }[] = await this.dataSource.query(
      `SELECT v.id, v.name, v.filter, v.shared, v.owner_id, u.name AS owner_name, v.updated_at
       FROM saved_view v JOIN app_user u ON u.id = v.owner_id
       WHERE v.owner_id = $1 OR v.shared ORDER BY (v.owner_id = $1) DESC, lower(v.name)`,
      [actor.userId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, filter: JSON.stringify(r.filter), shared: r.shared, mine: r.owner_id === actor.userId, ownerName: r.owner_name, updatedAt: r.updated_at }));
  }

  async save(actor: Actor, input: SaveViewInput): Promise<SavedViewView> {
    const name = input.name.trim();
    if (!name) throw badInput([{ field: 'name', message: 'Give the view a name' }]);
    const { from, to, rag, ageBand, gender, model, ward, legalStatus } = input.filter;
    const filter = Object.fromEntries(Object.entries({ from, to, rag, ageBand, gender, model, ward, legalStatus }).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && !v.length)));
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO saved_view (owner_id, name, filter, shared) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (owner_id, name) DO UPDATE SET filter = excluded.filter, shared = excluded.shared, updated_at = now()`,
        [actor.userId, name, JSON.stringify(filter), input.shared],
      );
      const saved = await m.getRepository(SavedViewEntity).findOneByOrFail({ ownerId: actor.userId, name });
      await this.audit.record(m, { action: 'saved_view.saved', actor, entityType: 'saved_view', entityId: saved.id, details: { name, shared: input.shared } });
      return { id: saved.id, name, filter: JSON.stringify(saved.filter), shared: saved.shared, mine: true, ownerName: actor.name, updatedAt: saved.updatedAt };
    });
  }

  async remove(actor: Actor, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const view = await m.getRepository(SavedViewEntity).findOneBy({ id });
      // Someone else's view is as good as absent: it cannot be deleted, and its existence is not confirmed.
      if (!view || view.ownerId !== actor.userId) throw notFound('The saved view');
      await m.getRepository(SavedViewEntity).delete({ id });
      await this.audit.record(m, { action: 'saved_view.deleted', actor, entityType: 'saved_view', entityId: id, details: { name: view.name } });
      return true;
    });
  }
}
