import { Tag } from '../../../components/Tag';
import { RISK_LABELS } from '../../../components/map/choropleth';

/** A code such as FAST_FOOD_OUTLET as "Fast food outlet". */
export function humanise(value: string): string {
  const s = value.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function RiskTag({ risk }: { risk: string }) {
  return <Tag colour={risk === 'HIGH' ? 'red' : risk === 'MEDIUM' ? 'orange' : 'green'}>{RISK_LABELS[risk] ?? risk}</Tag>;
}

/** "New" and "Persistent" hot-spot markers. */
export function Markers({ loc }: { loc: { isNew: boolean; persistent: boolean } }) {
  return (
    <>
      {loc.isNew ? <Tag colour="blue">New</Tag> : null} {loc.persistent ? <Tag colour="grey">Persistent</Tag> : null}
    </>
  );
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
