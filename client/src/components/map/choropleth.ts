import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** A 5-step sequential palette (light to dark orange-red), readable on white and in greyscale. */
export const CHOROPLETH_PALETTE = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'] as const;

export interface LegendStep {
  colour: string;
  /** The lowest value in the step (inclusive). */
  from: number;
  /** The highest value in the step (inclusive). */
  to: number;
  label: string;
}

/**
 * The choropleth's steps for a set of counts: the first step is exactly 0, the other four split
 * 1..max into equal whole-number intervals. Steps that would be empty (small maxima) are left out.
 */
export function choroplethSteps(values: readonly number[]): LegendStep[] {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  const steps: LegendStep[] = [{ colour: CHOROPLETH_PALETTE[0], from: 0, to: 0, label: '0' }];
  if (max === 0) return steps;
  const width = Math.ceil(max / 4);
  for (let i = 0; i < 4; i++) {
    const from = 1 + i * width;
    if (from > max) break;
    const to = i === 3 ? max : Math.min(max, from + width - 1);
    steps.push({ colour: CHOROPLETH_PALETTE[i + 1], from, to, label: from === to ? String(from) : `${from} to ${to}` });
  }
  return steps;
}

/** The colour of a value under the given steps. */
export function colourFor(value: number, steps: readonly LegendStep[]): string {
  for (const step of steps) if (value <= step.to) return step.colour;
  return steps[steps.length - 1]?.colour ?? CHOROPLETH_PALETTE[0];
}

export const RISK_COLOURS: Record<string, string> = { HIGH: '#d4351c', MEDIUM: '#f47738', LOW: '#00703c' };
export const RISK_LABELS: Record<string, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };

/** A location marker's radius in pixels: grows with the square root of incidents, 6 to 22. */
export function markerRadius(incidents: number): number {
  return Math.min(22, 6 + 3 * Math.sqrt(Math.max(0, incidents)));
}

export interface WardProperties {
  id: string;
  code: string;
  name: string;
  attribution?: string | null;
}

export type WardCollection = FeatureCollection<Geometry, WardProperties>;

/** Narrows the API's boundary GeoJSON (a JSON scalar) to a feature collection of wards. */
export function asWardCollection(value: unknown): WardCollection | null {
  if (!value || typeof value !== 'object') return null;
  const fc = value as { type?: unknown; features?: unknown };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return null;
  const features = (fc.features as Feature[]).filter(
    (f): f is Feature<Geometry, WardProperties> =>
      !!f && typeof f === 'object' && !!f.geometry && !!f.properties && typeof (f.properties as { id?: unknown }).id === 'string',
  );
  return { type: 'FeatureCollection', features };
}

/** The distinct attributions of the wards, joined for the map's attribution control. */
export function attributionOf(collection: WardCollection | null): string {
  const seen = new Set<string>();
  for (const f of collection?.features ?? []) {
    const a = f.properties.attribution?.trim();
    if (a) seen.add(a);
  }
  return [...seen].join('; ');
}

/** The [[south, west], [north, east]] box around every ward, or null when there are none. */
export function boundsOf(collection: WardCollection | null): [[number, number], [number, number]] | null {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  const visit = (coords: unknown): void => {
    if (!Array.isArray(coords)) return;
    if (typeof coords[0] === 'number' && typeof coords[1] === 'number') {
      const [lng, lat] = coords as [number, number];
      south = Math.min(south, lat);
      north = Math.max(north, lat);
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      return;
    }
    for (const c of coords) visit(c);
  };
  for (const f of collection?.features ?? []) {
    const g = f.geometry;
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') visit(g.coordinates);
  }
  return Number.isFinite(south) ? [[south, west], [north, east]] : null;
}
