import { Faker, en, en_GB } from '@faker-js/faker';
import type { Polygon } from 'geojson';
import type { EntityManager } from 'typeorm';
import { BoundaryEntity } from '../geography/boundary.entity.js';
import { wardOf } from '../geography/geo.js';
import { LocationEntity, type LocationType } from '../geography/location.entity.js';

/**
 * The fictional borough's geography. Its wards lie over open sea in the southern North Sea, so no
 * real street or building can ever be shown as a hot spot, even with a tile layer configured.
 */
export const DEMO_WARD_NAMES = [
  'Abbey Fields',
  'Brookside',
  'Castle Hill',
  'Dunmore',
  'Eastgate',
  'Fernbank',
  'Greenmarsh',
  'Harbour',
  'Ivy Lane',
  'Kingsmere Central',
  'Larkrise',
  'Millbrook',
];
export const DEMO_ATTRIBUTION = 'Synthetic boundaries of the fictional demo borough';
const ORIGIN = { lat: 54.32, lng: 2.2 };
const CELL = { lat: 0.022, lng: 0.034 };
const COLS = 4;
const ROWS = 3;

/** A 4 × 3 grid of wards whose shared corners are jittered, so they tile without gaps or overlaps. */
export function demoWardPolygons(seed: number): { code: string; name: string; geometry: Polygon }[] {
  const f = new Faker({ locale: [en_GB, en], seed: seed + 101 });
  const corner: [number, number][][] = [];
  for (let r = 0; r <= ROWS; r++) {
    corner[r] = [];
    for (let c = 0; c <= COLS; c++) {
      const edge = r === 0 || r === ROWS || c === 0 || c === COLS;
      const jitter = (n: number) => (edge ? 0 : f.number.float({ min: -n * 0.25, max: n * 0.25 }));
      corner[r][c] = [ORIGIN.lng + c * CELL.lng + jitter(CELL.lng), ORIGIN.lat + r * CELL.lat + jitter(CELL.lat)];
    }
  }
  const out: { code: string; name: string; geometry: Polygon }[] = [];
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const i = r * COLS + c;
      const ring = [corner[r][c], corner[r][c + 1], corner[r + 1][c + 1], corner[r + 1][c], corner[r][c]];
      out.push({ code: `KGM-W${String(i + 1).padStart(2, '0')}`, name: DEMO_WARD_NAMES[i], geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return out;
}

export const PLACES: { type: LocationType; names: string[] }[] = [
  { type: 'PARK', names: ['Millbrook Rec', 'Castle Hill Gardens', 'Fernbank Common', 'Larkrise Playing Fields'] },
  { type: 'FAST_FOOD_OUTLET', names: ['Chicken Shack, Eastgate Parade', 'Late Night Grill, Harbour Road', 'Pizza Corner, Dunmore Broadway'] },
  { type: 'HOTEL_BNB', names: ['Harbour View Guest House', 'Kingsmere Budget Lodge'] },
  { type: 'RESIDENTIAL', names: ['Tower block, Greenmarsh Estate', 'Flat above the launderette, Ivy Lane'] },
  { type: 'TRANSPORT_HUB', names: ['Kingsmere Central bus station', 'Brookside railway station', 'Eastgate tram stop'] },
  { type: 'SHOPPING_CENTRE', names: ['The Mall, Kingsmere Central', 'Abbey Fields Retail Park'] },
  { type: 'SCHOOL_VICINITY', names: ['Gates of Kingsmere Academy', 'Alley behind Brookside College'] },
  { type: 'PARTY_HOUSE', names: ['House party address, Dunmore', 'Flat used for parties, Harbour'] },
  { type: 'ONLINE_PLATFORM', names: ['Anonymous chat app', 'Image-sharing platform'] },
  { type: 'OTHER', names: ['Car park behind the leisure centre', 'Underpass, Larkrise Road'] },
];

/** Seeds the wards and about two dozen fictional places, each placed in its ward by point-in-polygon. */
export async function seedDemoGeography(m: EntityManager, seed: number, createdBy: string | null): Promise<{ wards: number; locations: number }> {
  const f = new Faker({ locale: [en_GB, en], seed: seed + 202 });
  const boundaries = m.getRepository(BoundaryEntity);
  const wards = demoWardPolygons(seed).map((w) => {
    const lons = w.geometry.coordinates[0].map((p) => p[0]);
    const lats = w.geometry.coordinates[0].map((p) => p[1]);
    return boundaries.create({
      kind: 'WARD',
      code: w.code,
      name: w.name,
      geometry: w.geometry,
      minLon: Math.min(...lons),
      maxLon: Math.max(...lons),
      minLat: Math.min(...lats),
      maxLat: Math.max(...lats),
      source: 'demo seed',
      attribution: DEMO_ATTRIBUTION,
    });
  });
  const saved = await boundaries.save(wards);
  const locations = m.getRepository(LocationEntity);
  let count = 0;
  for (const group of PLACES) {
    for (const name of group.names) {
      let lat: number | null = null;
      let lng: number | null = null;
      let wardId: string | null = null;
      if (group.type !== 'ONLINE_PLATFORM') {
        lat = f.number.float({ min: ORIGIN.lat + 0.002, max: ORIGIN.lat + ROWS * CELL.lat - 0.002, fractionDigits: 5 });
        lng = f.number.float({ min: ORIGIN.lng + 0.002, max: ORIGIN.lng + COLS * CELL.lng - 0.002, fractionDigits: 5 });
        wardId = wardOf({ lat, lng }, saved)?.id ?? null;
      }
      await locations.save(locations.create({ name, type: group.type, lat, lng, wardId, createdBy }));
      count++;
    }
  }
  return { wards: saved.length, locations: count };
}
