import { Faker, en, en_GB } from '@faker-js/faker';
import { hash } from '@node-rs/argon2';
import {
  ageOn,
  computeScore,
  CSE_MODELS,
  INDICATORS,
  nextReviewDate,
  RETURN_TEMPLATES,
  ragOf,
  type AgencyKind,
  type Answer,
  type Score,
} from '@mase/shared';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { ARGON2 } from '../auth/password.service.js';
import { AuditService } from '../audit/audit.service.js';
import { buildSnapshot } from '../analytics/snapshot.js';
import { deadlineFor, periodsBetween } from '../returns/deadlines.js';
import { nameKey } from '../young-people/young-people.service.js';
import { DEMO_AGENCIES, DEMO_DEPUTY, DEMO_PASSWORD, DEMO_USERS } from './demo-borough.js';
import { DEMO_WARD_NAMES, PLACES } from './demo-geography.js';
import { BLOCKAGES, LOCALITIES, RANGES } from './demo-returns.js';
import { ETHNICITY_WEIGHTS, SCHOOLS, TEAMS } from './demo-young-people.js';

/**
 * The `stress` profile (DESIGN.md §6): a pan-London volume of synthetic data — 100k young people,
 * about 400k screenings, 1M missing episodes, 20k people of concern, 200k links, 5k places, 80k
 * agency returns over ten years — with the demo's distributions. Rows are generated in Node and
 * bulk-loaded with COPY in one transaction (all or nothing), plus one audit event for the seed.
 * Deterministic for a given seed and day.
 */

export interface StressOptions {
  seed: number;
  /** 1 is the full profile; a fraction makes a smaller database of the same shape (tests). */
  scale?: number;
  log?: (line: string) => void;
  today?: Date;
}

export interface StressSummary {
  agencies: number;
  users: number;
  wards: number;
  locations: number;
  youngPeople: number;
  assessments: number;
  memberships: number;
  missingEpisodes: number;
  peopleOfConcern: number;
  disruptions: number;
  links: number;
  hotSpotReports: number;
  policeReports: number;
  returns: number;
  returnFigures: number;
  ms: number;
}

export const STRESS_VOLUMES = {
  youngPeople: 100_000,
  peopleOfConcern: 20_000,
  links: 200_000,
  locations: 5_000,
  /** Agencies × 120 months ≈ 80k returns. */
  agencies: 667,
  years: 10,
} as const;

// ---------- a fast, seedable generator (sfc32) ----------

const HEX16 = Array.from({ length: 65_536 }, (_, i) => i.toString(16).padStart(4, '0'));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seeds: number[]) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = 1;
    for (const s of seeds) {
      this.a ^= s | 0;
      this.b = Math.imul(this.b ^ (s >>> 0), 0x85ebca6b);
      this.c ^= Math.imul(s | 0, 0xc2b2ae35);
      for (let i = 0; i < 4; i++) this.u32();
    }
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.u32() / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** k distinct items (k at most the number of items). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }

  /** A version-4 UUID drawn from this generator, so ids are deterministic too. */
  uuid(): string {
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    const d = this.u32();
    return (
      HEX16[a >>> 16] + HEX16[a & 0xffff] + '-' + HEX16[b >>> 16] + '-' + HEX16[((b & 0x0fff) | 0x4000)] + '-' + HEX16[(((c >>> 16) & 0x3fff) | 0x8000)] + '-' +
      HEX16[c & 0xffff] + HEX16[d >>> 16] + HEX16[d & 0xffff]
    );
  }
}

/** A weighted choice, prepared once. */
function weighted<T>(items: readonly { value: T; weight: number }[]): (r: Rng) => T {
  const total = items.reduce((a, x) => a + x.weight, 0);
  let acc = 0;
  const cumulative = items.map((x) => (acc += x.weight / total));
  return (r) => {
    const u = r.next();
    for (let i = 0; i < items.length; i++) if (u < cumulative[i]) return items[i].value;
    return items[items.length - 1].value;
  };
}

// ---------- COPY text format ----------

const NULL = '\\N';
const SPECIAL = /[\\\n\r\t]/;
function text(v: string | null | undefined): string {
  if (v === null || v === undefined) return NULL;
  return SPECIAL.test(v) ? v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') : v;
}
function array(items: readonly string[]): string {
  return text(`{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`);
}
const num = (v: number | null | undefined) => (v === null || v === undefined ? NULL : String(v));
const bool = (v: boolean) => (v ? 't' : 'f');

/** Rows streamed into one table through COPY, written in chunks with back-pressure. */
class CopyTable {
  private chunk: string[] = [];
  private size = 0;
  rows = 0;
  private constructor(private readonly stream: Writable) {}

  static start(client: pg.PoolClient, table: string, columns: string[]): CopyTable {
    return new CopyTable(client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
  }

  async row(values: string[]): Promise<void> {
    const line = values.join('\t') + '\n';
    this.chunk.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.chunk.length) return;
    const ok = this.stream.write(this.chunk.join(''));
    this.chunk = [];
    this.size = 0;
    if (!ok) await once(this.stream, 'drain');
  }

  async end(): Promise<number> {
    await this.flush();
    const done = once(this.stream, 'finish');
    this.stream.end();
    await done;
    return this.rows;
  }
}

// ---------- dates as day numbers ----------

const DAY = 86_400_000;
const dayCache = new Map<number, string>();
function isoDay(day: number): string {
  let s = dayCache.get(day);
  if (!s) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    dayCache.set(day, s);
  }
  return s;
}
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
/** A timestamp as PostgreSQL reads it (UTC), without building a Date for each row. */
function stamp(ms: number): string {
  const day = Math.floor(ms / DAY);
  const rest = Math.floor((ms - day * DAY) / 1000);
  const hh = Math.floor(rest / 3600);
  const mm = Math.floor((rest % 3600) / 60);
  const ss = rest % 60;
  return `${isoDay(day)} ${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}:${ss < 10 ? '0' : ''}${ss}+00`;
}
const monthStart = (today: Date, back: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1)).toISOString().slice(0, 10);

// ---------- the fictional boroughs ----------

