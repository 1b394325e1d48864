import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointOnFeature } from '@turf/point-on-feature';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Real London ward boundaries, shared read-only with the project (never copied into it). */
const WARDS_DIR = fileURLToPath(new URL('../../../shared/data/geo/london-wards/', import.meta.url));
const wardsFile = (borough: string) => readFileSync(`${WARDS_DIR}${borough}.json`, 'utf8');
type Wards = FeatureCollection<Polygon | MultiPolygon, { WD13CD: string; WD13NM: string }>;
const CITY = wardsFile('E09000001');
const SOUTHWARK = wardsFile('E09000028');
const ATTRIBUTION = 'Contains Ordnance Survey data © Crown copyright and database right 2014; boundaries by Martin Chorley, CC BY 4.0';

const IMPORT = `mutation($i: ImportBoundariesInput!) { importBoundaries(input: $i) { imported replaced } }`;
const CREATE = `mutation($i: CreateLocationInput!) { createLocation(input: $i) { warnings location { id name type lat lng version ward { id code name kind } } } }`;
const UPDATE = `mutation($i: UpdateLocationInput!) { updateLocation(input: $i) { warnings location { id version ward { code } } } }`;

type LocationOut = { id: string; version: number; ward: { id: string; code: string; name: string } | null };
type Created = { createLocation: { warnings: string[]; location: LocationOut } };

let t: TestApp;
let admin: GqlClient;
let police: GqlClient;
let analyst: GqlClient;
let agencyLead: GqlClient;
let coordinator: GqlClient;

const count = async (table: string) => {
  const [row]: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
};
const importAs = (client: GqlClient, geojson: string, over: Record<string, unknown> = {}) =>
  client.gql<{ importBoundaries: { imported: number; replaced: number } }>(IMPORT, { i: { geojson, kind: 'WARD', source: 'test.json', attribution: ATTRIBUTION, ...over } });

/**
 * Points strictly inside one ward of the file (not on an edge) and inside no other ward of it,
 * computed with turf rather than trusted: the expected ward of each.
 */
function interiorPoints(file: string, how_many: number): { code: string; lat: number; lng: number }[] {
  const fc = JSON.parse(file) as Wards;
  const out: { code: string; lat: number; lng: number }[] = [];
  for (const f of fc.features) {
    const p = pointOnFeature(f);
    if (!booleanPointInPolygon(p, f, { ignoreBoundary: true })) continue;
    if (fc.features.some((o) => o !== f && booleanPointInPolygon(p, o))) continue;
    const [lng, lat] = p.geometry.coordinates;
    out.push({ code: f.properties.WD13CD, lat, lng });
    if (out.length === how_many) break;
  }
  return out;
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, police, analyst, agencyLead, coordinator] = await Promise.all(['ADMIN', 'POLICE', 'ANALYST', 'AGENCY_LEAD', 'COORDINATOR'].map((r) => t.as(r as never)));
});
afterAll(async () => {
  await t.close();
});

