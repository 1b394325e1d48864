import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { booleanValid } from '@turf/boolean-valid';
import { kinks } from '@turf/kinks';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export const BOUNDARY_KINDS = ['WARD', 'BOROUGH'] as const;
export type BoundaryKind = (typeof BOUNDARY_KINDS)[number];

/** The largest GeoJSON text an import accepts, and the most features. */
export const MAX_GEOJSON_BYTES = 20 * 1024 * 1024;
export const MAX_FEATURES = 5000;
/** Problems listed in one error before the rest are summarised. */
const MAX_PROBLEMS = 20;

export type AreaGeometry = Polygon | MultiPolygon;

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export interface ParsedBoundary extends BBox {
  code: string;
  name: string;
  geometry: AreaGeometry;
}

/** ONS-style property names used when the caller names none: WD23CD/WD23NM for wards, LAD23CD/LAD23NM for boroughs. */
const DEFAULT_PROPERTIES: Record<BoundaryKind, { code: RegExp; name: RegExp }> = {
  WARD: { code: /^WD\d\dCD$/, name: /^WD\d\dNM$/ },
  BOROUGH: { code: /^LAD\d\dCD$/, name: /^LAD\d\dNM$/ },
};

export class BoundaryFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks positions, ranges, ring length and closure; returns the problem, or null. */
function ringProblem(ring: unknown, where: string): string | null {
  if (!Array.isArray(ring)) return `${where} is not a list of positions`;
  for (const [i, p] of ring.entries()) {
    if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      return `${where}, position ${i} is not a [longitude, latitude] pair of numbers`;
    }
    const [lon, lat] = p as number[];
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      return `${where}, position ${i} [${lon}, ${lat}] is outside longitude −180..180 / latitude −90..90 (coordinates must be WGS84 longitude, latitude)`;
    }
  }
  if (ring.length < 4) return `${where} has fewer than 4 positions`;
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) return `${where} is not closed (its last position must repeat its first)`;
  return null;
}

function geometryProblem(geometry: unknown): string | null {
  if (!isObject(geometry)) return 'has no geometry';
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return `has a ${String(geometry.type)} geometry; only Polygon and MultiPolygon are allowed`;
  }
  const polygons: unknown[] = geometry.type === 'Polygon' ? [geometry.coordinates] : Array.isArray(geometry.coordinates) ? geometry.coordinates : [null];
  if (polygons.length === 0) return 'has a MultiPolygon with no polygons';
  for (const [pi, rings] of polygons.entries()) {
    const label = geometry.type === 'Polygon' ? '' : `polygon ${pi}, `;
    if (!Array.isArray(rings) || rings.length === 0) return `${label}has no rings`;
    for (const [ri, ring] of rings.entries()) {
      const p = ringProblem(ring, `${label}ring ${ri}`.replace(/^./, (c) => c.toUpperCase()));
      if (p) return p;
    }
  }
  if (!booleanValid(geometry as unknown as AreaGeometry)) return 'has an invalid geometry (a spike, or rings crossing each other)';
  // booleanValid does not see a ring crossing itself (a bow tie): check each ring on its own.
  for (const [pi, rings] of polygons.entries()) {
    for (const [ri, ring] of (rings as number[][][]).entries()) {
      const crossing = kinks({ type: 'LineString', coordinates: ring }).features[0];
      if (crossing) {
        const at = crossing.geometry.coordinates.map((n) => +n.toFixed(6)).join(', ');
        return `has an invalid geometry: ${geometry.type === 'Polygon' ? '' : `polygon ${pi}, `}ring ${ri} crosses itself near [${at}]`;
      }
    }
  }
  return null;
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * Parses and validates a GeoJSON FeatureCollection of areas. All or nothing: any problem throws a
 * BoundaryFileError listing each, naming the feature by its index and code.
 */
export function parseBoundaries(geojson: string, kind: BoundaryKind, options: { codeProperty?: string | null; nameProperty?: string | null } = {}): ParsedBoundary[] {
  if (Buffer.byteLength(geojson, 'utf8') > MAX_GEOJSON_BYTES) throw new BoundaryFileError([`The file is larger than ${MAX_GEOJSON_BYTES / 1024 / 1024} MB`]);
  let doc: unknown;
  try {
    doc = JSON.parse(geojson);
  } catch (err) {
    throw new BoundaryFileError([`The file is not valid JSON (${(err as Error).message})`]);
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw new BoundaryFileError(['The file is not a GeoJSON FeatureCollection']);
  }
  const features: unknown[] = doc.features;
  if (features.length === 0) throw new BoundaryFileError(['The file has no features']);
  if (features.length > MAX_FEATURES) throw new BoundaryFileError([`The file has ${features.length} features; at most ${MAX_FEATURES} can be imported at once`]);

  const problems: string[] = [];
  const out: ParsedBoundary[] = [];
  const seen = new Map<string, number>();
  const defaults = DEFAULT_PROPERTIES[kind];
  for (const [i, f] of features.entries()) {
    const props = isObject(f) && isObject(f.properties) ? f.properties : {};
    const keys = Object.keys(props);
    const codeKey = options.codeProperty || keys.find((k) => defaults.code.test(k));
    const nameKey = options.nameProperty || keys.find((k) => defaults.name.test(k));
    const code = codeKey ? text(props[codeKey]) : null;
    const name = nameKey ? text(props[nameKey]) : null;
    const label = `Feature ${i}${code ? ` (${code})` : ''}`;
    if (!isObject(f) || f.type !== 'Feature') {
      problems.push(`${label} is not a GeoJSON Feature`);
      continue;
    }
    const local: string[] = [];
    if (!code) local.push(codeKey ? `has no code in property "${codeKey}"` : `has no code property (expected ${options.codeProperty ?? `one like ${kind === 'WARD' ? 'WD23CD' : 'LAD23CD'}`})`);
    if (!name) local.push(nameKey ? `has no name in property "${nameKey}"` : `has no name property (expected ${options.nameProperty ?? `one like ${kind === 'WARD' ? 'WD23NM' : 'LAD23NM'}`})`);
    if (code) {
      const before = seen.get(code);
      if (before !== undefined) local.push(`repeats code ${code} already used by feature ${before}`);
      else seen.set(code, i);
    }
    const g = geometryProblem(f.geometry);
    if (g) local.push(g);
    if (local.length) {
      problems.push(...local.map((p) => `${label} ${p}`));
      continue;
    }
    const geometry = f.geometry as AreaGeometry;
    const [minLon, minLat, maxLon, maxLat] = bbox(geometry);
    out.push({ code: code!, name: name!, geometry, minLon, minLat, maxLon, maxLat });
  }
  if (problems.length) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) shown.push(`…and ${problems.length - MAX_PROBLEMS} more problems`);
    throw new BoundaryFileError(shown);
  }
  return out;
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** The first boundary containing the point (its edge counts as inside), or null. Bounding boxes are checked first. */
export function wardOf<T extends BBox & { geometry: AreaGeometry }>(point: LatLng, boundaries: readonly T[]): T | null {
  const { lat, lng } = point;
  const pt: [number, number] = [lng, lat];
  for (const b of boundaries) {
    if (lng < b.minLon || lng > b.maxLon || lat < b.minLat || lat > b.maxLat) continue;
    const feature: Feature<AreaGeometry> = { type: 'Feature', properties: {}, geometry: b.geometry };
    if (booleanPointInPolygon(pt, feature)) return b;
  }
  return null;
}
