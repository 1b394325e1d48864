import type { CreateLocationInput, IntelPlaceEditFragment, LocationType } from '../../../gql/graphql';
import { formErrors, type FormErrors } from '../../../lib/errors';
import { LOCATION_TYPES } from '../people/labels';

export interface PlaceDraft {
  name: string;
  type: string;
  lat: string;
  lng: string;
}

export const EMPTY_PLACE: PlaceDraft = { name: '', type: '', lat: '', lng: '' };

export function draftFromPlace(p: IntelPlaceEditFragment): PlaceDraft {
  return { name: p.name, type: p.type, lat: p.lat != null ? String(p.lat) : '', lng: p.lng != null ? String(p.lng) : '' };
}

/** An online platform has no point on the map; every other place needs one. */
export const hasPoint = (type: string) => type !== 'ONLINE_PLATFORM';

const DECIMAL = /^[-+−]?\d{1,3}(\.\d+)?$/;

/** A coordinate typed by hand ("54.35", "-2.1", with the minus sign a word processor makes), or null. */
export function parseCoordinate(value: string): number | null {
  const t = value.trim().replace('−', '-');
  if (!DECIMAL.test(t)) return null;
  return Number(t);
}

function coordinateProblem(value: string, word: 'latitude' | 'longitude', limit: number, example: string): string | null {
  if (!value.trim()) return `Enter the ${word}, for example ${example}`;
  const n = parseCoordinate(value);
  if (n === null) return `Enter the ${word} as a decimal number of degrees, for example ${example}`;
  if (Math.abs(n) > limit) return `${word === 'latitude' ? 'Latitude' : 'Longitude'} must be between −${limit} and ${limit}`;
  return null;
}

export function placeProblems(d: PlaceDraft): FormErrors {
  const point = d.type && hasPoint(d.type);
  return formErrors([
    { id: 'name', message: !d.name.trim() ? 'Enter the name of the place' : d.name.trim().length > 200 ? 'Name must be 200 characters or fewer' : null },
    { id: 'type', message: (LOCATION_TYPES as readonly string[]).includes(d.type) ? null : 'Choose the type of place' },
    { id: 'lat', message: point ? coordinateProblem(d.lat, 'latitude', 90, '54.3512') : null },
    { id: 'lng', message: point ? coordinateProblem(d.lng, 'longitude', 180, '-2.1045') : null },
  ]);
}

export function placeInput(d: PlaceDraft): CreateLocationInput {
  const point = hasPoint(d.type);
  return { name: d.name.trim(), type: d.type as LocationType, lat: point ? parseCoordinate(d.lat) : null, lng: point ? parseCoordinate(d.lng) : null };
}

export const PLACE_FIELD_IDS: Record<string, string> = { name: 'name', type: 'type', lat: 'lat', lng: 'lng' };
