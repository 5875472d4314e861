import { useTheme } from '@mui/material';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  XAxis,
  YAxis,
  Rectangle,
  type BarShapeProps,
} from 'recharts';
import { countryColour } from './country-colours';

export interface ChartRow {
  label: string;
  /** One value per country; null where the country's cell is suppressed. */
  values: Record<string, number | null>;
}

interface Props {
  rows: ChartRow[];
  countries: string[];
  /** What the bars measure, beside the vertical axis. */
  valueLabel: string;
}

/**
 * One bar per country beside each other for each row of a regional table. A suppressed cell has
 * no bar (a gap), never a bar of height 0 or a stack that looks complete; a published zero is
 * written "0" on the axis so that it is not taken for a gap. Loaded on its own
 * (recharts is large) and hidden from screen readers: the table beside it says the same.
 */
export function RegionalBarChart({ rows, countries, valueLabel }: Props) {
  const theme = useTheme();
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart
        data={data}
        margin={{ top: 8, right: 24, bottom: 8, left: 16 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" interval={0} />
        <YAxis
          label={{
            value: valueLabel,
            angle: -90,
            position: 'insideLeft',
            style: { textAnchor: 'middle', fill: theme.palette.text.secondary },
          }}
        />
        {/* Country codes in the text colour: some palette colours are too light for text. */}
        <Legend
          formatter={(value: string) => (
            <span style={{ color: theme.palette.text.primary }}>{value}</span>
          )}
        />
        {countries.map((country, index) => (
          <Bar
            key={country}
            dataKey={country}
            name={country}
            fill={countryColour(index)}
            isAnimationActive={false}
            shape={barOrZero}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

// A custom shape also receives the bars of height 0, which recharts otherwise leaves out.
function barOrZero(props: BarShapeProps) {
  if (props.height !== 0) return <Rectangle {...props} />;
  const x = Number(props.x) + Number(props.width) / 2;
  return (
    <text x={x} y={Number(props.y) - 4} textAnchor="middle" fontSize={12}>
      0
    </text>
  );
}
