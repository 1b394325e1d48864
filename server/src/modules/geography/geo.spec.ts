import { describe, expect, it } from 'vitest';
import { BoundaryFileError, parseBoundaries, wardOf, type AreaGeometry, type BBox } from './geo.js';

type Area = BBox & { code: string; geometry: AreaGeometry };

/** A square [x0, y0]–[x1, y1] as a closed ring, anticlockwise. */
const ring = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

function area(code: string, geometry: AreaGeometry): Area {
  const coords = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat(2);
  const lons = coords.map((p) => p[0]);
  const lats = coords.map((p) => p[1]);
  return { code, geometry, minLon: Math.min(...lons), minLat: Math.min(...lats), maxLon: Math.max(...lons), maxLat: Math.max(...lats) };
}

/** A triangle whose bounding box is the square 0..1, 0..1: the corner (0.9, 0.9) is in the box but not the polygon. */
const triangle = area('TRI', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [0, 0]]] });
/** A 10..20 square with a 14..16 hole. */
const holed = area('HOLE', { type: 'Polygon', coordinates: [ring(10, 10, 20, 20), ring(14, 14, 16, 16).reverse()] });
const multi = area('MULTI', { type: 'MultiPolygon', coordinates: [[ring(30, 30, 31, 31)], [ring(40, 40, 41, 41)]] });
const all = [triangle, holed, multi];

describe('wardOf', () => {
  it('finds the area holding a point (lat is y, lng is x)', () => {
    expect(wardOf({ lat: 0.2, lng: 0.2 }, all)?.code).toBe('TRI');
    expect(wardOf({ lat: 12, lng: 11 }, all)?.code).toBe('HOLE');
    expect(wardOf({ lat: 40.5, lng: 40.5 }, all)?.code).toBe('MULTI');
  });

  it('gives nothing for a point inside the bounding box but outside the polygon', () => {
    expect(wardOf({ lat: 0.9, lng: 0.9 }, all)).toBeNull();
  });

  it('gives nothing for a point in a hole', () => {
    expect(wardOf({ lat: 15, lng: 15 }, all)).toBeNull();
  });

  it('gives nothing far away, or with no areas', () => {
    expect(wardOf({ lat: -50, lng: 100 }, all)).toBeNull();
    expect(wardOf({ lat: 0.2, lng: 0.2 }, [])).toBeNull();
  });

  it('skips areas whose bounding box excludes the point without testing the polygon', () => {
    // The geometry here is wrong on purpose: were it tested, the point would be inside.
    const lying = { ...area('LIE', { type: 'Polygon', coordinates: [ring(0, 0, 5, 5)] }), maxLon: 1 };
    expect(wardOf({ lat: 3, lng: 3 }, [lying])).toBeNull();
  });
});

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (props: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties: props, geometry });
const square = { type: 'Polygon', coordinates: [ring(0, 0, 1, 1)] };

function problems(text: string, options = {}): string[] {
  try {
    parseBoundaries(text, 'WARD', options);
  } catch (err) {
    if (err instanceof BoundaryFileError) return err.problems;
    throw err;
  }
  return [];
}

describe('parseBoundaries', () => {
  it('reads ONS-style codes and names by default, or the properties named', () => {
    const [b] = parseBoundaries(fc([feature({ WD22CD: 'E05000001', WD22NM: 'Alpha' }, square)]), 'WARD');
    expect(b).toMatchObject({ code: 'E05000001', name: 'Alpha', minLon: 0, minLat: 0, maxLon: 1, maxLat: 1 });
    const [c] = parseBoundaries(fc([feature({ id: 'X1', label: 'Beta' }, square)]), 'WARD', { codeProperty: 'id', nameProperty: 'label' });
    expect(c).toMatchObject({ code: 'X1', name: 'Beta' });
  });

  it('names each bad feature by index and code', () => {
    const found = problems(
      fc([
        feature({ WD13CD: 'A', WD13NM: 'a' }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }),
        feature({ WD13CD: 'B', WD13NM: 'b' }, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }),
        feature({ WD13NM: 'c' }, square),
        feature({ WD13CD: 'D', WD13NM: 'd' }, square),
        feature({ WD13CD: 'D', WD13NM: 'd again' }, square),
        feature({ WD13CD: 'E', WD13NM: 'e' }, { type: 'Polygon', coordinates: [ring(500000, 100000, 500100, 100100)] }),
        feature({ WD13CD: 'F', WD13NM: 'f' }, { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }),
      ]),
    );
    expect(found).toEqual([
      expect.stringMatching(/^Feature 0 \(A\) has a LineString geometry/),
      expect.stringMatching(/^Feature 1 \(B\) Ring 0 is not closed/),
      expect.stringMatching(/^Feature 2 has no code property/),
      expect.stringMatching(/^Feature 4 \(D\) repeats code D already used by feature 3/),
      expect.stringMatching(/^Feature 5 \(E\) Ring 0, position 0 .* outside longitude/),
      expect.stringMatching(/^Feature 6 \(F\) has an invalid geometry/),
    ]);
  });

  it('refuses text that is not JSON, not a FeatureCollection, or empty', () => {
    expect(problems('{nope')[0]).toMatch(/not valid JSON/);
    expect(problems('{"type":"Feature"}')[0]).toMatch(/not a GeoJSON FeatureCollection/);
    expect(problems(fc([]))[0]).toMatch(/no features/);
  });
});