describe('importing boundaries', () => {
  it('refuses each kind of invalid file, naming the problem, and saves nothing', async () => {
    const before = await count('boundary');
    const city = JSON.parse(CITY) as Wards;
    const [first, second] = city.features;
    const withFeatures = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
    const unclosed = structuredClone(second);
    (unclosed.geometry as Polygon).coordinates[0].pop();
    const cases: [string, string, RegExp][] = [
      ['not JSON', '{"type": "FeatureCollection", ', /not valid JSON/],
      ['a LineString', withFeatures(first, { ...second, geometry: { type: 'LineString', coordinates: [[-0.1, 51.5], [-0.09, 51.51]] } }), new RegExp(`^Feature 1 \\(${second.properties.WD13CD}\\) has a LineString geometry`)],
      ['an unclosed ring', withFeatures(first, unclosed), new RegExp(`^Feature 1 \\(${second.properties.WD13CD}\\) Ring 0 is not closed`)],
      ['a missing code', withFeatures(first, { ...second, properties: { WD13NM: 'Nameless' } }), /^Feature 1 has no code property \(expected one like WD23CD\)/],
      ['a duplicated code', withFeatures(first, second, { ...first, properties: { ...first.properties, WD13NM: 'Again' } }), new RegExp(`^Feature 2 \\(${first.properties.WD13CD}\\) repeats code ${first.properties.WD13CD} already used by feature 0`)],
      ['British National Grid coordinates', withFeatures({ ...first, geometry: { type: 'Polygon', coordinates: [[[530000, 180000], [531000, 180000], [531000, 181000], [530000, 180000]]] } }), /outside longitude/],
    ];
    for (const [what, geojson, message] of cases) {
      const r = await importAs(admin, geojson);
      expect(codeOf(r), what).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].extensions?.fields?.[0], what).toEqual({ field: 'geojson', message: expect.stringMatching(message) });
    }
    // A named property that is not there.
    const r = await importAs(admin, CITY, { codeProperty: 'WARD_CODE' });
    expect(r.errors?.[0].extensions?.fields?.[0].message).toMatch(/^Feature 0 has no code in property "WARD_CODE"/);
    expect(await count('boundary')).toBe(before);
  });

  it('is for the administrator only', async () => {
    for (const client of [police, coordinator, analyst]) expect(codeOf(await importAs(client, CITY))).toBe('FORBIDDEN');
    expect(await count('boundary')).toBe(0);
  });

  it('imports every ward of a borough, then replaces them on a second import', async () => {
    const cityCount = (JSON.parse(CITY) as Wards).features.length;
    const southwarkCount = (JSON.parse(SOUTHWARK) as Wards).features.length;
    expect((await importAs(admin, CITY, { source: 'E09000001.json' })).data?.importBoundaries).toEqual({ imported: cityCount, replaced: 0 });
    expect((await importAs(admin, SOUTHWARK, { source: 'E09000028.json' })).data?.importBoundaries).toEqual({ imported: southwarkCount, replaced: 0 });
    expect(await count('boundary')).toBe(cityCount + southwarkCount);
    expect((await importAs(admin, CITY, { source: 'E09000001.json' })).data?.importBoundaries).toEqual({ imported: 0, replaced: cityCount });
    expect(await count('boundary')).toBe(cityCount + southwarkCount);

    const audit: { details: { kind: string; source: string; imported: number; replaced: number } }[] = await t.ds.query(
      `SELECT details FROM audit_event WHERE action = 'boundary.imported' ORDER BY seq`,
    );
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({ kind: 'WARD', source: 'E09000001.json', imported: cityCount, replaced: 0 }),
      expect.objectContaining({ kind: 'WARD', source: 'E09000028.json', imported: southwarkCount, replaced: 0 }),
      expect.objectContaining({ kind: 'WARD', source: 'E09000001.json', imported: 0, replaced: cityCount }),
    ]);
  });

  it('lists boundaries to every role and gives the map its geometry', async () => {
    const list = await agencyLead.ok<{ boundaries: { code: string; name: string; kind: string }[] }>(`{ boundaries(kind: WARD) { code name kind } }`);
    expect(list.boundaries).toContainEqual({ code: 'E05009288', name: 'Aldersgate', kind: 'WARD' });
    const geo = await analyst.ok<{ boundaryGeometry: FeatureCollection }>(`{ boundaryGeometry(kind: WARD) }`);
    expect(geo.boundaryGeometry.type).toBe('FeatureCollection');
    expect(geo.boundaryGeometry.features).toHaveLength(list.boundaries.length);
    expect(geo.boundaryGeometry.features[0]).toMatchObject({ type: 'Feature', geometry: { type: expect.stringMatching(/Polygon/) }, properties: { attribution: ATTRIBUTION } });
    expect(codeOf(await agencyLead.gql(`{ boundaryGeometry(kind: WARD) }`))).toBe('FORBIDDEN');
  });
});

