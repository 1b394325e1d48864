import 'leaflet/dist/leaflet.css';
import '../../../components/map/map.css';
import './explore-map.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Feature, Geometry } from 'geojson';
import L, { type LatLngBoundsExpression, type Layer, type LeafletEvent, type PathOptions } from 'leaflet';
import { CircleMarker, GeoJSON, MapContainer, Marker, Pane, TileLayer, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import Supercluster from 'supercluster';
import { attributionOf, boundsOf, colourFor, markerRadius, RISK_COLOURS, RISK_LABELS, type LegendStep, type WardCollection, type WardProperties } from '../../../components/map/choropleth';
import { NEW_RING, PERSISTENT_RING, SELECTED, type MapLocation, type MapWard } from '../../../components/map/mapParts';
import { attributionHtml, wardFillOpacity, type MapTiles } from '../../../components/map/tiles';
import { keyboardButton, locationLabel, wardLabel } from './keyboard';

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
  /** A tile layer to draw under the wards; none by default. */
  tiles?: MapTiles | null;
}


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

/**
 * The ward polygons. The layer is built once per set of boundaries and restyled in place, so a ward
 * keeps keyboard focus when it is selected (rebuilding would remove the focused element).
 */
function WardLayer({ wards, totals, steps, selectedWardId, onSelectWard, tiles }: Pick<Props, 'wards' | 'totals' | 'steps' | 'selectedWardId' | 'onSelectWard' | 'tiles'>) {
  const attribution = useMemo(() => attributionOf(wards), [wards]);
  const totalsById = useMemo(() => new Map(totals.map((t) => [t.wardId, t])), [totals]);
  const layers = useRef(new Map<string, { layer: L.Path; name: string }>());
  const latest = useRef({ totalsById, onSelectWard });
  useEffect(() => {
    latest.current = { totalsById, onSelectWard };
  }, [totalsById, onSelectWard]);

  const style = (feature?: Feature<Geometry, WardProperties>): PathOptions => {
    const id = feature?.properties.id ?? '';
    const selected = id === selectedWardId;
    return {
      color: selected ? '#0b0c0c' : '#505a5f',
      weight: selected ? 4 : 1,
      fillColor: colourFor(totalsById.get(id)?.incidents ?? 0, steps),
      fillOpacity: wardFillOpacity(tiles),
    };
  };

  // Tooltips and accessible names follow the totals; the selected ward's outline is drawn on top.
  useEffect(() => {
    for (const [id, { layer, name }] of layers.current) {
      const total = totalsById.get(id);
      layer.setTooltipContent(wardTooltip(name, total));
      const el = layer.getElement() as SVGElement | undefined;
      el?.setAttribute('aria-label', wardLabel(name, total, id === selectedWardId));
      if (id === selectedWardId) {
        // Bringing it to the front moves the element, which takes keyboard focus away: give it back.
        const focused = el !== undefined && el === document.activeElement;
        layer.bringToFront();
        if (focused) el.focus({ preventScroll: true });
      }
    }
  }, [totalsById, selectedWardId]);

  const onEachFeature = (feature: Feature<Geometry, WardProperties>, layer: Layer) => {
    const { id, name } = feature.properties;
    const path = layer as L.Path;
    layers.current.set(id, { layer: path, name });
    path.bindTooltip(wardTooltip(name, latest.current.totalsById.get(id)), { sticky: true });
    path.on('click', () => latest.current.onSelectWard(id));
    let release = () => {};
    path.on('add', () => {
      release();
      release = keyboardButton(path.getElement(), wardLabel(name, latest.current.totalsById.get(id), false), () => latest.current.onSelectWard(id));
    });
    path.on('remove', () => {
      release();
      layers.current.delete(id);
    });
  };

  return (
    // Below the overlay pane (400), so the wards never cover the locations.
    <Pane name="wards" style={{ zIndex: 350 }}>
      <GeoJSON key={wards.features.map((f) => f.properties.id).join(',')} data={wards} style={style} onEachFeature={onEachFeature} attribution={attribution ? attributionHtml(attribution) : undefined} />
    </Pane>
  );
}

type PointProps = { locationId: string };

