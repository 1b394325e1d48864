import { describe, expect, it, vi } from 'vitest';
import { keyboardButton, locationLabel, wardLabel } from './keyboard';

describe('keyboardButton', () => {
  it('makes a map shape a named button that Enter and Space select, until released', () => {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    const onActivate = vi.fn();
    const release = keyboardButton(path, 'Ward Dunmore: 3 incidents, 5 sightings', onActivate);
    expect(path.getAttribute('role')).toBe('button');
    expect(path.getAttribute('tabindex')).toBe('0');
    expect(path.getAttribute('aria-label')).toBe('Ward Dunmore: 3 incidents, 5 sightings');

    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
    path.dispatchEvent(enter);
    path.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', cancelable: true }));
    path.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', cancelable: true }));
    expect(onActivate).toHaveBeenCalledTimes(2);
    expect(enter.defaultPrevented).toBe(true);

    release();
    path.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onActivate).toHaveBeenCalledTimes(2);
  });

  it('does nothing without an element', () => {
    expect(() => keyboardButton(undefined, 'x', () => undefined)()).not.toThrow();
  });
});

describe('labels', () => {
  it('names a ward with its figures and whether it is selected', () => {
    expect(wardLabel('Dunmore', { incidents: 1, sightings: 0 }, false)).toBe('Ward Dunmore: 1 incident, 0 sightings');
    expect(wardLabel('Harbour', undefined, true)).toBe('Ward Harbour: 0 incidents, 0 sightings (selected)');
  });

  it('names a location with its figures, risk and hot-spot markers', () => {
    expect(locationLabel({ name: 'Bus station', incidents: 4, sightings: 9, highestRisk: 'HIGH', isNew: true, persistent: false }, false)).toBe(
      'Location Bus station: 4 incidents, 9 sightings, high risk, new hot spot',
    );
    expect(locationLabel({ name: 'Park', incidents: 0, sightings: 1, highestRisk: 'LOW', isNew: false, persistent: true }, true)).toBe(
      'Location Park: 0 incidents, 1 sighting, low risk, persistent (selected)',
    );
  });
});