describe('locations', () => {
  it('puts known points in the right ward, through the loader, whoever reads them', async () => {
    const points = [...interiorPoints(CITY, 1), ...interiorPoints(SOUTHWARK, 2)];
    expect(points).toHaveLength(3);
    for (const [i, p] of points.entries()) {
      const r = await police.ok<Created>(CREATE, { i: { name: `Place ${i}`, type: 'FAST_FOOD_OUTLET', lat: p.lat, lng: p.lng } });
      expect(r.createLocation.warnings).toEqual([]);
      expect(r.createLocation.location.ward?.code).toBe(p.code);
    }
    const read = await analyst.ok<{ locations: { nodes: { name: string; ward: { code: string } | null }[] } }>(`{ locations(filter: { search: "place" }) { nodes { name ward { code } } } }`);
    expect(read.locations.nodes.map((n) => n.ward?.code)).toEqual(points.map((p) => p.code));
    const [{ id: wardId }]: { id: string }[] = await t.ds.query(`SELECT id FROM boundary WHERE code = $1`, [points[1].code]);
    const inWard = await coordinator.ok<{ locations: { nodes: { name: string }[] } }>(`query($w: ID) { locations(filter: { wardId: $w }) { nodes { name } } }`, { w: wardId });
    expect(inWard.locations.nodes).toEqual([{ name: 'Place 1' }]);
  });

  it('places landmarks in the wards they are known to lie in (2013 wards)', async () => {
    const landmarks: [string, number, number, string, string][] = [
      ['Borough Market', 51.5055, -0.091, 'E05000536', 'Cathedrals'],
      ['Tate Modern', 51.5076, -0.0993, 'E05000536', 'Cathedrals'],
      ["St Paul's Cathedral", 51.5138, -0.0984, 'E05009297', 'Castle Baynard'],
    ];
    for (const [name, lat, lng, code, ward] of landmarks) {
      const r = await police.ok<Created>(CREATE, { i: { name, type: 'OTHER', lat, lng } });
      expect(r.createLocation.location.ward, name).toMatchObject({ code, name: ward, kind: 'WARD' });
    }
  });

  it('saves a point outside every ward without a ward, and warns', async () => {
    const r = await police.ok<Created>(CREATE, { i: { name: 'Piccadilly Gardens', type: 'PARK', lat: 53.48, lng: -2.24 } });
    expect(r.createLocation.location.ward).toBeNull();
    expect(r.createLocation.warnings).toEqual([expect.stringMatching(/outside every imported ward/)]);
    const [row]: { ward_id: string | null }[] = await t.ds.query(`SELECT ward_id FROM location WHERE id = $1`, [r.createLocation.location.id]);
    expect(row.ward_id).toBeNull();
  });

  it('needs a point except for an online platform, naming the field', async () => {
    const online = await police.ok<Created>(CREATE, { i: { name: 'A messaging group', type: 'ONLINE_PLATFORM' } });
    expect(online.createLocation).toMatchObject({ warnings: [], location: { ward: null } });
    const park = await police.gql(CREATE, { i: { name: 'Burgess Park', type: 'PARK' } });
    expect(codeOf(park)).toBe('BAD_USER_INPUT');
    expect(park.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['lat', 'lng']);
    const far = await police.gql(CREATE, { i: { name: 'Nowhere', type: 'PARK', lat: 91, lng: -0.1 } });
    expect(far.errors?.[0].extensions?.fields).toEqual([{ field: 'lat', message: expect.stringMatching(/between −90 and 90/) }]);
  });

  it('is written by the police only and read by the intelligence roles only', async () => {
    const input = { i: { name: 'Bus station', type: 'TRANSPORT_HUB', lat: 51.5, lng: -0.09 } };
    for (const client of [analyst, coordinator, admin]) expect(codeOf(await client.gql(CREATE, input))).toBe('FORBIDDEN');
    for (const client of [agencyLead, admin]) expect(codeOf(await client.gql(`{ locations { nodes { id } } }`))).toBe('FORBIDDEN');
    const made = await police.ok<Created>(CREATE, input);
    const one = await analyst.ok<{ location: { name: string } }>(`query($id: ID!) { location(id: $id) { name } }`, { id: made.createLocation.location.id });
    expect(one.location.name).toBe('Bus station');
    expect(codeOf(await agencyLead.gql(`query($id: ID!) { location(id: $id) { name } }`, { id: made.createLocation.location.id }))).toBe('FORBIDDEN');
  });

  it('re-derives the ward on update, and refuses a stale version with CONFLICT', async () => {
    const [inside] = interiorPoints(SOUTHWARK, 1);
    const made = await police.ok<Created>(CREATE, { i: { name: 'Moved café', type: 'FAST_FOOD_OUTLET', lat: 53.48, lng: -2.24 } });
    const { id, version } = made.createLocation.location;
    const moved = await police.ok<{ updateLocation: { warnings: string[]; location: LocationOut } }>(UPDATE, {
      i: { id, version, name: 'Moved café', type: 'FAST_FOOD_OUTLET', lat: inside.lat, lng: inside.lng },
    });
    expect(moved.updateLocation).toMatchObject({ warnings: [], location: { version: version + 1, ward: { code: inside.code } } });
    const stale = await police.gql(UPDATE, { i: { id, version, name: 'Old edit', type: 'PARK', lat: 51.5, lng: -0.1 } });
    expect(codeOf(stale)).toBe('CONFLICT');
    const audit: { action: string }[] = await t.ds.query(`SELECT action FROM audit_event WHERE entity_type = 'location' AND entity_id = $1 ORDER BY seq`, [id]);
    expect(audit.map((a) => a.action)).toEqual(['location.created', 'location.updated']);
  });

  it('gives places their ward when the ward is imported after them', async () => {
    const barking = wardsFile('E09000002');
    const [inside] = interiorPoints(barking, 1);
    const made = await police.ok<Created>(CREATE, { i: { name: 'Early place', type: 'RESIDENTIAL', lat: inside.lat, lng: inside.lng } });
    expect(made.createLocation.location.ward).toBeNull();
    await importAs(admin, barking, { source: 'E09000002.json' });
    const after = await police.ok<{ location: { ward: { code: string } | null; version: number } }>(`query($id: ID!) { location(id: $id) { version ward { code } } }`, {
      id: made.createLocation.location.id,
    });
    expect(after.location).toEqual({ version: made.createLocation.location.version, ward: { code: inside.code } });
  });
});

