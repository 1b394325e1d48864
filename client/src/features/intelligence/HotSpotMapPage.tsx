import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Tag } from '../../components/Tag';
import { asWardCollection, choroplethSteps, RISK_LABELS } from '../../components/map/choropleth';
import { HotSpotMap, MapLegend } from '../../components/map/HotSpotMap';
import {
  IntelHotSpotMapDocument,
  IntelLocationDetailDocument,
  IntelWardGeometryDocument,
  type IntelHotSpotMapQuery,
  type IntelLocationDetailQuery,
} from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { BackLink } from '../admin/BackLink';
import { formatMonth, lastTwelveMonths, type MonthRange } from './months';
import { MonthRangeForm } from './MonthRangeForm';

type WardTotal = IntelHotSpotMapQuery['hotSpotMap']['wards'][number];
type LocationTotal = IntelHotSpotMapQuery['hotSpotMap']['locations'][number];
type Report = IntelLocationDetailQuery['hotSpotReports'][number];

export function humanise(value: string): string {
  const s = value.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function RiskTag({ risk }: { risk: string }) {
  return <Tag colour={risk === 'HIGH' ? 'red' : risk === 'MEDIUM' ? 'orange' : 'green'}>{RISK_LABELS[risk] ?? risk}</Tag>;
}

function Markers({ loc }: { loc: LocationTotal }) {
  return (
    <>
      {loc.isNew ? <Tag colour="blue">New</Tag> : null} {loc.persistent ? <Tag colour="grey">Persistent</Tag> : null}
    </>
  );
}

function LocationDetail({ loc, range, onClose }: { loc: LocationTotal; range: MonthRange; onClose: () => void }) {
  const { data, error, refetch } = useQuery(IntelLocationDetailDocument, { variables: { id: loc.locationId, range } });
  return (
    <section aria-labelledby="location-detail-heading">
      <span className="govuk-caption-m">Location</span>
      <h2 className="govuk-heading-m" id="location-detail-heading" tabIndex={-1}>
        {loc.name}
      </h2>
      <dl className="govuk-summary-list govuk-summary-list--no-border app-table--compact">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Type</dt>
          <dd className="govuk-summary-list__value">{humanise(loc.type)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Ward</dt>
          <dd className="govuk-summary-list__value">{data?.location.ward ? `${data.location.ward.name} (${data.location.ward.code})` : data ? 'Not in an imported ward' : '…'}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Incidents</dt>
          <dd className="govuk-summary-list__value">{loc.incidents}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Sightings</dt>
          <dd className="govuk-summary-list__value">{loc.sightings}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Months reported</dt>
          <dd className="govuk-summary-list__value">{loc.months}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Highest risk</dt>
          <dd className="govuk-summary-list__value">
            <RiskTag risk={loc.highestRisk} /> <Markers loc={loc} />
          </dd>
        </div>
      </dl>
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data ? (
        <Loading what="Loading monthly reports" />
      ) : data.hotSpotReports.length === 0 ? (
        <p className="govuk-body">No monthly reports in this range.</p>
      ) : (
        <DataTable<Report>
          caption="Monthly reports"
          captionClass="govuk-table__caption--s"
          className="app-table--compact"
          rows={[...data.hotSpotReports].sort((a, b) => a.month.localeCompare(b.month))}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Month', cell: (r) => <span className="app-nowrap">{formatMonth(r.month)}</span> },
            { header: 'Incidents', numeric: true, cell: (r) => String(r.incidents) },
            { header: 'Sightings', numeric: true, cell: (r) => String(r.sightings) },
            { header: 'Risk', cell: (r) => <RiskTag risk={r.riskLevel} /> },
          ]}
        />
      )}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
        Close location
      </button>
    </section>
  );
}

