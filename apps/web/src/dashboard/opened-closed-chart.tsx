import { useTheme } from '@mui/material';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MonthPoint } from './series';

interface Props {
  points: MonthPoint[];
  labels: { opened: string; closed: string };
  monthLabel: (month: string) => string;
}

/**
 * Opened and closed per month, as lines told apart by dash and marker as well as colour. Loaded
 * on its own (recharts is large) and hidden from screen readers: the table beside it says the same.
 */
export function OpenedClosedChart({ points, labels, monthLabel }: Props) {
  const theme = useTheme();
  return (
    <ResponsiveContainer width="100%" height={300}>
      {/* No keyboard layer: the chart is hidden from assistive technology (the table says the
          same), and a focusable element inside aria-hidden would be a stop that announces nothing. */}
      <LineChart
        data={points}
        margin={{ top: 8, right: 24, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" tickFormatter={monthLabel} />
        <YAxis allowDecimals={false} />
        <Tooltip labelFormatter={(month) => monthLabel(String(month))} />
        {/* In the order of the lines (opened, then closed), not sorted by name in each language. */}
        <Legend itemSorter={(item) => (item.dataKey === 'opened' ? 0 : 1)} />
        <Line
          type="linear"
          dataKey="opened"
          name={labels.opened}
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={{ r: 4 }}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="closed"
          name={labels.closed}
          stroke={theme.palette.secondary.dark}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={{ r: 4, strokeDasharray: '', fill: theme.palette.background.paper }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
