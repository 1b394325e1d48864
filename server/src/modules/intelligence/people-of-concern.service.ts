import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { assertNoProblems, badInput, conflict, notFound, problem } from '../../common/graphql/errors.js';
import { connection, decodeCursor, type Connection } from '../../common/graphql/pagination.js';
import { AuditService, escapeLike } from '../audit/audit.service.js';
import type { PeopleOfConcernFilter, PersonOfConcernFields, RecordDisruptionInput, UpdatePersonOfConcernInput } from './intelligence.inputs.js';
import { DisruptionActionEntity, PersonOfConcernEntity, type Vehicle } from './person-of-concern.entity.js';

/** "ab12 c-d" → "AB12CD": how registrations are stored and searched. */
export const normaliseRegistration = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
/** "+44 (0)7700 900-123" → "4407700900123": how phone numbers are stored and searched. */
export const normalisePhone = (s: string): string => s.replace(/\D/g, '');

const today = (): string => new Date().toISOString().slice(0, 10);
const clean = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);
const cleanList = (xs: string[]): string[] => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
/** An address on one line, as the forms show and edit it: its line breaks become ", ". */
const oneLine = (s: string): string => s.trim().replace(/\s*[\r\n]+\s*/g, ', ');

@Injectable()
export class PeopleOfConcernService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private validate(input: PersonOfConcernFields): void {
    const hasDob = !!input.dateOfBirth;
    const hasAge = input.approximateAge !== null && input.approximateAge !== undefined;
    assertNoProblems([
      problem('firstName', clean(input.firstName) || clean(input.lastName) || cleanList(input.aliases).length ? null : 'Enter a name or at least one alias or nickname'),
      problem(
        'dateOfBirth',
        hasDob && hasAge
          ? 'Give either the date of birth or an approximate age, not both'
          : !hasDob && !hasAge
            ? 'Enter the date of birth or an approximate age'
            : hasDob && input.dateOfBirth! > today()
              ? 'Date of birth must be in the past'
              : null,
      ),
      problem('approximateAge', hasAge && (input.approximateAge! < 10 || input.approximateAge! > 110) ? 'Approximate age must be between 10 and 110' : null),
      ...input.vehicles.map((v, i) => problem(`vehicles.${i}.registration`, normaliseRegistration(v.registration) ? null : 'Enter the registration, or the part of it that is known')),
      ...input.phoneNumbers.map((p, i) => problem(`phoneNumbers.${i}`, normalisePhone(p).length >= 3 ? null : 'A phone number needs at least 3 digits')),
    ]);
  }

  private columns(input: PersonOfConcernFields): Partial<PersonOfConcernEntity> {
    const vehicles: Vehicle[] = input.vehicles.map((v) => ({ registration: normaliseRegistration(v.registration), make: clean(v.make), colour: clean(v.colour) }));
    return {
      policeReference: clean(input.policeReference)?.toUpperCase() ?? null,
      firstName: clean(input.firstName),
      lastName: clean(input.lastName),
      aliases: cleanList(input.aliases),
      dateOfBirth: input.dateOfBirth || null,
      approximateAge: input.dateOfBirth ? null : (input.approximateAge ?? null),
      gender: input.gender,
      description: clean(input.description),
      vehicles,
      phoneNumbers: cleanList(input.phoneNumbers.map(normalisePhone)),
      addresses: cleanList(input.addresses.map(oneLine)),
      category: input.category,
      status: input.status,
    };
  }

  /** A police reference names one person: a second use is refused, naming the field. Serialised so two at once cannot both pass. */
  private async checkReference(m: EntityManager, reference: string | null | undefined, self: string | null): Promise<void> {
    const ref = clean(reference)?.toUpperCase();
    if (!ref) return;
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('person_of_concern.reference:' || $1))`, [ref]);
    const rows: unknown[] = await m.query(`SELECT 1 FROM person_of_concern WHERE police_reference = $1 AND id IS DISTINCT FROM $2::uuid`, [ref, self]);
    if (rows.length) throw badInput([{ field: 'policeReference', message: `A person of concern with police reference ${ref} is already recorded` }]);
  }

  async create(actor: Actor, input: PersonOfConcernFields): Promise<PersonOfConcernEntity> {
    this.validate(input);
    return this.dataSource.transaction(async (m) => {
      await this.checkReference(m, input.policeReference, null);
      const repo = m.getRepository(PersonOfConcernEntity);
      const e = await repo.save(repo.create({ ...this.columns(input), createdBy: actor.userId }));
      await this.audit.record(m, { action: 'person_of_concern.created', actor, entityType: 'person_of_concern', entityId: e.id, details: { category: e.category, status: e.status } });
      return e;
    });
  }

  async update(actor: Actor, input: UpdatePersonOfConcernInput): Promise<PersonOfConcernEntity> {
    this.validate(input);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(PersonOfConcernEntity);
      const e = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!e) throw notFound('The person of concern');
      if (e.version !== input.version) throw conflict('Someone else changed this person of concern after you opened it. Reload and try again.');
      await this.checkReference(m, input.policeReference, e.id);
      const cols = this.columns(input);
      const changed = Object.keys(cols).filter((key) => JSON.stringify(e[key as keyof PersonOfConcernEntity]) !== JSON.stringify(cols[key as keyof typeof cols]));
      Object.assign(e, cols);
      const saved = await repo.save(e);
      await this.audit.record(m, { action: 'person_of_concern.updated', actor, entityType: 'person_of_concern', entityId: e.id, details: { changed, ...(changed.includes('status') ? { status: saved.status } : {}) } });
      return saved;
    });
  }

  async recordDisruption(actor: Actor, input: RecordDisruptionInput): Promise<PersonOfConcernEntity> {
    assertNoProblems([problem('date', input.date > today() ? 'The date of a disruption cannot be in the future' : null)]);
    return this.dataSource.transaction(async (m) => {
      const person = await m.getRepository(PersonOfConcernEntity).findOne({ where: { id: input.personOfConcernId }, lock: { mode: 'pessimistic_write' } });
      if (!person) throw notFound('The person of concern');
      const repo = m.getRepository(DisruptionActionEntity);
      const d = await repo.save(repo.create({ personOfConcernId: person.id, type: input.type, date: input.date, notes: clean(input.notes), createdBy: actor.userId }));
      await this.audit.record(m, { action: 'person_of_concern.disruption_recorded', actor, entityType: 'person_of_concern', entityId: person.id, details: { disruptionId: d.id, type: d.type, date: d.date } });
      return person;
    });
  }

  /** One record: the read is audited. */
  async get(actor: Actor, id: string): Promise<PersonOfConcernEntity> {
    return this.dataSource.transaction(async (m) => {
      const e = await m.getRepository(PersonOfConcernEntity).findOneBy({ id });
      if (!e) throw notFound('The person of concern');
      await this.audit.record(m, { action: 'person_of_concern.viewed', actor, entityType: 'person_of_concern', entityId: id });
      return e;
    });
  }

  /**
   * By last name, first name, then id. The search matches any name or alias, or part of a registration
   * or phone number. The rows are identifiable records: the read is audited, one event per request,
   * with the filter, how many were returned and which.
   */
  async list(actor: Actor, filter: PeopleOfConcernFilter, first: number, after: string | null | undefined): Promise<Connection<PersonOfConcernEntity>> {
    const qb = this.dataSource.getRepository(PersonOfConcernEntity).createQueryBuilder('p');
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.category) qb.andWhere('p.category = :category', { category: filter.category });
    const search = filter.search?.trim();
    if (search) {
      const reg = normaliseRegistration(search);
      const phone = normalisePhone(search);
      const terms = [
        `concat_ws(' ', p.first_name, p.last_name) ILIKE :text`,
        `p.police_reference ILIKE :text`,
        `EXISTS (SELECT 1 FROM unnest(p.aliases) AS a(alias) WHERE a.alias ILIKE :text)`,
        ...(reg.length >= 2 ? [`EXISTS (SELECT 1 FROM jsonb_array_elements(p.vehicles) AS v(vehicle) WHERE v.vehicle->>'registration' LIKE :reg)`] : []),
        ...(phone.length >= 3 ? [`EXISTS (SELECT 1 FROM unnest(p.phone_numbers) AS n(phone) WHERE n.phone LIKE :phone)`] : []),
      ];
      qb.andWhere(`(${terms.join(' OR ')})`, { text: `%${escapeLike(search)}%`, reg: `%${escapeLike(reg)}%`, phone: `%${phone}%` });
    }
    const cursor = decodeCursor(after, 3);
    if (cursor) {
      qb.andWhere(`(coalesce(p.last_name, ''), coalesce(p.first_name, ''), p.id) > (:cLast, :cFirst, :cId)`, { cLast: String(cursor[0]), cFirst: String(cursor[1]), cId: String(cursor[2]) });
    }
    const rows = await qb
      .orderBy(`coalesce(p.last_name, '')`, 'ASC')
      .addOrderBy(`coalesce(p.first_name, '')`, 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(first + 1)
      .getMany();
    const returned = rows.slice(0, first).map((r) => r.id);
    await this.audit.recordAlone({
      action: 'person_of_concern.list_viewed',
      actor,
      entityType: 'person_of_concern',
      details: { filter: { ...filter }, ...(after ? { after } : {}), count: returned.length, ids: returned },
    });
    return connection(rows, first, (r) => [r.lastName ?? '', r.firstName ?? '', r.id]);
  }
}