/** 33 fictional boroughs (the first is the demo's Kingsmere), laid over open sea like the demo's wards. */
const BOROUGH_NAMES = [
  'Kingsmere', 'Ashford Vale', 'Bramwell', 'Carrow', 'Dunham Cross', 'Elmstead', 'Fallowmere', 'Greyhaven', 'Hollins Park', 'Ilsworth', 'Juniper Reach',
  'Kestrel Down', 'Lindenford', 'Marlow Heath', 'Northwick Vale', 'Oakhollow', 'Pennwater', 'Quarry End', 'Rushmere', 'Saltings', 'Thornbury Rise',
  'Upton Marsh', 'Vennford', 'Westerleigh', 'Yarrowfield', 'Ambergate', 'Blackwater Reach', 'Coldharbour Vale', 'Dovecote', 'Eldermoor', 'Foxley Green',
  'Gallowmere', 'Hartswood',
];
const WARD_SUFFIXES = ['North', 'South', 'East', 'West', 'Central', 'Park', 'Green', 'Common', 'Fields', 'Riverside', 'Hill', 'Gate', 'Heath', 'Vale', 'Marsh', 'Cross', 'Town', 'Village', 'Bridge', 'Wharf'];
const WARD_COLS = 5;
const WARD_ROWS = 4;
const BOROUGH_COLS = 6;
const ORIGIN = { lat: 54.32, lng: 2.2 };
const CELL = { lat: 0.022, lng: 0.034 };
const EXTRA_KINDS: AgencyKind[] = ['EDUCATION', 'EDUCATION', 'EDUCATION', 'HEALTH', 'HEALTH', 'VOLUNTARY', 'VOLUNTARY'];
const KIND_WORDS: Record<AgencyKind, string> = {
  POLICE: 'Police, Public Protection Unit',
  CHILDRENS_SOCIAL_CARE: "Children's Social Care",
  HEALTH: 'Community Health',
  EDUCATION: 'Education Safeguarding',
  YOUTH_OFFENDING: 'Youth Justice Service',
  PROBATION: 'Probation Delivery Unit',
  HOUSING: 'Housing Safeguarding',
  CAMHS: 'CAMHS',
  YOUTH_SERVICE: 'Youth Service',
  EARLY_HELP: 'Family and Early Help',
  VOLUNTARY: 'Young People’s Charity',
  AMBULANCE: 'Ambulance Service',
  OTHER: 'Community Safety Partnership',
};

/** The tables loaded in bulk. */
const BULK_TABLES = ['young_person', 'risk_assessment', 'list_membership', 'missing_episode', 'person_of_concern', 'disruption_action', 'link', 'link_grading', 'hot_spot_report', 'agency_return', 'agency_return_version', 'agency_return_figure', 'agency_return_young_person', 'location'];

interface Open {
  id: string;
  started: number;
  reason: string;
  assessment: string;
}

interface Ward {
  id: string;
  code: string;
  name: string;
  col: number;
  row: number;
}