export function HotSpotMapPage() {
  usePageTitle('Hot-spot map');
  const [range, setRange] = useState<MonthRange>(() => lastTwelveMonths());
  const [wardId, setWardId] = useState<string | null>(null);
  const [locationId, setLocationId] = useState<string | null>(null);
  const sideRef = useRef<HTMLDivElement>(null);
  const geometry = useQuery(IntelWardGeometryDocument);
  const totals = useQuery(IntelHotSpotMapDocument, { variables: { range }, fetchPolicy: 'cache-and-network' });
  const wards = useMemo(() => asWardCollection(geometry.data?.boundaryGeometry), [geometry.data]);
  const wardTotals = useMemo(() => totals.data?.hotSpotMap.wards ?? [], [totals.data]);
  const locations = useMemo(() => totals.data?.hotSpotMap.locations ?? [], [totals.data]);
  const steps = useMemo(() => choroplethSteps(wardTotals.map((w) => w.incidents)), [wardTotals]);
  const ward = wardTotals.find((w) => w.wardId === wardId) ?? null;
  const wardName = ward?.name ?? wards?.features.find((f) => f.properties.id === wardId)?.properties.name;
  const location = locations.find((l) => l.locationId === locationId) ?? null;
  const wardLocations = locations.filter((l) => l.wardId === wardId).sort((a, b) => b.incidents - a.incidents);
  const sortedWards = [...wardTotals].sort((a, b) => b.incidents - a.incidents || b.sightings - a.sightings || a.name.localeCompare(b.name));
  const sortedLocations = [...locations].sort((a, b) => b.incidents - a.incidents || a.name.localeCompare(b.name));

  const showSide = () => requestAnimationFrame(() => sideRef.current?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: false }));
  const selectWard = (id: string) => {
    setWardId(id);
    setLocationId(null);
  };
  const selectLocation = (id: string, focus = false) => {
    setLocationId(id);
    const loc = locations.find((l) => l.locationId === id);
    if (loc?.wardId) setWardId(loc.wardId);
    if (focus) showSide();
  };

  const failed = geometry.error ?? (totals.error && !totals.data ? totals.error : undefined);

  return (
    <>
      <BackLink to="/intelligence">Back to intelligence</BackLink>
      <h1 className="govuk-heading-l">Hot-spot map</h1>
      <p className="govuk-body">
        Wards are shaded by incidents reported at their locations from {formatMonth(range.from)} to {formatMonth(range.to)}. Select a ward to list
        its locations, or a location to see its monthly reports. The same figures are in the tables below the map.
      </p>
      <MonthRangeForm
        value={range}
        onChange={(r) => {
          setRange(r);
          setLocationId(null);
        }}
      />
      {failed ? (
        <QueryError
          error={failed}
          onRetry={() => {
            void geometry.refetch().catch(() => undefined);
            void totals.refetch().catch(() => undefined);
          }}
        />
      ) : !geometry.data || !totals.data ? (
        <Loading what="Loading the map" />
      ) : !wards || wards.features.length === 0 ? (
        <div className="govuk-inset-text">No ward boundaries are imported yet. An administrator can import them.</div>
      ) : (
        <>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <HotSpotMap
                label="Map of wards and hot-spot locations"
                wards={wards}
                totals={wardTotals}
                locations={locations}
                steps={steps}
                selectedWardId={wardId}
                selectedLocationId={locationId}
                onSelectWard={selectWard}
                onSelectLocation={(id) => selectLocation(id)}
              />
            </div>
            <div className="govuk-grid-column-one-third app-map-side" ref={sideRef} aria-live="polite">
              {location ? (
                <LocationDetail loc={location} range={range} onClose={() => setLocationId(null)} />
              ) : wardId ? (
                <section aria-labelledby="ward-detail-heading">
                  <span className="govuk-caption-m">Ward</span>
                  <h2 className="govuk-heading-m" id="ward-detail-heading" tabIndex={-1}>
                    {wardName ?? 'Ward'}
                  </h2>
                  <p className="govuk-body">
                    {ward?.incidents ?? 0} incidents and {ward?.sightings ?? 0} sightings at {ward?.locations ?? 0} locations.
                  </p>
                  {wardLocations.length === 0 ? (
                    <p className="govuk-body">No locations in this ward were reported in this range.</p>
                  ) : (
                    <ul className="govuk-list govuk-list--spaced">
                      {wardLocations.map((l) => (
                        <li key={l.locationId}>
                          <button type="button" className="app-link-button govuk-link" onClick={() => selectLocation(l.locationId, true)}>
                            {l.name}
                          </button>
                          <br />
                          <span className="govuk-body-s">
                            {l.incidents} incidents, {l.sightings} sightings
                          </span>{' '}
                          <RiskTag risk={l.highestRisk} /> <Markers loc={l} />
                        </li>
                      ))}
                    </ul>
                  )}
                  <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setWardId(null)}>
                    Close ward
                  </button>
                </section>
              ) : (
                <MapLegend steps={steps} />
              )}
            </div>
          </div>

          <h2 className="govuk-heading-m">The map as tables</h2>
          <DataTable<WardTotal>
            caption="Wards"
            scrollLabel="Wards table"
            className="app-table--compact"
            rows={sortedWards}
            rowKey={(w) => w.wardId}
            columns={[
              {
                header: 'Ward',
                cell: (w) => (
                  <button
                    type="button"
                    className="app-link-button govuk-link"
                    onClick={() => {
                      selectWard(w.wardId);
                      showSide();
                    }}
                  >
                    {w.name}
                  </button>
                ),
              },
              { header: 'Code', cell: (w) => w.code },
              { header: 'Incidents', numeric: true, cell: (w) => String(w.incidents) },
              { header: 'Sightings', numeric: true, cell: (w) => String(w.sightings) },
              { header: 'Locations', numeric: true, cell: (w) => String(w.locations) },
            ]}
          />
          {sortedLocations.length === 0 ? (
            <p className="govuk-body">No locations were reported in this range.</p>
          ) : (
            <DataTable<LocationTotal>
              caption="Locations"
              scrollLabel="Locations table"
              className="app-table--compact"
              rows={sortedLocations}
              rowKey={(l) => l.locationId}
              columns={[
                {
                  header: 'Location',
                  cell: (l) => (
                    <button type="button" className="app-link-button govuk-link" onClick={() => selectLocation(l.locationId, true)}>
                      {l.name}
                    </button>
                  ),
                },
                { header: 'Type', cell: (l) => humanise(l.type) },
                { header: 'Ward', cell: (l) => wardTotals.find((w) => w.wardId === l.wardId)?.name ?? (l.lat == null ? 'Online' : 'Outside the wards') },
                { header: 'Incidents', numeric: true, cell: (l) => String(l.incidents) },
                { header: 'Sightings', numeric: true, cell: (l) => String(l.sightings) },
                { header: 'Months', numeric: true, cell: (l) => String(l.months) },
                { header: 'Highest risk', cell: (l) => <RiskTag risk={l.highestRisk} /> },
                { header: 'Hot spot', cell: (l) => <Markers loc={l} /> },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}
