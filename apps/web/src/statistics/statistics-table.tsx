import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../shell/format';
import type { Language } from '../shell/i18n';
import { SuppressedMark, visuallyHidden } from './suppressed-mark';
import { TOTAL, type StatisticsResult } from './statistics-model';

type Cell = StatisticsResult['cells'][number];
type Axis = { id: string; label: string; codes: { code: string; label: string }[] };

const keyOf = (codes: readonly string[]) => codes.join('\u0000');

/** Every combination of the axes' codes, in table order (first axis slowest). */
function combinations(axes: Axis[]): { code: string; label: string }[][] {
  return axes.reduce<{ code: string; label: string }[][]>(
    (rows, axis) => rows.flatMap((row) => axis.codes.map((code) => [...row, code])),
    [[]],
  );
}

function ValueCell({ cell }: { cell: Cell | undefined }) {
  const { t } = useTranslation('statistics');
  const f = useFormat();
  let content: React.ReactNode;
  if (cell?.suppressed) content = <SuppressedMark />;
  else if (cell?.value === null || cell?.value === undefined)
    content = (
      <>
        <span aria-hidden="true">–</span>
        <span style={visuallyHidden}>{t('statistics.noData')}</span>
      </>
    );
  else content = f.number(cell.value);
  return (
    <TableCell
      align="right"
      sx={{
        fontVariantNumeric: 'tabular-nums',
        bgcolor: cell?.suppressed ? 'grey.100' : undefined,
      }}
    >
      {content}
    </TableCell>
  );
}

/**
 * The API's table as a cross-tabulation: the last dimension across, the others down, each with
 * its total (`_T`) last. Labels come from the response in the current language.
 */
export function StatisticsTable({ result }: { result: StatisticsResult }) {
  const { t, i18n } = useTranslation('statistics');
  const f = useFormat();
  const language = i18n.language as Language;
  const axes: Axis[] = result.dimensions.map((d) => ({
    id: d.id,
    label: d.label[language],
    codes: [
      ...d.codes.map((c) => ({ code: c.code, label: c.label[language] })),
      { code: TOTAL, label: t('statistics.total') },
    ],
  }));
  const cells = new Map(
    result.cells.map((cell) => [keyOf(axes.map((a) => cell.coordinates[a.id] ?? TOTAL)), cell]),
  );
  const measure = result.measure.label[language];
  const caption = axes.length
    ? t('statistics.tableCaptionBy', {
        measure,
        dimensions: new Intl.ListFormat(language === 'en' ? 'en' : 'es', {
          type: 'conjunction',
        }).format(axes.map((a) => a.label)),
        from: f.date(result.from),
        to: f.date(result.to),
      })
    : t('statistics.tableCaption', { measure, from: f.date(result.from), to: f.date(result.to) });

  const across = axes.length >= 2 ? axes[axes.length - 1] : undefined;
  const down = across ? axes.slice(0, -1) : axes;
  const rows = combinations(down);
  const columns = across ? across.codes : [{ code: '', label: measure }];

  return (
    <TableContainer role="region" tabIndex={0} aria-label={caption} sx={{ maxWidth: '100%' }}>
      <Table size="small">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 8px' }}>
          <Typography component="span" variant="subtitle1" sx={{ fontWeight: 700 }}>
            {caption}
          </Typography>
        </caption>
        <TableHead>
          {across && (
            <TableRow>
              <TableCell colSpan={down.length} />
              <TableCell component="th" scope="colgroup" colSpan={columns.length} align="center">
                {across.label}
              </TableCell>
            </TableRow>
          )}
          <TableRow>
            {down.length === 0 ? (
              <TableCell />
            ) : (
              down.map((axis) => (
                <TableCell key={axis.id} component="th" scope="col">
                  {axis.label}
                </TableCell>
              ))
            )}
            {columns.map((column) => (
              <TableCell key={column.code} component="th" scope="col" align="right">
                {column.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            const isTotal = row.some((c) => c.code === TOTAL);
            return (
              <TableRow
                key={keyOf(row.map((c) => c.code))}
                sx={isTotal ? { '& > *': { fontWeight: 700 } } : undefined}
              >
                {row.length === 0 ? (
                  <TableCell component="th" scope="row">
                    {t('statistics.total')}
                  </TableCell>
                ) : (
                  row.map((c, i) => (
                    <TableCell key={down[i].id} component="th" scope="row">
                      {c.label}
                    </TableCell>
                  ))
                )}
                {columns.map((column) => (
                  <ValueCell
                    key={column.code}
                    cell={cells.get(
                      keyOf([...row.map((c) => c.code), ...(across ? [column.code] : [])]),
                    )}
                  />
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
