import 'leaflet/dist/leaflet.css';
import './map.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Feature, Geometry } from 'geojson';
import L, { type LatLngBoundsExpression, type Layer, type PathOptions } from 'leaflet';
import { CircleMarker, GeoJSON, MapContainer, Marker, Pane, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import Supercluster from 'supercluster';
import { attributionOf, boundsOf, colourFor, markerRadius, RISK_COLOURS, RISK_LABELS, type LegendStep, type WardCollection, type WardProperties } from './choropleth';

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

interface Props {
  wards: WardCollection;
  totals: readonly MapWard[];
  locations: readonly MapLocation[];
  steps: readonly LegendStep[];
  selectedWardId: string | null;
  selectedLocationId: string | null;
  onSelectWard: (wardId: string) => void;
  onSelectLocation: (locationId: string) => void;
  /** Accessible name of the map region. */
  label: string;
}

const NEW_RING = '#1d70b8';
const PERSISTENT_RING = '#0b0c0c';
const SELECTED = '#ffdd00';

/** Fits the view to the wards whenever they change. */
function FitToWards({ bounds }: { bounds: LatLngBoundsExpression | null }) {
  const map = useMap();
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [12, 12] });
  }, [map, bounds]);
  return null;
}

function wardTooltip(name: string, total: MapWard | undefined): HTMLElement {
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = name;
  const counts = document.createElement('div');
  counts.textContent = `Incidents: ${total?.incidents ?? 0} · Sightings: ${total?.sightings ?? 0}`;
  box.append(title, counts);
  return box;
}

type PointProps = { locationId: string };

/** Location markers, clustered when they crowd together at the current zoom. */
function LocationLayer({
  locations,
  selectedLocationId,
  onSelectLocation,
}: Pick<Props, 'locations' | 'selectedLocationId' | 'onSelectLocation'>) {
  const map = useMap();
  const [view, setView] = useState(() => ({ zoom: Math.round(map.getZoom()), bounds: map.getBounds() }));
  useMapEvents({
    moveend: () => setView({ zoom: Math.round(map.getZoom()), bounds: map.getBounds() }),
  });
  const byId = useMemo(() => new Map(locations.map((l) => [l.locationId, l])), [locations]);
  const index = useMemo(() => {
    const sc = new Supercluster<PointProps>({ radius: 36, maxZoom: 16 });
    sc.load(
      locations
        .filter((l) => l.lat != null && l.lng != null)
        .map((l) => ({ type: 'Feature' as const, properties: { locationId: l.locationId }, geometry: { type: 'Point' as const, coordinates: [l.lng!, l.lat!] } })),
    );
    return sc;
  }, [locations]);
  const b = view.bounds;
  const clusters = index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], view.zoom);

  return (
    <>
      {clusters.map((c) => {
        const [lng, lat] = c.geometry.coordinates as [number, number];
        const props = c.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProps>;
        if (props.cluster && typeof props.cluster_id === 'number') {
          const clusterId = props.cluster_id;
          const count = props.point_count ?? 0;
          const size = count >= 50 ? 44 : count >= 10 ? 36 : 30;
          const icon = L.divIcon({
            html: `<span>${count}</span>`,
            className: 'app-map-cluster',
            iconSize: [size, size],
          });
          return (
            <Marker
              key={`cluster-${clusterId}`}
              position={[lat, lng]}
              icon={icon}
              title={`${count} locations: zoom in`}
              eventHandlers={{ click: () => map.flyTo([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), 18)) }}
            />
          );
        }
        const loc = props.locationId ? byId.get(props.locationId) : undefined;
        if (!loc) return null;
        const radius = markerRadius(loc.incidents);
        const selected = loc.locationId === selectedLocationId;
        return (
          <LocationMarker key={loc.locationId} loc={loc} center={[lat, lng]} radius={radius} selected={selected} onSelect={onSelectLocation} />
        );
      })}
    </>
  );
}

