import { describe, expect, it } from 'vitest';
import { asWardCollection, attributionOf, boundsOf, choroplethSteps, colourFor, CHOROPLETH_PALETTE, markerRadius } from './choropleth';

describe('choroplethSteps', () => {
  it('has a single zero step when nothing was reported', () => {
    expect(choroplethSteps([0, 0]).map((s) => s.label)).toEqual(['0']);
    expect(choroplethSteps([]).map((s) => s.label)).toEqual(['0']);
  });
  it('splits 1..max into four whole-number steps after zero', () => {
    const steps = choroplethSteps([0, 3, 20, 7]);
    expect(steps.map((s) => s.label)).toEqual(['0', '1 to 5', '6 to 10', '11 to 15', '16 to 20']);
    expect(steps.map((s) => s.colour)).toEqual([...CHOROPLETH_PALETTE]);
  });
  it('leaves out steps that would be empty for small maxima', () => {
    expect(choroplethSteps([2]).map((s) => s.label)).toEqual(['0', '1', '2']);
  });
  it('colours values by their step', () => {
    const steps = choroplethSteps([0, 20]);
    expect(colourFor(0, steps)).toBe(CHOROPLETH_PALETTE[0]);
    expect(colourFor(5, steps)).toBe(CHOROPLETH_PALETTE[1]);
    expect(colourFor(6, steps)).toBe(CHOROPLETH_PALETTE[2]);
    expect(colourFor(20, steps)).toBe(CHOROPLETH_PALETTE[4]);
  });
});

describe('ward geometry', () => {
  const fc = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'w1', code: 'X01', name: 'North', attribution: 'Synthetic boundaries' },
        geometry: { type: 'Polygon', coordinates: [[[2.2, 54.3], [2.3, 54.3], [2.3, 54.4], [2.2, 54.3]]] },
      },
      {
        type: 'Feature',
        properties: { id: 'w2', code: 'X02', name: 'South', attribution: 'Synthetic boundaries' },
        geometry: { type: 'MultiPolygon', coordinates: [[[[2.1, 54.2], [2.25, 54.2], [2.25, 54.3], [2.1, 54.2]]]] },
      },
      { type: 'Feature', properties: null, geometry: null },
    ],
  };
  it('keeps only wards with geometry and an id', () => {
    expect(asWardCollection(fc)?.features.map((f) => f.properties.id)).toEqual(['w1', 'w2']);
    expect(asWardCollection('nope')).toBeNull();
  });
  it('fits bounds around every ward and joins distinct attributions', () => {
    const wards = asWardCollection(fc);
    expect(boundsOf(wards)).toEqual([
      [54.2, 2.1],
      [54.4, 2.3],
    ]);
    expect(boundsOf(asWardCollection({ type: 'FeatureCollection', features: [] }))).toBeNull();
    expect(attributionOf(wards)).toBe('Synthetic boundaries');
  });
  it('sizes markers by incidents within limits', () => {
    expect(markerRadius(0)).toBe(6);
    expect(markerRadius(4)).toBe(12);
    expect(markerRadius(10_000)).toBe(22);
  });
});