export async function seedStress(ds: DataSource, options: StressOptions): Promise<StressSummary> {
  const started = Date.now();
  const scale = options.scale ?? 1;
  const log = options.log ?? (() => undefined);
  const today = options.today ?? new Date();
  const todayDay = Math.floor(today.getTime() / DAY);
  const seed = options.seed;
  const n = (full: number, min: number) => Math.max(min, Math.round(full * scale));
  const volumes = {
    youngPeople: n(STRESS_VOLUMES.youngPeople, 200),
    peopleOfConcern: n(STRESS_VOLUMES.peopleOfConcern, 40),
    links: n(STRESS_VOLUMES.links, 400),
    locations: n(STRESS_VOLUMES.locations, 60),
    agencies: n(STRESS_VOLUMES.agencies, DEMO_AGENCIES.length),
  };
  const historyDays = STRESS_VOLUMES.years * 365;
  const f = new Faker({ locale: [en_GB, en], seed });
  const pool = (count: number, make: () => string) => Array.from({ length: count }, make);
  const femaleNames = pool(1500, () => f.person.firstName('female'));
  const maleNames = pool(1500, () => f.person.firstName('male'));
  const lastNames = pool(3000, () => f.person.lastName());
  const anyNames = [...femaleNames, ...maleNames];
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2);

  const qr = ds.createQueryRunner();
  const client = (await qr.connect()) as pg.PoolClient;
  let t = Date.now();
  const step = (what: string, rows: number) => {
    log(`  ${what}: ${rows.toLocaleString('en-GB')} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
  };
  try {
    await qr.startTransaction();
    // COPY of a million rows takes longer than the app's per-statement limit.
    await qr.query(`SET LOCAL statement_timeout = 0`);
    const [{ yp, agencies: existing }] = await qr.manager.query<{ yp: number; agencies: number }[]>(
      `SELECT (SELECT count(*) FROM young_person)::int AS yp, (SELECT count(*) FROM agency)::int AS agencies`,
    );
    if (yp > 0 || existing > 0) throw new Error('The stress profile loads into an empty database: this one already holds agencies or young people');
    // Secondary indexes are built once after the load (faster than maintaining them row by row);
    // dropping and recreating them is part of this transaction, so nothing changes if it fails.
    await qr.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const secondary = await qr.manager.query<{ name: string; def: string }[]>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
       WHERE ns.nspname = current_schema() AND t.relname = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [BULK_TABLES],
    );
    for (const ix of secondary) await qr.query(`DROP INDEX ${ix.name}`);
    // The analytics snapshot is built once at the end rather than kept up to date row by row.
    for (const t of ['risk_assessment', 'list_membership', 'missing_episode']) await qr.query(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_analytics_insert`);

    // ---------- agencies and users ----------
    const r0 = new Rng(seed, 1);
    const agencyRows: { id: string; name: string; kind: AgencyKind }[] = DEMO_AGENCIES.map((a) => ({ id: r0.uuid(), name: a.name, kind: a.kind }));
    for (let b = 1; agencyRows.length < volumes.agencies; b++) {
      const borough = BOROUGH_NAMES[b % BOROUGH_NAMES.length] + (b >= BOROUGH_NAMES.length ? ` ${Math.floor(b / BOROUGH_NAMES.length) + 1}` : '');
      const kinds = [...DEMO_AGENCIES.map((a) => a.kind), ...EXTRA_KINDS];
      const seen = new Map<AgencyKind, number>();
      for (const kind of kinds) {
        if (agencyRows.length >= volumes.agencies) break;
        const k = (seen.get(kind) ?? 0) + 1;
        seen.set(kind, k);
        agencyRows.push({ id: r0.uuid(), name: `${borough} ${KIND_WORDS[kind]}${k > 1 ? ` ${k}` : ''}`, kind });
      }
    }
    const agencyCopy = CopyTable.start(client, 'agency', ['id', 'name', 'kind', 'active', 'version']);
    for (const a of agencyRows) await agencyCopy.row([a.id, text(a.name), a.kind, 't', '1']);
    await agencyCopy.end();
    const byKind = new Map(agencyRows.slice(0, DEMO_AGENCIES.length).map((a) => [a.kind, a]));
    const userIds = new Map<string, string>();
    for (const u of [...DEMO_USERS, DEMO_DEPUTY]) {
      const [row] = await qr.manager.query<{ id: string }[]>(
        `INSERT INTO app_user (name, email, role, agency_id, password_hash, status, must_change_password, version) VALUES ($1, $2, $3, $4, $5, 'ACTIVE', false, 1) RETURNING id`,
        [u.name, u.email, u.role, u.agencyKind ? byKind.get(u.agencyKind)!.id : null, passwordHash],
      );
      userIds.set(u.email, row.id);
    }
    const userOf = (role: string) => userIds.get(DEMO_USERS.find((u) => u.role === role)!.email)!;
    const assessorId = userIds.get(DEMO_DEPUTY.email)!;
    const lineManagerId = userOf('CO_CHAIR');
    const coordinatorId = userOf('COORDINATOR');
    const policeUser = userOf('POLICE');
    const leadId = userOf('AGENCY_LEAD');
    const policeAgencyId = byKind.get('POLICE')!.id;
    step('agencies', agencyRows.length);

    // ---------- wards and places ----------
    const boroughs = Math.max(1, Math.min(BOROUGH_NAMES.length, Math.ceil(volumes.youngPeople / 3000)));
    const wards: Ward[] = [];
    const rw = new Rng(seed, 2);
    for (let b = 0; b < boroughs; b++) {
      const bc = b % BOROUGH_COLS;
      const br = Math.floor(b / BOROUGH_COLS);
      const names = b === 0 ? [...DEMO_WARD_NAMES, ...WARD_SUFFIXES.slice(0, 8).map((s) => `Kingsmere ${s}`)] : WARD_SUFFIXES.map((s) => `${BOROUGH_NAMES[b]} ${s}`);
      for (let i = 0; i < WARD_COLS * WARD_ROWS; i++) {
        wards.push({ id: rw.uuid(), code: `STR-W${String(wards.length + 1).padStart(4, '0')}`, name: names[i], col: bc * WARD_COLS + (i % WARD_COLS), row: br * WARD_ROWS + Math.floor(i / WARD_COLS) });
      }
    }
    const wardCopy = CopyTable.start(client, 'boundary', ['id', 'kind', 'code', 'name', 'geometry', 'min_lon', 'min_lat', 'max_lon', 'max_lat', 'source', 'attribution']);
    for (const w of wards) {
      const [x0, y0] = [ORIGIN.lng + w.col * CELL.lng, ORIGIN.lat + w.row * CELL.lat];
      const [x1, y1] = [x0 + CELL.lng, y0 + CELL.lat];
      const r = (v: number) => Math.round(v * 1e6) / 1e6;
      const geometry = { type: 'Polygon', coordinates: [[[r(x0), r(y0)], [r(x1), r(y0)], [r(x1), r(y1)], [r(x0), r(y1)], [r(x0), r(y0)]]] };
      await wardCopy.row([w.id, 'WARD', w.code, text(w.name), text(JSON.stringify(geometry)), num(r(x0)), num(r(y0)), num(r(x1)), num(r(y1)), 'stress seed', 'Synthetic boundaries of the fictional stress-test boroughs']);
    }
    await wardCopy.end();
    const placeKinds = PLACES.flatMap((p) => p.names.map((name) => ({ type: p.type, name })));
    const places: { id: string; type: string; ward: Ward | null; lat: number | null; lng: number | null }[] = [];
    const placeCopy = CopyTable.start(client, 'location', ['id', 'name', 'type', 'lat', 'lng', 'ward_id', 'version', 'created_by']);
    for (let i = 0; i < volumes.locations; i++) {
      const kind = placeKinds[i % placeKinds.length];
      const id = rw.uuid();
      if (kind.type === 'ONLINE_PLATFORM') {
        places.push({ id, type: kind.type, ward: null, lat: null, lng: null });
        await placeCopy.row([id, text(`${kind.name} ${i + 1}`), kind.type, NULL, NULL, NULL, '1', policeUser]);
        continue;
      }
      const ward = rw.pick(wards);
      const lat = Math.round((ORIGIN.lat + (ward.row + 0.05 + rw.next() * 0.9) * CELL.lat) * 1e5) / 1e5;
      const lng = Math.round((ORIGIN.lng + (ward.col + 0.05 + rw.next() * 0.9) * CELL.lng) * 1e5) / 1e5;
      places.push({ id, type: kind.type, ward, lat, lng });
      // Place names stay fictional: a kind of place and the ward it is in, numbered.
      await placeCopy.row([id, text(`${kind.name.split(',')[0]}, ${ward.name} (${i + 1})`), kind.type, num(lat), num(lng), ward.id, '1', policeUser]);
    }
    await placeCopy.end();
    step('wards and places', wards.length + places.length);

    // ---------- young people ----------
    const count = volumes.youngPeople;
    const ids: string[] = new Array<string>(count);
    const references: string[] = new Array<string>(count);
    const dobDay = new Int32Array(count);
    const firstDay = new Int32Array(count);
    const presentation: string[] = new Array<string>(count);
    const pseudonyms = new Set<string>();
    const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const ethnicity = weighted(ETHNICITY_WEIGHTS);
    const legalUnder17 = weighted([
      { value: 'CHILD_IN_NEED', weight: 30 },
      { value: 'CHILD_PROTECTION', weight: 20 },
      { value: 'LOOKED_AFTER_S20', weight: 12 },
      { value: 'LOOKED_AFTER_S31', weight: 14 },
      { value: 'EARLY_HELP', weight: 10 },
      { value: 'NOT_OPEN', weight: 6 },
    ]);
    const legal17 = weighted([
      { value: 'CHILD_IN_NEED', weight: 30 },
      { value: 'CHILD_PROTECTION', weight: 20 },
      { value: 'LOOKED_AFTER_S20', weight: 12 },
      { value: 'LOOKED_AFTER_S31', weight: 14 },
      { value: 'EARLY_HELP', weight: 10 },
      { value: 'NOT_OPEN', weight: 6 },
      { value: 'CARE_LEAVER', weight: 8 },
    ]);
    const placement = weighted([{ value: 'HOME_BOROUGH', weight: 5 }, { value: 'PLACED_OUT', weight: 3 }, { value: 'PLACED_IN', weight: 2 }]);
    const send = weighted([{ value: 'NONE', weight: 55 }, { value: 'SEN_SUPPORT', weight: 25 }, { value: 'EHC_PLAN', weight: 12 }, { value: 'NOT_KNOWN', weight: 8 }]);
    const presentations = weighted([{ value: 'CSE', weight: 4 }, { value: 'MISSING', weight: 2 }, { value: 'BOTH', weight: 4 }]);
    const ypCopy = CopyTable.start(client, 'young_person', [
      'id', 'pseudonym', 'reference', 'first_name', 'last_name', 'first_name_key', 'last_name_key', 'aliases', 'date_of_birth', 'school', 'social_worker', 'team',
      'cris_number', 'merlin_references', 'gender', 'ethnicity', 'first_language', 'nationality', 'religion', 'send', 'disability', 'legal_status', 'placement_type',
      'placement_borough', 'education_status', 'home_ward', 'presentation', 'version', 'created_at', 'updated_at', 'created_by',
    ]);
    const ry = new Rng(seed, 3);
    for (let i = 0; i < count; i++) {
      const id = ry.uuid();
      ids[i] = id;
      // The first screening falls somewhere in the ten years; age then follows the demo's shape.
      const first = todayDay - ry.int(20, historyDays);
      firstDay[i] = first;
      const female = ry.next() < 0.67;
      const age = ry.next() < 0.8 ? ry.int(10, 17) : ry.int(8, 9);
      const dob = first - (age * 365 + ry.int(0, 364));
      dobDay[i] = dob;
      const ageNow = Math.floor((todayDay - dob) / 365.25);
      const legal = ageNow >= 17 ? legal17(ry) : legalUnder17(ry);
      const lookedAfter = legal.startsWith('LOOKED_AFTER');
      const place = lookedAfter ? placement(ry) : 'HOME_BOROUGH';
      const firstName = female ? ry.pick(femaleNames) : ry.pick(maleNames);
      const lastName = ry.pick(lastNames);
      let pseudonym: string;
      do {
        pseudonym = 'YP-';
        for (let k = 0; k < 8; k++) pseudonym += ALPHABET[ry.int(0, ALPHABET.length - 1)];
      } while (pseudonyms.has(pseudonym));
      pseudonyms.add(pseudonym);
      const reference = `MOS-${String(1_000_000 + i * 7 + ry.int(0, 6))}`;
      references[i] = reference;
      const pres = presentations(ry);
      presentation[i] = pres;
      const ward = wards[ry.int(0, wards.length - 1)];
      const created = stamp(first * DAY + 9 * 3_600_000);
      await ypCopy.row([
        id, pseudonym, reference, text(firstName), text(lastName), nameKey(firstName), nameKey(lastName), array(ry.next() < 0.15 ? [ry.pick(anyNames)] : []), isoDay(dob),
        ageNow >= 16 ? NULL : text(ry.pick(SCHOOLS)), text(`${ry.pick(anyNames)} ${ry.pick(lastNames)}`), text(ry.pick(TEAMS)), `CRIS-${String(ry.int(0, 9_999_999)).padStart(7, '0')}`,
        array(ry.next() < 0.5 ? [`MERLIN-${String(ry.int(0, 99_999_999)).padStart(8, '0')}`] : []),
        female ? 'FEMALE' : ry.next() < 0.97 ? 'MALE' : 'NON_BINARY', ethnicity(ry),
        ry.next() < 0.8 ? 'English' : ry.pick(['Somali', 'Polish', 'Bengali', 'Romanian', 'Arabic']),
        ry.next() < 0.85 ? 'British' : ry.pick(['Somali', 'Polish', 'Romanian', 'Eritrean']),
        text(ry.pick([null, 'Christian', 'Muslim', 'No religion', 'Not known'])), send(ry), NULL, legal, place,
        place === 'HOME_BOROUGH' ? NULL : text(ry.pick(BOROUGH_NAMES.slice(1))),
        ry.next() < 0.66 ? 'PERSISTENT_ABSENCE' : ry.pick(['IN_EDUCATION', 'EXCLUDED', 'MISSING_EDUCATION', 'ALTERNATIVE_PROVISION']),
        text(ward.name), pres, '1', created, created, assessorId,
      ]);
    }
    await ypCopy.end();
    step('young people', count);

    // ---------- screenings and list membership ----------
    const cluster = ['missing_from_home_or_care', 'poor_mental_health', 'self_harm'];
    const choosable = INDICATORS.filter((x) => x.level < 3).map((x) => x.id);
    const level3 = INDICATORS.filter((x) => x.level === 3).map((x) => x.id);
    const evidence = ['Reported by the school', 'Disclosed to the social worker', 'Police intelligence', 'Seen by the youth worker', 'Reported by the carer'];
    const raCopy = CopyTable.start(client, 'risk_assessment', [
      'id', 'young_person_id', 'assessed_on', 'assessor_id', 'answers', 'models', 'computed_score', 'final_score', 'override_reason', 'rag', 'police_category', 'status',
      'line_manager_id', 'line_manager_signed_at', 'coordinator_id', 'coordinator_signed_at', 'next_review_on', 'outcome', 'outcome_on', 'version', 'created_at', 'updated_at',
    ]);
    const membershipLines: string[][] = [];
    const onListNow: number[] = [];
    for (let i = 0; i < count; i++) {
      const r = new Rng(seed, 4, i);
      const models = r.sample(CSE_MODELS, r.int(1, 2));
      let risk = r.next();
      let on = firstDay[i];
      let open: Open | null = null;
      const close = (o: Open, endDay: number, kind: 'STEPPED_DOWN' | 'CLOSED', reason: string): null => {
        membershipLines.push([o.id, ids[i], isoDay(o.started), o.reason, o.assessment, isoDay(Math.max(endDay, o.started)), kind, text(reason), stamp(o.started * DAY + 12 * 3_600_000), coordinatorId]);
        return null;
      };
      while (on <= todayDay) {
        const presentCount = Math.max(0, Math.round(r.int(1, 9) * (0.5 + risk)));
        const chosen = new Set(r.sample(choosable, presentCount));
        if (chosen.has('missing_from_home_or_care') || r.next() < risk * 0.5) for (const c of cluster) if (r.next() < 0.7) chosen.add(c);
        if (risk > 0.9) chosen.add(r.pick(level3));
        const answers: Record<string, Answer> = {};
        const parts: string[] = [];
        for (const x of INDICATORS) {
          const answer: Answer = chosen.has(x.id) ? 'PRESENT' : r.next() < 0.1 ? 'NOT_KNOWN' : 'NOT_PRESENT';
          answers[x.id] = answer;
          parts.push(`"${x.id}":{"answer":"${answer}","evidence":${answer === 'PRESENT' ? `"${r.pick(evidence)}"` : 'null'}}`);
        }
        const assessedOn = isoDay(on);
        const computed = computeScore({ answers, ageAtAssessment: ageOn(isoDay(dobDay[i]), assessedOn) });
        const overridden = computed.score <= 1 && r.next() < (computed.score === 0 ? 0.3 : 0.05);
        const finalScore = (overridden ? computed.score + 1 : computed.score) as Score;
        const next = on + r.int(80, 100);
        const isLast = on + 91 > todayDay;
        const pending = isLast && r.next() < 0.15;
        const signed = Math.min(on + r.int(1, 10), todayDay);
        const signedAt = stamp(signed * DAY + 15 * 3_600_000);
        const id = r.uuid();
        await raCopy.row([
          id, ids[i], assessedOn, assessorId, `{${parts.join(',')}}`, array(models), String(computed.score), String(finalScore),
          overridden ? 'Little information gathered yet but professional concern is high: going missing with older peers' : NULL,
          ragOf(finalScore), finalScore === 0 ? NULL : String(finalScore), pending ? 'AWAITING_SIGN_OFF' : 'FINAL', lineManagerId, signedAt,
          pending ? NULL : coordinatorId, pending ? NULL : signedAt, nextReviewDate(assessedOn), finalScore >= 2 ? 'STRATEGY_DISCUSSION' : NULL,
          finalScore >= 2 ? isoDay(on + 3) : NULL, '1', stamp(on * DAY + 11 * 3_600_000), signedAt,
        ]);
        if (!pending) {
          if (!open && finalScore >= 1) {
            open = { id: r.uuid(), started: signed, reason: overridden ? 'OVERRIDE' : 'SCORE', assessment: id };
          } else if (open && finalScore === 0) {
            open = close(open, signed, 'STEPPED_DOWN', 'Risk reduced: screening scored 0 at review');
            if (r.next() < 0.6) break;
          }
        }
        risk = Math.min(1, Math.max(0, risk + (r.next() * 0.55 - 0.35)));
        // Cases close (the work ends, or the young person turns 18); in the last half year some
        // reviews are simply late, leaving the review overdue as in the demo.
        const closes = r.next() < 0.21 || Math.floor((next - dobDay[i]) / 365.25) >= 18;
        if (closes) {
          if (open && next <= todayDay - 180) open = close(open, next, 'CLOSED', 'Case closed: the work with the young person has ended');
          break;
        }
        on = next;
      }
      if (open) {
        membershipLines.push([open.id, ids[i], isoDay(open.started), open.reason, open.assessment, NULL, NULL, NULL, stamp(open.started * DAY + 12 * 3_600_000), coordinatorId]);
        onListNow.push(i);
      }
    }
    const assessments = await raCopy.end();
    step('screenings', assessments);
    const lmCopy = CopyTable.start(client, 'list_membership', ['id', 'young_person_id', 'started_on', 'start_reason', 'start_assessment_id', 'ended_on', 'end_kind', 'end_reason', 'created_at', 'created_by']);
    for (const line of membershipLines) await lmCopy.row(line);
    const memberships = await lmCopy.end();
    step('list membership', memberships);

    // ---------- missing episodes (about ten per young person) ----------
    const meCopy = CopyTable.start(client, 'missing_episode', [
      'id', 'young_person_id', 'started_at', 'ended_at', 'reported_by', 'where_found', 'return_interview_offered', 'return_interview_done', 'version', 'created_at', 'updated_at', 'created_by',
    ]);
    const kindOf = weighted([{ value: 'overnight', weight: 5 }, { value: 'school', weight: 2 }, { value: 'weekend', weight: 3 }]);
    const reporters = ['Carer', 'Parent', 'School', 'Residential home', 'Police'];
    const found = ['Returned home by themselves', 'Found by police at a friend’s address', 'Found at a fast-food outlet', 'Found in another borough'];
    const nowMs = today.getTime();
    for (let i = 0; i < count; i++) {
      if (presentation[i] === 'CSE') continue;
      const r = new Rng(seed, 5, i);
      const episodes = r.int(1, 35);
      for (let k = 0; k < episodes; k++) {
        const day = firstDay[i] + r.int(-60, 600);
        if (day > todayDay) continue;
        const kind = kindOf(r);
        let startMs = day * DAY;
        if (kind === 'school') startMs += (10 * 60 + r.int(0, 59)) * 60_000;
        else startMs += (r.int(18, 23) * 60 + r.int(0, 59)) * 60_000;
        if (kind === 'weekend') startMs += ((5 - new Date(startMs).getUTCDay() + 7) % 7) * DAY;
        if (startMs > nowMs) continue;
        const hours = kind === 'school' ? r.int(1, 5) : r.int(6, 60);
        const endMs = startMs + hours * 3_600_000;
        const returned = endMs < nowMs;
        const created = stamp(startMs + 3_600_000);
        await meCopy.row([
          r.uuid(), ids[i], stamp(startMs), returned ? stamp(endMs) : NULL, r.pick(reporters), returned ? text(r.pick(found)) : NULL, bool(returned),
          bool(returned && r.next() < 0.7), '1', created, created, assessorId,
        ]);
      }
    }
    const missingEpisodes = await meCopy.end();
    step('missing episodes', missingEpisodes);

    // ---------- people of concern, disruptions ----------
    const rp = new Rng(seed, 6);
    const pocIds: string[] = [];
    const pocCopy = CopyTable.start(client, 'person_of_concern', [
      'id', 'police_reference', 'first_name', 'last_name', 'aliases', 'date_of_birth', 'approximate_age', 'gender', 'description', 'vehicles', 'phone_numbers', 'addresses',
      'category', 'status', 'version', 'created_at', 'updated_at', 'created_by',
    ]);
    const daCopyLines: string[][] = [];
    const status = weighted([
      { value: 'INTELLIGENCE_ONLY', weight: 6 },
      { value: 'UNDER_INVESTIGATION', weight: 4 },
      { value: 'ARRESTED', weight: 2 },
      { value: 'CHARGED', weight: 2 },
      { value: 'CONVICTED', weight: 1 },
      { value: 'NFA', weight: 1 },
    ]);
    const nicknames = ['Smokey', 'Ace', 'Tiny', 'Blade', 'Skinny', 'Dee', 'Red', 'Junior', 'Moneybags'];
    const descriptions = ['Slim build, often in a dark hooded jacket', 'Tall, shaved head, tattoo on the left hand', 'Average build, drives a dark hatchback'];
    const makes = ['Ford', 'Vauxhall', 'Volkswagen', 'BMW', 'Audi', 'Toyota', 'Nissan', 'Peugeot'];
    const colours = ['black', 'silver', 'white', 'grey', 'blue', 'red'];
    const letters = 'ABCDEFGHJKLMNOPRSTUVWXYZ';
    for (let i = 0; i < volumes.peopleOfConcern; i++) {
      const id = rp.uuid();
      pocIds.push(id);
      const male = rp.next() < 0.85;
      const withDob = rp.next() < 0.5;
      const created = todayDay - rp.int(0, historyDays);
      const createdAt = stamp(created * DAY + 14 * 3_600_000);
      const reg = `${letters[rp.int(0, 23)]}${letters[rp.int(0, 23)]}${rp.int(10, 99)}${letters[rp.int(0, 23)]}${letters[rp.int(0, 23)]}${letters[rp.int(0, 23)]}`;
      await pocCopy.row([
        id, `MP-N${String(100_000 + i)}`, text(male ? rp.pick(maleNames) : rp.pick(femaleNames)), text(rp.pick(lastNames)), array(rp.next() < 0.6 ? [rp.pick(nicknames)] : []),
        withDob ? isoDay(todayDay - rp.int(19 * 365, 48 * 365)) : NULL, withDob ? NULL : String(rp.int(18, 45)), male ? 'MALE' : 'FEMALE', text(rp.pick(descriptions)),
        text(JSON.stringify(rp.next() < 0.6 ? [{ registration: reg, make: rp.pick(makes), colour: rp.pick(colours) }] : [])),
        array(rp.next() < 0.7 ? [`07700900${String(rp.int(0, 999)).padStart(3, '0')}`] : []), array([]),
        rp.next() < 0.6 ? 'SUSPECTED_PERPETRATOR' : 'PERSON_OF_CONCERN', status(rp), '1', createdAt, createdAt, policeUser,
      ]);
      if (rp.next() < 0.4) {
        const date = Math.min(todayDay, created + rp.int(0, 700));
        daCopyLines.push([rp.uuid(), id, rp.pick(['CAWN', 'ORDER', 'ARREST', 'OTHER']), isoDay(date), NULL, stamp(date * DAY + 16 * 3_600_000), policeUser]);
      }
    }
    const peopleOfConcern = await pocCopy.end();
    const daCopy = CopyTable.start(client, 'disruption_action', ['id', 'person_of_concern_id', 'type', 'date', 'notes', 'created_at', 'created_by']);
    for (const line of daCopyLines) await daCopy.row(line);
    const disruptions = await daCopy.end();
    step('people of concern and disruptions', peopleOfConcern + disruptions);

    // ---------- links: small exploitation networks, each with its own places ----------
    // Groups of one to three people of concern around two to nine young people, with peers and
    // places: each group is its own connected network, as the demo's two groups are.
    const rl = new Rng(seed, 7);
    const linkCopy = CopyTable.start(client, 'link', [
      'id', 'a_kind', 'a_id', 'b_kind', 'b_id', 'type', 'source_agency_id', 'first_seen', 'last_seen', 'source_grade', 'intelligence_grade', 'handling', 'version', 'created_by',
    ]);
    const gradingCopyLines: string[][] = [];
    const seenLinks = new Set<string>();
    type End = { kind: 'YOUNG_PERSON' | 'PERSON_OF_CONCERN' | 'LOCATION'; id: string };
    let links = 0;
    const link = async (x: End, y: End, type: string, strong: boolean): Promise<void> => {
      if (links >= volumes.links) return;
      const [a, b] = x.kind < y.kind || (x.kind === y.kind && x.id < y.id) ? [x, y] : [y, x];
      if (a.kind === b.kind && a.id === b.id) return;
      const key = `${a.id}|${b.id}|${type}`;
      if (seenLinks.has(key)) return;
      seenLinks.add(key);
      const first = todayDay - rl.int(60, historyDays);
      const last = rl.int(first, todayDay);
      const grade = strong ? 'B' : rl.pick(['A', 'B', 'C', 'D', 'E']);
      const handling = rl.next() < 0.12 ? 'C' : 'P';
      const source = strong ? 1 : rl.int(1, 3);
      const id = rl.uuid();
      await linkCopy.row([id, a.kind, a.id, b.kind, b.id, type, policeAgencyId, isoDay(first), isoDay(last), String(source), grade, handling, '1', policeUser]);
      gradingCopyLines.push([rl.uuid(), id, policeAgencyId, String(source), grade, handling, isoDay(first), isoDay(last), stamp(last * DAY + 10 * 3_600_000), policeUser]);
      links++;
    };
    const ypOrder = rl.sample(
      Array.from({ length: count }, (_, i) => i),
      count,
    );
    const groups: { pocs: End[]; yps: End[]; places: End[] }[] = [];
    let nextYp = 0;
    let nextPlace = 0;
    const placeOrder = rl.sample(places, places.length);
    for (let p = 0; p < pocIds.length; ) {
      const size = Math.min(rl.int(1, 3), pocIds.length - p);
      const pocs = pocIds.slice(p, p + size).map((id) => ({ kind: 'PERSON_OF_CONCERN' as const, id }));
      p += size;
      const yps: End[] = [];
      for (let k = rl.int(2, 9); k > 0 && nextYp < count; k--) yps.push({ kind: 'YOUNG_PERSON', id: ids[ypOrder[nextYp++]] });
      const own: End[] = [];
      if (rl.next() < 0.45 && nextPlace < placeOrder.length) own.push({ kind: 'LOCATION', id: placeOrder[nextPlace++].id });
      groups.push({ pocs, yps, places: own });
    }
    for (const g of groups) {
      const strong = rl.next() < 0.3;
      for (let x = 0; x < g.pocs.length; x++) for (let y = x + 1; y < g.pocs.length; y++) await link(g.pocs[x], g.pocs[y], 'ASSOCIATE', strong);
      for (const [k, yp] of g.yps.entries()) {
        await link(g.pocs[k % g.pocs.length], yp, 'SUSPECTED_OF_EXPLOITING', strong);
        if (g.pocs.length > 1 && rl.next() < 0.5) await link(g.pocs[(k + 1) % g.pocs.length], yp, 'SUSPECTED_OF_EXPLOITING', strong);
        if (k > 0) await link(g.yps[k - 1], yp, 'PEER', strong);
        if (k > 1 && rl.next() < 0.3) await link(g.yps[k - 2], yp, 'PEER', false);
      }
      for (const place of g.places) {
        for (const poc of g.pocs) await link(poc, place, rl.next() < 0.7 ? 'FREQUENTS' : 'LIVES_AT', strong);
        for (const yp of g.yps) if (rl.next() < 0.6) await link(yp, place, rl.next() < 0.5 ? 'FREQUENTS' : 'SEEN_WITH', false);
      }
    }
    // Scattered intelligence within the groups until the volume is reached.
    for (let guard = 0; links < volumes.links && guard < volumes.links * 20; guard++) {
      const g = rl.pick(groups);
      const members = [...g.pocs, ...g.yps, ...g.places];
      const x = rl.pick(members);
      const y = rl.pick(members);
      const type = x.kind === 'LOCATION' || y.kind === 'LOCATION' ? rl.pick(['FREQUENTS', 'SEEN_WITH']) : x.kind === y.kind ? (x.kind === 'YOUNG_PERSON' ? 'PEER' : 'ASSOCIATE') : rl.pick(['SEEN_WITH', 'OTHER']);
      await link(x, y, type, false);
    }
    await linkCopy.end();
    const gradingCopy = CopyTable.start(client, 'link_grading', ['id', 'link_id', 'source_agency_id', 'source_grade', 'intelligence_grade', 'handling', 'first_seen', 'last_seen', 'recorded_at', 'recorded_by']);
    for (const line of gradingCopyLines) await gradingCopy.row(line);
    await gradingCopy.end();
    step('links and their gradings', links * 2);

    // ---------- hot-spot reports and the police's monthly figures ----------
    const rh = new Rng(seed, 8);
    const months = STRESS_VOLUMES.years * 12;
    const hsCopy = CopyTable.start(client, 'hot_spot_report', ['location_id', 'month', 'sightings', 'incidents', 'risk_level', 'notes', 'version', 'created_by']);
    const riskOf = (incidents: number) => (incidents >= 4 ? 'HIGH' : incidents >= 2 ? 'MEDIUM' : 'LOW');
    for (const place of places) {
      if (place.type === 'ONLINE_PLATFORM') continue;
      const u = rh.next();
      const persistent = u < 0.08;
      const occasional = !persistent && u < 0.38;
      const isNew = !persistent && !occasional && u < 0.39;
      for (let back = months; back >= 0; back--) {
        const include = isNew ? back === 0 : persistent ? back <= 5 || rh.next() < 0.3 : occasional ? back > 0 && rh.next() < 0.22 : back > 0 && rh.next() < 0.03;
        if (!include) continue;
        const incidents = rh.int(0, persistent ? 6 : 3);
        await hsCopy.row([place.id, monthStart(today, back), String(incidents + rh.int(1, 6)), String(incidents), riskOf(incidents), NULL, '1', policeUser]);
      }
    }
    const hotSpotReports = await hsCopy.end();
    const prCopy = CopyTable.start(client, 'police_report', ['month', 'open_investigations', 'arrests', 'charges', 'convictions', 'cawns', 'orders', 'other_disruptions', 'narrative', 'version', 'created_by']);
    for (let back = months; back >= 1; back--) {
      const arrests = rh.int(0, 40);
      await prCopy.row([
        monthStart(today, back), String(rh.int(30, 140)), String(arrests), String(rh.int(0, arrests)), String(rh.int(0, 12)), String(rh.int(0, 30)), String(rh.int(0, 15)),
        String(rh.int(0, 50)), 'Partnership patrols at the hot spots; premises visits to hotels and fast-food outlets.', '1', policeUser,
      ]);
    }
    const policeReports = await prCopy.end();
    step('hot-spot and police reports', hotSpotReports + policeReports);

    // ---------- agency returns: every agency, every month for ten years ----------
    const rr = new Rng(seed, 9);
    const last = monthStart(today, 1).slice(0, 7);
    const periods = periodsBetween(monthStart(today, months).slice(0, 7), last);
    const rule = { rule: 'WORKING_DAYS_BEFORE_MEETING' as const, workingDays: 5, fixedDay: 10, meetingWeekday: 3, meetingWeek: 3 };
    const deadlines = new Map(periods.map((p) => [p, deadlineFor(p, rule)]));
    const returnCopy = CopyTable.start(client, 'agency_return', [
      'id', 'agency_id', 'period', 'status', 'content', 'deadline', 'first_submitted_at', 'late', 'last_submitted_at', 'last_submitted_by', 'version_count', 'review_comment', 'version', 'updated_by',
    ]);
    const versionLines: string[][] = [];
    const figureLines: string[][] = [];
    const namedLines: string[][] = [];
    const physical = places.filter((p) => p.lat !== null);
    const outcomes = ['Prevention sessions delivered as planned.', 'Two young people engaged with specialist support.', 'Safety planning completed with families.', 'None this month.'];
    for (const agency of agencyRows) {
      for (const period of periods) {
        if (rr.next() < 0.003) continue; // a few returns never arrive
        const deadline = deadlines.get(period)!;
        const late = rr.next() < 0.08;
        const submitted = dayOf(deadline) + (late ? rr.int(1, 9) : -rr.int(0, 8));
        const submittedAt = stamp(submitted * DAY + 10 * 3_600_000);
        const measures = RETURN_TEMPLATES[agency.kind].map((k) => ({ key: k, value: rr.int(RANGES[k][0], RANGES[k][1]) }));
        const named = rr.next() < 0.25 ? rr.sample(onListNow.length ? onListNow : [0], rr.int(1, 3)) : [];
        const content = {
          measures,
          localities:
            rr.next() < 0.2
              ? [{ kind: rr.pick(['LOCALITY', 'PEER_GROUP', 'GANG']), description: rr.pick(LOCALITIES), locationId: physical.length && rr.next() < 0.6 ? rr.pick(physical).id : null }]
              : [],
          youngPeople: named.map((i) => ({ reference: references[i], involvement: rr.pick(['AT_RISK', 'EXPERIENCING']), firstName: null, lastName: null, dateOfBirth: null })),
          outcomes: rr.pick(outcomes),
          blockages: rr.next() < 0.07 ? [rr.pick(BLOCKAGES)] : [],
        };
        const status = period === last ? 'SUBMITTED' : 'ACCEPTED';
        const id = rr.uuid();
        const json = text(JSON.stringify(content));
        await returnCopy.row([id, agency.id, `${period}-01`, status, json, deadline, submittedAt, bool(late), submittedAt, leadId, '1', NULL, '1', leadId]);
        const reviewed = status === 'SUBMITTED';
        versionLines.push([
          rr.uuid(), id, '1', 'SUBMISSION', json, NULL, submittedAt, leadId, bool(late), reviewed ? NULL : 'ACCEPTED', reviewed ? NULL : stamp((submitted + 3) * DAY + 10 * 3_600_000),
          reviewed ? NULL : coordinatorId, NULL,
        ]);
        for (const m of measures) figureLines.push([id, m.key, agency.id, agency.kind, `${period}-01`, String(m.value)]);
        content.youngPeople.forEach((y, k) => namedLines.push([id, y.reference, agency.id, `${period}-01`, y.involvement, ids[named[k]], 'REFERENCE']));
      }
    }
    const returns = await returnCopy.end();
    const versionCopy = CopyTable.start(client, 'agency_return_version', [
      'id', 'return_id', 'number', 'kind', 'content', 'reason', 'submitted_at', 'submitted_by', 'late', 'outcome', 'reviewed_at', 'reviewed_by', 'review_comment',
    ]);
    for (const line of versionLines) await versionCopy.row(line);
    await versionCopy.end();
    const figureCopy = CopyTable.start(client, 'agency_return_figure', ['return_id', 'measure', 'agency_id', 'agency_kind', 'period', 'value']);
    for (const line of figureLines) await figureCopy.row(line);
    const returnFigures = await figureCopy.end();
    const namedCopy = CopyTable.start(client, 'agency_return_young_person', ['return_id', 'reference', 'agency_id', 'period', 'involvement', 'young_person_id', 'matched_by']);
    for (const line of namedLines) await namedCopy.row(line);
    await namedCopy.end();
    step('agency returns, versions, figures and young people named', returns * 2 + returnFigures + namedLines.length);

    for (const ix of secondary) await qr.query(ix.def);
    step(`${secondary.length} indexes rebuilt`, 0);
    for (const t of ['risk_assessment', 'list_membership', 'missing_episode']) await qr.query(`ALTER TABLE ${t} ENABLE TRIGGER ${t}_analytics_insert`);
    await qr.query(`SET LOCAL work_mem = '64MB'`);
    await qr.query(`ANALYZE ${BULK_TABLES.join(', ')}`);
    await qr.query(`UPDATE analytics_state SET last_period = NULL`);
    const horizon = await buildSnapshot(qr.manager);
    step(`analytics snapshot to ${horizon} built`, 0);
    const summary = {
      agencies: agencyRows.length,
      users: userIds.size,
      wards: wards.length,
      locations: places.length,
      youngPeople: count,
      assessments,
      memberships,
      missingEpisodes,
      peopleOfConcern,
      disruptions,
      links,
      hotSpotReports,
      policeReports,
      returns,
      returnFigures,
    };
    await new AuditService(ds).record(qr.manager, { action: 'demo.seeded', actorLabel: 'seed', details: { profile: 'stress', seed, scale, ...summary } });
    await qr.commitTransaction();
    step('committed', 0);
  } catch (err) {
    if (qr.isTransactionActive) await qr.rollbackTransaction();
    throw err;
  } finally {
    await qr.release();
  }
  // Fresh statistics and visibility maps, so the planner sees the data as it is.
  await ds.query(`VACUUM (ANALYZE)`);
  step('vacuum and analyse', 0);
  const [c]: Record<string, number>[] = await ds.query(
    `SELECT (SELECT count(*) FROM agency)::int AS agencies, (SELECT count(*) FROM app_user)::int AS users, (SELECT count(*) FROM boundary)::int AS wards,
            (SELECT count(*) FROM location)::int AS locations, (SELECT count(*) FROM young_person)::int AS "youngPeople",
            (SELECT count(*) FROM risk_assessment)::int AS assessments, (SELECT count(*) FROM list_membership)::int AS memberships,
            (SELECT count(*) FROM missing_episode)::int AS "missingEpisodes", (SELECT count(*) FROM person_of_concern)::int AS "peopleOfConcern",
            (SELECT count(*) FROM disruption_action)::int AS disruptions, (SELECT count(*) FROM link)::int AS links,
            (SELECT count(*) FROM hot_spot_report)::int AS "hotSpotReports", (SELECT count(*) FROM police_report)::int AS "policeReports",
            (SELECT count(*) FROM agency_return)::int AS returns, (SELECT count(*) FROM agency_return_figure)::int AS "returnFigures"`,
  );
  return { ...(c as unknown as Omit<StressSummary, 'ms'>), ms: Date.now() - started };
}