function LocationMarker({
  loc,
  center,
  radius,
  selected,
  onSelect,
}: {
  loc: MapLocation;
  center: [number, number];
  radius: number;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const fill = RISK_COLOURS[loc.highestRisk] ?? '#505a5f';
  const style: PathOptions = { color: selected ? SELECTED : '#ffffff', weight: selected ? 4 : 1.5, fillColor: fill, fillOpacity: 0.9 };
  return (
    <>
      {loc.persistent ? (
        <CircleMarker center={center} radius={radius + 4} interactive={false} pathOptions={{ color: PERSISTENT_RING, weight: 3, fill: false }} />
      ) : null}
      {loc.isNew ? (
        <CircleMarker center={center} radius={radius + (loc.persistent ? 8 : 4)} interactive={false} pathOptions={{ color: NEW_RING, weight: 2.5, dashArray: '4 3', fill: false }} />
      ) : null}
      <CircleMarker center={center} radius={radius} pathOptions={style} eventHandlers={{ click: () => onSelect(loc.locationId) }}>
        <Tooltip>
          <strong>{loc.name}</strong>
          <br />
          Incidents: {loc.incidents} · Sightings: {loc.sightings}
          <br />
          Highest risk: {RISK_LABELS[loc.highestRisk] ?? loc.highestRisk}
          {loc.isNew ? ' · New hot spot' : ''}
          {loc.persistent ? ' · Persistent' : ''}
        </Tooltip>
      </CircleMarker>
    </>
  );
}

/** The hot-spot map: wards as a choropleth of incidents (no tile layer), locations as circles. */
export function HotSpotMap({ wards, totals, locations, steps, selectedWardId, selectedLocationId, onSelectWard, onSelectLocation, label }: Props) {
  const bounds = useMemo(() => boundsOf(wards), [wards]);
  const attribution = useMemo(() => attributionOf(wards), [wards]);
  const totalsById = useMemo(() => new Map(totals.map((t) => [t.wardId, t])), [totals]);
  const selectWard = useRef(onSelectWard);
  useEffect(() => {
    selectWard.current = onSelectWard;
  }, [onSelectWard]);

  const style = (feature?: Feature<Geometry, WardProperties>): PathOptions => {
    const id = feature?.properties.id ?? '';
    const selected = id === selectedWardId;
    return {
      color: selected ? '#0b0c0c' : '#505a5f',
      weight: selected ? 4 : 1,
      fillColor: colourFor(totalsById.get(id)?.incidents ?? 0, steps),
      fillOpacity: 0.75,
    };
  };
  // The GeoJSON layer binds tooltips once, so it is rebuilt when the totals or selection change.
  const layerKey = `${totals.map((t) => `${t.wardId}:${t.incidents}:${t.sightings}`).join(',')}|${selectedWardId ?? ''}`;

  const onEachFeature = (feature: Feature<Geometry, WardProperties>, layer: Layer) => {
    const id = feature.properties.id;
    layer.bindTooltip(wardTooltip(feature.properties.name, totalsById.get(id)), { sticky: true });
    layer.on('click', () => selectWard.current(id));
  };

  return (
    <div className="app-map" role="region" aria-label={label}>
      <MapContainer className="app-map__canvas" bounds={bounds ?? undefined} center={bounds ? undefined : [54.35, 2.27]} zoom={bounds ? undefined : 11} zoomSnap={1}>
        <FitToWards bounds={bounds} />
        {/* Below the overlay pane (400), so rebuilding the wards never covers the locations. */}
        <Pane name="wards" style={{ zIndex: 350 }}>
          <GeoJSON key={layerKey} data={wards} style={style} onEachFeature={onEachFeature} attribution={attribution || undefined} />
        </Pane>
        <LocationLayer locations={locations} selectedLocationId={selectedLocationId} onSelectLocation={onSelectLocation} />
      </MapContainer>
    </div>
  );
}

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
