import { Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import { connection, decodeCursor, PageInput, type Connection } from '../../common/graphql/pagination.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';
import { OptionalArg } from '../../common/graphql/validation.js';
import { AuditChainStatus, AuditEventConnection, AuditFilterInput } from './dto/audit.types.js';

@Resolver(() => AuditEventEntity)
@Roles('ADMIN')
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: 'Audit events, newest first' })
  async auditEvents(
    @OptionalArg('filter', AuditFilterInput) filter: AuditFilterInput | null,
    @OptionalArg('page', PageInput) page: PageInput | null,
  ): Promise<Connection<AuditEventEntity>> {
    const first = page?.first ?? 50;
    const after = decodeCursor(page?.after, 1);
    const { rows, hasMore } = await this.audit.list(filter ?? {}, first, after ? String(after[0]) : null);
    const conn = connection(rows, first, (e) => [e.seq]);
    conn.pageInfo.hasNextPage = hasMore;
    return conn;
  }

  @Query(() => [String], { description: 'Every kind of action recorded so far, for the filter' })
  auditActions(): Promise<string[]> {
    return this.audit.actions();
  }

  @Query(() => AuditChainStatus, { description: 'Recomputes the whole hash chain now' })
  async auditChainStatus(@CurrentActor() actor: Actor): Promise<AuditChainStatus> {
    const result = await this.audit.verify();
    await this.audit.recordAlone({ action: 'audit.verified', actor, details: { ok: result.ok, events: result.events } });
    return { ...result, checkedAt: new Date() };
  }
}
