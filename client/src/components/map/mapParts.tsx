import 'leaflet/dist/leaflet.css';
import './map.css';
import { RISK_COLOURS, RISK_LABELS, type LegendStep } from './choropleth';

export interface MapWard {
  wardId: string;
  name: string;
  incidents: number;
  sightings: number;
  locations: number;
}

export interface MapLocation {
  locationId: string;
  name: string;
  lat?: number | null;
  lng?: number | null;
  incidents: number;
  sightings: number;
  highestRisk: string;
  isNew: boolean;
  persistent: boolean;
}

/** Rings drawn around new and persistent hot spots, and the colour of a selection. */
export const NEW_RING = '#1d70b8';
export const PERSISTENT_RING = '#0b0c0c';
export const SELECTED = '#ffdd00';

/** The map's key: the choropleth steps and the marker encodings. */
export function MapLegend({ steps }: { steps: readonly LegendStep[] }) {
  return (
    <div className="app-map-legend">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">Key</h3>
      <p className="govuk-body-s govuk-!-margin-bottom-1">Incidents in the ward</p>
      <ul className="app-map-legend__list">
        {steps.map((s) => (
          <li key={s.label} className="app-map-legend__item">
            <svg className="app-map-legend__swatch" width="20" height="14" aria-hidden="true" focusable="false">
              <rect width="20" height="14" fill={s.colour} stroke="#505a5f" />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <p className="govuk-body-s govuk-!-margin-bottom-1 govuk-!-margin-top-2">Locations (size: incidents)</p>
      <ul className="app-map-legend__list">
        {(['HIGH', 'MEDIUM', 'LOW'] as const).map((r) => (
          <li key={r} className="app-map-legend__item">
            <svg className="app-map-legend__swatch" width="20" height="20" aria-hidden="true" focusable="false">
              <circle cx="10" cy="10" r="7" fill={RISK_COLOURS[r]} stroke="#ffffff" strokeWidth="1.5" />
            </svg>
            {RISK_LABELS[r]} risk
          </li>
        ))}
        <li className="app-map-legend__item">
          <svg className="app-map-legend__swatch" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="10" cy="10" r="8" fill="none" stroke={NEW_RING} strokeWidth="2.5" strokeDasharray="4 3" />
          </svg>
          New hot spot
        </li>
        <li className="app-map-legend__item">
          <svg className="app-map-legend__swatch" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="10" cy="10" r="8" fill="none" stroke={PERSISTENT_RING} strokeWidth="3" />
          </svg>
          Persistent (3+ months running)
        </li>
        <li className="app-map-legend__item">
          <span className="app-map-cluster app-map-cluster--legend" aria-hidden="true">
            <span>5</span>
          </span>
          Group of locations (select to zoom in)
        </li>
      </ul>
    </div>
  );
}
