import { DIMENSION_INFO, SUPPRESSED, suppressionMask } from '@mase/shared';
import type { Actor } from '../../common/auth/actor.js';
import { isSuppressed } from '../analytics/analytics.service.js';
import type { AgendaHotSpots, PackFigures } from './meeting.entities.js';
import type { AgendaFiguresView, AgendaRagChartView, FigureCount } from './meetings.types.js';

const RAG_LABELS = new Map(DIMENSION_INFO.RAG.categories!.map((c) => [c.key, c.label]));
const count = (value: number, hidden: boolean): FigureCount => (hidden ? { value: null, display: SUPPRESSED } : { value, display: String(value) });

/** Agency leads get no map of the hot spots, in the pack or on screen: the Locations item lists them (without their detail). */
export const mayViewHotSpotMap = (actor: Pick<Actor, 'role'>): boolean => actor.role !== 'AGENCY_LEAD';

/**
 * The list by RAG month by month as a viewer may see it. Under disclosure control the product's rule
 * applies to the table of months by rating with each month's total: a hidden count has no value and
 * reads c. The pack draws its chart from this, and the agenda on screen shows it.
 */
export function ragChartView(rag: PackFigures['rag'], suppress: boolean): AgendaRagChartView {
  const mask = suppress ? suppressionMask(rag.periods.map((_, i) => ({ cells: rag.cells[i], total: rag.totals[i] }))) : null;
  return {
    periods: rag.periods,
    series: rag.categories.map((category, j) => ({
      category,
      label: RAG_LABELS.get(category) ?? category,
      counts: rag.periods.map((_, i) => count(rag.cells[i][j], mask?.cells[i][j] ?? false)),
    })),
    totals: rag.totals.map((t, i) => count(t, mask?.totals[i] ?? false)),
  };
}

/**
 * The agenda's figures for a viewer: the key chart of the Themes section and the map of the
 * Locations section. `figures` are frozen at issue (or live before); `hotSpots` come with them
 * unless they were frozen before agendas kept them, and `frozen` says which are which.
 */
export function figuresView(actor: Actor, figures: PackFigures, hotSpots: AgendaHotSpots, frozen: { chart: boolean; hotSpots: boolean }): AgendaFiguresView {
  const wards = new Map(hotSpots.wards.map((w) => [w.name, w]));
  return {
    period: figures.period,
    frozen: frozen.chart,
    chart: ragChartView(figures.rag, isSuppressed(actor)),
    hotSpots: mayViewHotSpotMap(actor)
      ? {
          from: hotSpots.from,
          to: hotSpots.to,
          frozen: frozen.hotSpots,
          locations: hotSpots.locations,
          wards: figures.map.wards.map((w) => ({ name: w.name, incidents: wards.get(w.name)?.incidents ?? 0, sightings: wards.get(w.name)?.sightings ?? 0 })),
          // The outlines as the map draws them: wards are known by name in the snapshot.
          wardGeometry: {
            type: 'FeatureCollection',
            features: figures.map.wards.map((w) => ({ type: 'Feature', geometry: w.geometry, properties: { id: w.name, code: '', name: w.name, attribution: w.attribution } })),
          },
        }
      : null,
  };
}