/** Location markers, clustered when they crowd together at the current zoom; a cluster zooms in when selected. */
function LocationLayer({ locations, selectedLocationId, onSelectLocation }: Pick<Props, 'locations' | 'selectedLocationId' | 'onSelectLocation'>) {
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
  const latestIndex = useRef(index);
  useEffect(() => {
    latestIndex.current = index;
  }, [index]);
  const b = view.bounds;
  const clusters = index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], view.zoom);

  const zoomInto = (clusterId: number, lat: number, lng: number, fromKeyboard: boolean) => {
    // The cluster's marker goes away as the map zooms: keep keyboard focus on the map.
    if (fromKeyboard) map.once('moveend', () => map.getContainer().focus({ preventScroll: true }));
    map.flyTo([lat, lng], Math.min(latestIndex.current.getClusterExpansionZoom(clusterId), 18));
  };

  return (
    <>
      {clusters.map((c) => {
        const [lng, lat] = c.geometry.coordinates as [number, number];
        const props = c.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProps>;
        if (props.cluster && typeof props.cluster_id === 'number') {
          const clusterId = props.cluster_id;
          const count = props.point_count ?? 0;
          const size = count >= 50 ? 44 : count >= 10 ? 36 : 30;
          const icon = L.divIcon({ html: `<span>${count}</span>`, className: 'app-map-cluster', iconSize: [size, size] });
          const name = `Group of ${count} locations: select to zoom in`;
          return (
            <Marker
              key={`cluster-${clusterId}`}
              position={[lat, lng]}
              icon={icon}
              title={name}
              eventHandlers={{
                click: () => zoomInto(clusterId, lat, lng, false),
                add: (e: LeafletEvent) => {
                  keyboardButton((e.target as L.Marker).getElement(), name, () => zoomInto(clusterId, lat, lng, true));
                },
              }}
            />
          );
        }
        const loc = props.locationId ? byId.get(props.locationId) : undefined;
        if (!loc) return null;
        return (
          <LocationMarker
            key={loc.locationId}
            loc={loc}
            center={[lat, lng]}
            radius={markerRadius(loc.incidents)}
            selected={loc.locationId === selectedLocationId}
            onSelect={onSelectLocation}
          />
        );
      })}
    </>
  );
}

function LocationMarker({ loc, center, radius, selected, onSelect }: { loc: MapLocation; center: [number, number]; radius: number; selected: boolean; onSelect: (id: string) => void }) {
  const ref = useRef<L.CircleMarker | null>(null);
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);
  // The circle is a keyboard button for as long as it is on the map.
  useEffect(() => {
    const marker = ref.current;
    if (!marker) return;
    let release = keyboardButton(marker.getElement(), locationLabel(loc, selected), () => select.current(loc.locationId));
    const onAdd = () => {
      release();
      release = keyboardButton(marker.getElement(), locationLabel(loc, selected), () => select.current(loc.locationId));
    };
    marker.on('add', onAdd);
    return () => {
      marker.off('add', onAdd);
      release();
    };
  }, [loc, selected]);

  const fill = RISK_COLOURS[loc.highestRisk] ?? '#505a5f';
  const style: PathOptions = { color: selected ? SELECTED : '#ffffff', weight: selected ? 4 : 1.5, fillColor: fill, fillOpacity: 0.9 };
  return (
    <>
      {loc.persistent ? <CircleMarker center={center} radius={radius + 4} interactive={false} pathOptions={{ color: PERSISTENT_RING, weight: 3, fill: false }} /> : null}
      {loc.isNew ? (
        <CircleMarker center={center} radius={radius + (loc.persistent ? 8 : 4)} interactive={false} pathOptions={{ color: NEW_RING, weight: 2.5, dashArray: '4 3', fill: false }} />
      ) : null}
      <CircleMarker ref={ref} center={center} radius={radius} pathOptions={style} eventHandlers={{ click: () => onSelect(loc.locationId) }}>
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

/**
 * The hot-spot map for exploring: wards as a choropleth of incidents, over a tile layer only when one
 * is configured, locations as circles. Wards, locations and clusters are buttons for the keyboard too
 * (Tab, then Enter or Space).
 */
export function ExploreMap({ wards, totals, locations, steps, selectedWardId, selectedLocationId, onSelectWard, onSelectLocation, label, tiles }: Props) {
  const bounds = useMemo(() => boundsOf(wards), [wards]);
  return (
    <div className="app-map app-explore-map" role="region" aria-label={label}>
      <p className="govuk-visually-hidden">Use Tab to move between the locations and the wards on the map, and Enter or Space to select one.</p>
      <MapContainer className="app-map__canvas" bounds={bounds ?? undefined} center={bounds ? undefined : [54.35, 2.27]} zoom={bounds ? undefined : 11} zoomSnap={1}>
        <FitToWards bounds={bounds} />
        {tiles ? <TileLayer key={tiles.urlTemplate} url={tiles.urlTemplate} attribution={attributionHtml(tiles.attribution)} /> : null}
        <WardLayer wards={wards} totals={totals} steps={steps} selectedWardId={selectedWardId} onSelectWard={onSelectWard} tiles={tiles} />
        <LocationLayer locations={locations} selectedLocationId={selectedLocationId} onSelectLocation={onSelectLocation} />
      </MapContainer>
    </div>
  );
}
