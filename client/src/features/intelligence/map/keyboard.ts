import type { MapLocation, MapWard } from '../../../components/map/mapParts';
import { RISK_LABELS } from '../../../components/map/choropleth';

/**
 * Makes a map shape (an SVG path or a marker's element) a button for the keyboard: Tab reaches it,
 * Enter or Space selects it. Returns a function that undoes it.
 */
export function keyboardButton(el: Element | undefined | null, label: string, onActivate: () => void): () => void {
  if (!el) return () => undefined;
  el.setAttribute('tabindex', '0');
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', label);
  const onKey = (e: Event) => {
    const key = (e as KeyboardEvent).key;
    if (key !== 'Enter' && key !== ' ') return;
    e.preventDefault();
    e.stopPropagation();
    onActivate();
  };
  el.addEventListener('keydown', onKey);
  return () => el.removeEventListener('keydown', onKey);
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a screen reader says for a ward on the map. */
export function wardLabel(name: string, total: Pick<MapWard, 'incidents' | 'sightings'> | undefined, selected: boolean): string {
  return `Ward ${name}: ${count(total?.incidents ?? 0, 'incident', 'incidents')}, ${count(total?.sightings ?? 0, 'sighting', 'sightings')}${selected ? ' (selected)' : ''}`;
}

/** What a screen reader says for a location on the map. */
export function locationLabel(loc: Pick<MapLocation, 'name' | 'incidents' | 'sightings' | 'highestRisk' | 'isNew' | 'persistent'>, selected: boolean): string {
  const notes = [loc.isNew ? 'new hot spot' : '', loc.persistent ? 'persistent' : ''].filter(Boolean).join(', ');
  return (
    `Location ${loc.name}: ${count(loc.incidents, 'incident', 'incidents')}, ${count(loc.sightings, 'sighting', 'sightings')}, ` +
    `${(RISK_LABELS[loc.highestRisk] ?? loc.highestRisk).toLowerCase()} risk${notes ? `, ${notes}` : ''}${selected ? ' (selected)' : ''}`
  );
}
