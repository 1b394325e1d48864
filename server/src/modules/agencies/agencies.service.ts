import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { assertNoProblems, badInput, conflict, notFound, problem } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { AgencyEntity } from './agency.entity.js';
import type { CreateAgencyInput, UpdateAgencyInput } from './dto/agency.inputs.js';

@Injectable()
export class AgenciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(includeInactive: boolean): Promise<AgencyEntity[]> {
    return this.dataSource.getRepository(AgencyEntity).find({
      where: includeInactive ? {} : { active: true },
      order: { name: 'ASC' },
    });
  }

  async get(id: string): Promise<AgencyEntity> {
    const agency = await this.dataSource.getRepository(AgencyEntity).findOne({ where: { id } });
    if (!agency) throw notFound('The agency');
    return agency;
  }

  private async assertNameFree(name: string, exceptId?: string): Promise<void> {
    const clash: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM agency WHERE lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [name, exceptId ?? null],
    );
    if (clash.length) throw badInput([{ field: 'name', message: 'An agency with this name already exists' }]);
  }

  async create(actor: Actor, input: CreateAgencyInput): Promise<AgencyEntity> {
    const name = input.name.trim();
    assertNoProblems([problem('name', name ? null : 'Enter the agency name')]);
    await this.assertNameFree(name);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(AgencyEntity);
      const agency = await repo.save(repo.create({ name, kind: input.kind, active: true }));
      await this.audit.record(m, { action: 'agency.created', actor, entityType: 'agency', entityId: agency.id, details: { name, kind: input.kind } });
      return agency;
    });
  }

  async update(actor: Actor, input: UpdateAgencyInput): Promise<AgencyEntity> {
    const name = input.name.trim();
    assertNoProblems([problem('name', name ? null : 'Enter the agency name')]);
    await this.assertNameFree(name, input.id);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(AgencyEntity);
      const agency = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!agency) throw notFound('The agency');
      if (agency.version !== input.version) {
        throw conflict('Someone else changed this agency after you opened it. Reload to see their changes, then try again.');
      }
      const before = { name: agency.name, kind: agency.kind, active: agency.active };
      Object.assign(agency, { name, kind: input.kind, active: input.active });
      const saved = await repo.save(agency);
      await this.audit.record(m, {
        action: 'agency.updated',
        actor,
        entityType: 'agency',
        entityId: agency.id,
        details: { before, after: { name, kind: input.kind, active: input.active } },
      });
      return saved;
    });
  }
}
