import { Injectable } from '@nestjs/common';
import { emailProblem, normaliseEmail, type Role } from '@mase/shared';
import { randomInt } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { assertNoProblems, badInput, conflict, notFound, problem, type FieldProblem } from '../../common/graphql/errors.js';
import { connection, decodeCursor, type Connection } from '../../common/graphql/pagination.js';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { AuditService, escapeLike } from '../audit/audit.service.js';
import { PasswordService } from '../auth/password.service.js';
import { SessionService } from '../auth/session.service.js';
import { SignInChallengeService } from '../auth/sign-in-challenge.service.js';
import type { CreateUserInput, SetUserStatusInput, UpdateUserInput, UsersFilter } from './dto/user.inputs.js';
import { UserEntity } from './user.entity.js';

/** Roles whose users must belong to an agency, and the agency kind they must belong to, if any. */
const AGENCY_RULES: Partial<Record<Role, { kind?: AgencyEntity['kind'] }>> = {
  AGENCY_LEAD: {},
  POLICE: { kind: 'POLICE' },
};

/** Unambiguous characters, grouped for reading aloud: about 95 bits. */
function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join(''));
  return groups.join('-');
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly challenges: SignInChallengeService,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.findById(id);
    if (!user) throw notFound('The user');
    return user;
  }

  async list(filter: UsersFilter, first: number, after: string | null | undefined): Promise<Connection<UserEntity>> {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (filter.search) {
      qb.andWhere('(u.name ILIKE :s OR u.email ILIKE :s)', { s: `%${escapeLike(filter.search.trim())}%` });
    }
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.status) qb.andWhere('u.status = :status', { status: filter.status });
    if (filter.agencyId) qb.andWhere('u.agency_id = :agencyId', { agencyId: filter.agencyId });
    const cursor = decodeCursor(after, 2);
    if (cursor) qb.andWhere('(lower(u.name), u.id) > (:cn, :cid)', { cn: cursor[0], cid: cursor[1] });
    const rows = await qb.orderBy('lower(u.name)').addOrderBy('u.id').limit(first + 1).getMany();
    return connection(rows, first, (u) => [u.name.toLowerCase(), u.id]);
  }

  private async agencyProblems(m: EntityManager, role: Role, agencyId: string | null | undefined): Promise<FieldProblem | null> {
    const rule = AGENCY_RULES[role];
    if (!agencyId) return rule ? { field: 'agencyId', message: 'Select the agency this user belongs to' } : null;
    const agency = await m.getRepository(AgencyEntity).findOne({ where: { id: agencyId } });
    if (!agency) return { field: 'agencyId', message: 'Select an agency from the list' };
    if (!agency.active) return { field: 'agencyId', message: `${agency.name} is inactive: choose an active agency` };
    if (rule?.kind && agency.kind !== rule.kind) return { field: 'agencyId', message: 'Police users must belong to a police agency' };
    return null;
  }

  async create(actor: Actor, input: CreateUserInput): Promise<{ user: UserEntity; temporaryPassword: string }> {
    const email = normaliseEmail(input.email);
    const name = input.name.trim();
    const password = temporaryPassword();
    const passwordHash = await this.passwords.hash(password);
    const user = await this.dataSource.transaction(async (m) => {
      assertNoProblems([
        problem('name', name ? null : 'Enter a name'),
        problem('email', emailProblem(email)),
        await this.agencyProblems(m, input.role, input.agencyId),
      ]);
      const existing = await m.getRepository(UserEntity).findOne({ where: { email } });
      if (existing) throw badInput([{ field: 'email', message: 'A user with this email address already exists' }]);
      const created = await m.getRepository(UserEntity).save(
        m.getRepository(UserEntity).create({
          name,
          email,
          role: input.role,
          agencyId: input.agencyId ?? null,
          passwordHash,
          status: 'ACTIVE',
          mustChangePassword: true,
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(m, {
        action: 'user.created',
        actor,
        entityType: 'user',
        entityId: created.id,
        details: { email, role: input.role, agencyId: input.agencyId ?? null },
      });
      return created;
    });
    return { user, temporaryPassword: password };
  }

  async update(actor: Actor, input: UpdateUserInput): Promise<UserEntity> {
    const name = input.name.trim();
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('The user');
      if (user.version !== input.version) {
        throw conflict('Someone else changed this user after you opened it. Reload to see their changes, then try again.');
      }
      assertNoProblems([problem('name', name ? null : 'Enter a name'), await this.agencyProblems(m, input.role, input.agencyId)]);
      if (user.id === actor.userId && input.role !== user.role) {
        throw badInput([{ field: 'role', message: 'You cannot change your own role' }]);
      }
      const before = { name: user.name, role: user.role, agencyId: user.agencyId };
      user.name = name;
      user.role = input.role;
      user.agencyId = input.agencyId ?? null;
      const saved = await repo.save(user);
      // A change of role or agency changes what the user may see: end their sessions so it applies now.
      const accessChanged = before.role !== saved.role || before.agencyId !== saved.agencyId;
      if (accessChanged) await this.sessions.revokeAllForUser(m, user.id, 'role or agency changed');
      await this.audit.record(m, {
        action: 'user.updated',
        actor,
        entityType: 'user',
        entityId: user.id,
        details: { before, after: { name: saved.name, role: saved.role, agencyId: saved.agencyId }, sessionsEnded: accessChanged },
      });
      return saved;
    });
  }

  async setStatus(actor: Actor, input: SetUserStatusInput): Promise<UserEntity> {
    if (input.id === actor.userId && input.status === 'DISABLED') {
      throw badInput([{ field: 'status', message: 'You cannot disable your own account' }]);
    }
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('The user');
      if (user.status === input.status) return user;
      user.status = input.status;
      const saved = await repo.save(user);
      const ended = input.status === 'DISABLED' ? await this.sessions.revokeAllForUser(m, user.id, 'account disabled') : 0;
      await this.audit.record(m, {
        action: input.status === 'DISABLED' ? 'user.disabled' : 'user.enabled',
        actor,
        entityType: 'user',
        entityId: user.id,
        reason: input.reason?.trim() || null,
        details: { sessionsEnded: ended },
      });
      return saved;
    });
  }

  async resetPassword(actor: Actor, id: string): Promise<{ user: UserEntity; temporaryPassword: string }> {
    const password = temporaryPassword();
    const passwordHash = await this.passwords.hash(password);
    const user = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const found = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw notFound('The user');
      found.passwordHash = passwordHash;
      found.mustChangePassword = true;
      const saved = await repo.save(found);
      const ended = await this.sessions.revokeAllForUser(m, id, 'password reset by an administrator');
      // A sign-in waiting for its code proved the old password: it ends too.
      await this.challenges.endAllForUser(m, id);
      await m.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [`account:${found.email}`]);
      await this.audit.record(m, { action: 'user.password_reset', actor, entityType: 'user', entityId: id, details: { sessionsEnded: ended } });
      return saved;
    });
    return { user, temporaryPassword: password };
  }
}