describe('the boundary import command', () => {
  const run = promisify(execFile);
  const cli = new URL('../../server/dist/server/src/modules/geography/import-boundaries.cli.js', import.meta.url).pathname;

  it('imports a file into DATABASE_URL, and prints every invalid feature and exits 1 saving nothing', async () => {
    expect(existsSync(cli), 'build the server first (npm test does)').toBe(true);
    const fresh = await startTestApp({}, { seed: false });
    const dir = mkdtempSync(join(tmpdir(), 'mase-wards-'));
    try {
      const env = { ...process.env, DATABASE_URL: fresh.databaseUrl };
      const wards = (JSON.parse(CITY) as Wards).features.length;
      const good = join(dir, 'city.json');
      writeFileSync(good, CITY);
      const ok = await run(process.execPath, [cli, good, '--kind', 'WARD', '--attribution', ATTRIBUTION], { env });
      expect(ok.stdout).toMatch(new RegExp(`Imported WARD boundaries from .*city\\.json: ${wards} new, 0 replaced`));
      const [{ n }] = await fresh.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM boundary WHERE kind = 'WARD'`);
      expect(n).toBe(wards);

      const broken = JSON.parse(SOUTHWARK) as Wards;
      broken.features[3] = { ...broken.features[3], geometry: { type: 'Point', coordinates: [-0.09, 51.5] } } as never;
      const bad = join(dir, 'southwark.json');
      writeFileSync(bad, JSON.stringify(broken));
      const failed = await run(process.execPath, [cli, bad, '--kind', 'WARD'], { env }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toMatch(/Nothing was imported from .*southwark\.json:\n {2}- Feature 3 \(E05\d+\) has a Point geometry/);
      const [{ after }] = await fresh.ds.query<{ after: number }[]>(`SELECT count(*)::int AS after FROM boundary WHERE kind = 'WARD'`);
      expect(after).toBe(wards);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await fresh.close();
    }
  });
});
