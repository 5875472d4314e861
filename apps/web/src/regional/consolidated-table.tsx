import {
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { SuppressedMark } from '../statistics/suppressed-mark';
import { codeLabel, type Consolidation } from './use-consolidation';

type Cell = { value: number | null; suppressed: boolean };

/**
 * A regional table as the API consolidated it: a row per code, a column per country as it
 * published its cells and, for a count, the regional total. A median has no total column.
 */
export function ConsolidatedTable({ table, caption }: { table: Consolidation; caption: string }) {
  const { t, i18n } = useTranslation('regional');
  const language = i18n.language === 'en' ? 'en' : 'es';
  const number = new Intl.NumberFormat(language === 'en' ? 'en' : 'es-419', {
    maximumFractionDigits: 1,
  });
  const value = (cell: Cell) =>
    cell.suppressed ? <SuppressedMark /> : cell.value === null ? '—' : number.format(cell.value);
  const label = (code: string) =>
    code === '_T' ? t('observatory.totalCode') : codeLabel(table, code, language);
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small">
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{table.dimensions[0]?.label[language]}</TableCell>
            {table.countries.map((country) => (
              <TableCell key={country} scope="col" align="right">
                {country}
              </TableCell>
            ))}
            {table.additive ? (
              <TableCell scope="col" align="right">
                {t('observatory.total')}
              </TableCell>
            ) : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((row) => (
            <TableRow key={row.codes.join('|')}>
              <TableCell component="th" scope="row">
                {label(row.codes[0])}
              </TableCell>
              {row.cells.map((cell) => (
                <TableCell key={cell.country} align="right">
                  {value(cell)}
                </TableCell>
              ))}
              {table.additive ? (
                <TableCell align="right" sx={{ fontWeight: 700 }}>
                  {value(row.total)}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
