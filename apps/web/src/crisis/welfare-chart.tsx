import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { WELFARE_STATUSES } from './crisis-types';
import type { Dashboard, WelfareStatus } from './crisis-types';
import { WELFARE_COLOURS } from './welfare-colours';

interface Props {
  overTime: Dashboard['overTime'];
  label: (status: WelfareStatus) => string;
  dayLabel: (date: string) => string;
}

/**
 * Persons by welfare status per day, as stacked bars. Loaded on its own (recharts is large) and
 * hidden from screen readers: the table below says the same.
 */
export function WelfareChart({ overTime, label, dayLabel }: Props) {
  const data = overTime.map((point) => ({ date: point.date, ...point.counts }));
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart
        data={data}
        margin={{ top: 8, right: 24, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" tickFormatter={dayLabel} />
        <YAxis allowDecimals={false} />
        <Tooltip labelFormatter={(date) => dayLabel(String(date))} />
        {/* In the order of the statuses (as the table's columns), not sorted by name. */}
        <Legend itemSorter={(item) => WELFARE_STATUSES.indexOf(item.dataKey as WelfareStatus)} />
        {WELFARE_STATUSES.map((status) => (
          <Bar
            key={status}
            dataKey={status}
            name={label(status)}
            stackId="welfare"
            fill={WELFARE_COLOURS[status]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
