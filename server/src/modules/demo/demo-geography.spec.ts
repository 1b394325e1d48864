import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import booleanValid from '@turf/boolean-valid';
import { describe, expect, it } from 'vitest';
import { demoWardPolygons } from './demo-geography.js';

describe('demoWardPolygons', () => {
  const wards = demoWardPolygons(1);

  it('gives twelve valid wards with fictional codes', () => {
    expect(wards).toHaveLength(12);
    for (const w of wards) expect(booleanValid(w.geometry)).toBe(true);
    expect(new Set(wards.map((w) => w.code)).size).toBe(12);
  });

  it('tiles the borough: every sample point is in exactly one ward', () => {
    const lons = wards.flatMap((w) => w.geometry.coordinates[0].map((p) => p[0]));
    const lats = wards.flatMap((w) => w.geometry.coordinates[0].map((p) => p[1]));
    const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    for (let i = 1; i < 40; i++) {
      for (let j = 1; j < 40; j++) {
        const point: [number, number] = [minLon + ((maxLon - minLon) * i) / 40 + 1e-7, minLat + ((maxLat - minLat) * j) / 40 + 1e-7];
        const inside = wards.filter((w) => booleanPointInPolygon(point, w.geometry, { ignoreBoundary: true }));
        expect(inside.length, `point ${point.join(',')}`).toBeLessThanOrEqual(1);
        const onOrInside = wards.filter((w) => booleanPointInPolygon(point, w.geometry));
        expect(onOrInside.length, `point ${point.join(',')}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('is the same for the same seed and differs for another', () => {
    expect(demoWardPolygons(1)).toEqual(wards);
    expect(demoWardPolygons(2)).not.toEqual(wards);
  });
});
