import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TotalsPoint {
  month: string;
  total: number | null;
}

/**
 * A bar chart of one measure's monthly totals. It is loaded only when a totals page opens, so
 * Recharts stays out of the first page; the tables beside it hold the same figures for anyone who
 * cannot see it, so it is hidden from assistive technology.
 */
export function TotalsChart({ data, label }: { data: TotalsPoint[]; label: string }) {
  return (
    <div className="app-chart" aria-hidden="true" data-testid="totals-chart">
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 10, right: 10, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 14, fill: '#0b0c0c' }} interval={0} angle={-35} textAnchor="end" height={64} />
          <YAxis allowDecimals={false} tick={{ fontSize: 14, fill: '#0b0c0c' }} width={48} />
          <Tooltip cursor={{ fill: '#f3f2f1' }} />
          <Bar dataKey="total" name={label} fill="#1d70b8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
