import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { Role } from '@mase/shared';
import { DataTable } from '../../components/DataTable';
import { QueryError } from '../../components/QueryError';
import { asWardCollection, choroplethSteps } from '../../components/map/choropleth';
import { MapLegend, type MapWard } from '../../components/map/mapParts';
import { MeetingFiguresDocument, type MeetingFiguresQuery, type MeetingSummaryFragment } from '../../gql/graphql';
import { ChartView } from '../analysis/ChartView';
import { hasHidden, RAG_COLOURS, SUPPRESSED_NOTE, type ChartSpec } from '../analysis/data';
import { ExploreMap } from '../intelligence/map/ExploreMap';
import { Markers, RiskTag } from '../intelligence/map/parts';
import { formatMonth } from '../intelligence/months';
import { entryHref } from './format';

type Figures = NonNullable<MeetingFiguresQuery['meeting']['figures']>;
type HotSpots = NonNullable<Figures['hotSpots']>;
type HotSpot = HotSpots['locations'][number];
type Tiles = MeetingFiguresQuery['mapTiles'];

/** The chart's stacks, bottom to top, as the pack draws them. */
const RAG_ORDER = ['RED', 'AMBER', 'GREEN', 'NONE'];

export interface AgendaFiguresState {
  figures: Figures | null;
  tiles: Tiles | null;
  loading: boolean;
  error: Error | undefined;
  retry: () => void;
}

/**
 * The agenda's figures: live while it is being prepared, then as they stood when it was issued. Read
 * again when the agenda is generated or issued.
 */
export function useAgendaFigures(meeting: Pick<MeetingSummaryFragment, 'id' | 'status' | 'agendaGeneratedAt'>, role: Role, skip: boolean): AgendaFiguresState {
  const withTiles = role !== 'AGENCY_LEAD';
  const { data, loading, error, refetch } = useQuery(MeetingFiguresDocument, { variables: { id: meeting.id, withTiles }, skip, fetchPolicy: 'cache-and-network' });
  const seen = useRef(`${meeting.status}|${meeting.agendaGeneratedAt ?? ''}`);
  useEffect(() => {
    const now = `${meeting.status}|${meeting.agendaGeneratedAt ?? ''}`;
    if (skip || now === seen.current) return;
    seen.current = now;
    void refetch().catch(() => undefined);
  }, [meeting.status, meeting.agendaGeneratedAt, skip, refetch]);
  return {
    figures: data?.meeting.figures ?? null,
    tiles: data?.mapTiles ?? null,
    loading: loading && !data,
    error: error && !data ? error : undefined,
    retry: () => void refetch().catch(() => undefined),
  };
}

function FrozenNote({ frozen }: { frozen: boolean }) {
  return (
    <p className="govuk-body-s app-agenda-muted" data-testid="figures-basis">
      {frozen ? 'As the figures stood when the agenda was issued.' : 'From the data as it stands: the figures are frozen when the agenda is issued.'}
    </p>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** 5. Locations: the new and persistent hot spots on the map (ward outlines, with tiles when configured) and as a table. */
export function LocationsFigures({ state, role }: { state: AgendaFiguresState; role: Role }) {
  const [selected, setSelected] = useState<{ ward: string | null; place: string | null }>({ ward: null, place: null });
  const hotSpots = state.figures?.hotSpots ?? null;
  const wards = useMemo(() => asWardCollection(hotSpots?.wardGeometry), [hotSpots]);
  const totals = useMemo<MapWard[]>(
    () => (hotSpots?.wards ?? []).map((w) => ({ wardId: w.name, name: w.name, incidents: w.incidents, sightings: w.sightings, locations: hotSpots!.locations.filter((l) => l.ward === w.name).length })),
    [hotSpots],
  );
  const steps = useMemo(() => choroplethSteps(totals.map((w) => w.incidents)), [totals]);

  if (state.error) return <QueryError error={state.error} onRetry={state.retry} />;
  if (state.loading) return <p className="govuk-body app-agenda-muted">Loading the map of hot spots…</p>;
  if (!state.figures) return null;
  if (!hotSpots) {
    return (
      <p className="govuk-body app-agenda-muted" data-testid="hot-spot-map-withheld">
        The map of hot spots is for the panel’s intelligence roles: the hot spots are listed above.
      </p>
    );
  }
  const span = `${formatMonth(hotSpots.from)} to ${formatMonth(hotSpots.to)}`;
  const places = [...hotSpots.locations].sort((a, b) => b.incidents - a.incidents || a.name.localeCompare(b.name));
  const unplaced = places.filter((l) => l.lat == null || l.lng == null).length;
  const place = places.find((l) => l.locationId === selected.place) ?? null;
  const ward = selected.ward ? totals.find((w) => w.wardId === selected.ward) : undefined;
  const placeHref = (l: HotSpot) => entryHref(role, 'PLACE', l.locationId);

  return (
    <div className="app-agenda-figures" data-testid="hot-spot-figures" aria-labelledby="hot-spot-figures-title" role="region">
      <h4 className="govuk-heading-s" id="hot-spot-figures-title">
        Hot spots on the map, {span}
      </h4>
      {places.length === 0 ? (
        <div className="govuk-inset-text" data-testid="no-hot-spots">
          No new or persistent hot spots from {span}: no place was reported for the first time in the last month, and none in each of the three months.
        </div>
      ) : (
        <>
          {!wards || wards.features.length === 0 ? (
            <div className="govuk-inset-text" data-testid="no-ward-boundaries">
              No ward boundaries are imported, so there is no map: the hot spots are in the table below.
            </div>
          ) : (
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-two-thirds">
                <ExploreMap
                  label={`Map of the new and persistent hot spots, ${span}`}
                  wards={wards}
                  totals={totals}
                  locations={places}
                  steps={steps}
                  selectedWardId={selected.ward}
                  selectedLocationId={selected.place}
                  onSelectWard={(id) => setSelected({ ward: id, place: null })}
                  onSelectLocation={(id) => setSelected({ ward: places.find((l) => l.locationId === id)?.ward ?? null, place: id })}
                  tiles={state.tiles}
                />
                {unplaced > 0 ? <p className="govuk-body-s">{count(unplaced, 'hot spot has', 'hot spots have')} no point on the map (online, or not yet located): see the table.</p> : null}
              </div>
              <div className="govuk-grid-column-one-third" role="region" aria-label="Selected on the hot-spot map" aria-live="polite" data-testid="hot-spot-selected">
                {place ? (
                  <>
                    <h5 className="govuk-heading-s govuk-!-margin-bottom-2">{place.name}</h5>
                    <p className="govuk-body-s govuk-!-margin-bottom-2">
                      {place.ward ? `${place.ward}. ` : ''}
                      {count(place.incidents, 'incident', 'incidents')} and {count(place.sightings, 'sighting', 'sightings')} in the three months; <RiskTag risk={place.highestRisk} /> <Markers loc={place} />
                    </p>
                    {placeHref(place) ? (
                      <p className="govuk-body-s">
                        <Link className="govuk-link" to={placeHref(place)!}>
                          Open the page for {place.name}
                        </Link>
                      </p>
                    ) : null}
                  </>
                ) : ward ? (
                  <>
                    <h5 className="govuk-heading-s govuk-!-margin-bottom-2">{ward.name}</h5>
                    <p className="govuk-body-s">
                      {count(ward.incidents, 'incident', 'incidents')} and {count(ward.sightings, 'sighting', 'sightings')} in the three months; {count(ward.locations, 'hot spot', 'hot spots')} on this agenda.
                    </p>
                  </>
                ) : (
                  <p className="govuk-body-s">Select a hot spot or a ward on the map (Tab, then Enter) to see its figures.</p>
                )}
                <MapLegend steps={steps} />
              </div>
            </div>
          )}
          <DataTable<HotSpot>
            caption={`Hot spots, ${span}`}
            captionClass="govuk-table__caption--s"
            scrollLabel="Hot spots table"
            className="app-table--compact"
            rows={places}
            rowKey={(l) => l.locationId}
            columns={[
              {
                header: 'Place',
                cell: (l) => {
                  const href = placeHref(l);
                  return href ? (
                    <Link className="govuk-link" to={href}>
                      {l.name}
                    </Link>
                  ) : (
                    l.name
                  );
                },
              },
              { header: 'Ward', cell: (l) => l.ward ?? (l.lat == null ? 'Not on the map' : 'Outside the wards') },
              { header: 'Hot spot', cell: (l) => <Markers loc={l} /> },
              { header: 'Incidents', numeric: true, cell: (l) => String(l.incidents) },
              { header: 'Sightings', numeric: true, cell: (l) => String(l.sightings) },
              { header: 'Highest risk', cell: (l) => <RiskTag risk={l.highestRisk} /> },
            ]}
          />
        </>
      )}
      <FrozenNote frozen={hotSpots.frozen} />
    </div>
  );
}

/** The key chart as the analysis pages draw one: months along the bottom, the list stacked by RAG rating. */
export function ragChartSpec(chart: Figures['chart']): ChartSpec {
  const series = [...chart.series].sort((a, b) => RAG_ORDER.indexOf(a.category) - RAG_ORDER.indexOf(b.category));
  return {
    layout: 'time',
    kind: 'stacked',
    keys: chart.periods,
    labels: chart.periods.map(formatMonth),
    series: series.map((s) => ({ key: s.category, label: s.label, colour: RAG_COLOURS[s.category] ?? '#505a5f', values: s.counts })),
  };
}

/** 6. Themes: the key chart, the MASE list by RAG rating month by month, with the same figures as a table. */
export function ThemesChart({ state }: { state: AgendaFiguresState }) {
  if (state.error) return <QueryError error={state.error} onRetry={state.retry} />;
  if (state.loading) return <p className="govuk-body app-agenda-muted">Loading the chart…</p>;
  if (!state.figures) return null;
  const { chart } = state.figures;
  const spec = ragChartSpec(chart);
  const title = 'The MASE list by RAG rating, month by month';
  const empty = chart.totals.every((t) => t.value === 0);
  return (
    <div className="app-agenda-figures" data-testid="themes-chart" role="region" aria-labelledby="themes-chart-title">
      <h4 className="govuk-heading-s" id="themes-chart-title">
        {title}
      </h4>
      {empty ? (
        <div className="govuk-inset-text" data-testid="themes-chart-empty">
          Nobody was on the MASE list at the end of any month from {formatMonth(chart.periods[0])} to {formatMonth(chart.periods[chart.periods.length - 1])}: there is nothing to chart.
        </div>
      ) : (
        <>
          <ChartView spec={spec} label={`${title}, ${formatMonth(chart.periods[0])} to ${formatMonth(chart.periods[chart.periods.length - 1])}: red, amber, green and not yet screened. The table below has the figures.`} />
          {hasHidden(spec) ? <p className="govuk-body-s app-widget__note">{SUPPRESSED_NOTE}.</p> : null}
        </>
      )}
      <details className="govuk-details app-widget__table">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            Show table<span className="govuk-visually-hidden"> of the MASE list by RAG rating</span>
          </span>
        </summary>
        <div className="govuk-details__text">
          <DataTable<number>
            caption={title}
            captionClass="govuk-table__caption--s"
            scrollLabel="RAG rating table"
            className="app-table--compact"
            rows={chart.periods.map((_, i) => i)}
            rowKey={(i) => chart.periods[i]}
            columns={[
              { header: 'Month end', cell: (i) => formatMonth(chart.periods[i]) },
              ...spec.series.map((s) => ({ header: s.label, numeric: true, cell: (i: number) => s.values[i].display })),
              { header: 'On the list', numeric: true, cell: (i) => chart.totals[i].display },
            ]}
          />
        </div>
      </details>
      <FrozenNote frozen={state.figures.frozen} />
    </div>
  );
}
