import {
  Box,
  Chip,
  LinearProgress,
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
import { ExportDownloadButton } from './export-download-button';
import type { ExportItem } from './use-exports';

function Content({ item }: { item: ExportItem }) {
  const { t } = useTranslation('statistics');
  const f = useFormat();
  const filters = Object.entries(item.filters);
  return (
    <>
      {item.scheduled && <Chip size="small" label={t('exports.semesterReport')} sx={{ mb: 0.5 }} />}
      <Typography variant="body2">
        {item.measures.map((m) => t(`measures.${m}`)).join(', ')}
        {item.dimensions.length > 0 &&
          ` ${t('exports.by', {
            dimensions: item.dimensions
              .map((d) => t(`dimensions.${d}` as 'dimensions.period'))
              .join(', '),
          })}`}
      </Typography>
      <Typography variant="body2">
        {t('exports.range', {
          from: f.date(item.from),
          to: f.date(item.to),
          period: t(`periods.${item.period}` as 'periods.year').toLowerCase(),
        })}
      </Typography>
      {filters.map(([id, codes]) => (
        <Typography key={id} variant="body2">
          {t(`dimensions.${id}` as 'dimensions.period')}: {codes.join(', ')}
        </Typography>
      ))}
    </>
  );
}

function Status({ item }: { item: ExportItem }) {
  const { t, i18n } = useTranslation('statistics');
  const language = i18n.language as Language;
  const percent = new Intl.NumberFormat(language === 'en' ? 'en' : 'es-419', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(item.progress / 100);
  return (
    <>
      <Typography variant="body2" sx={{ fontWeight: 700 }}>
        {t(`exports.status.${item.status}`)}
      </Typography>
      {(item.status === 'queued' || item.status === 'running') && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 140 }}>
          <LinearProgress
            variant="determinate"
            value={item.progress}
            aria-label={t('exports.progress', { percent })}
            sx={{ flexGrow: 1 }}
          />
          <Typography variant="body2" aria-hidden="true">
            {percent}
          </Typography>
        </Box>
      )}
      {item.status === 'failed' && item.failure && (
        <Typography variant="body2">{item.failure.message[language]}</Typography>
      )}
    </>
  );
}

/** My exports and the semester reports I may read, newest first. */
export function ExportsTable({ items }: { items: ExportItem[] }) {
  const { t } = useTranslation('statistics');
  const f = useFormat();
  const none = t('exports.none');
  return (
    <TableContainer>
      <Table size="small">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 8px' }}>
          {t('exports.listCaption')}
        </caption>
        <TableHead>
          <TableRow>
            {(
              [
                'requestedAt',
                'content',
                'format',
                'status',
                'rows',
                'expires',
                'sha256',
                'actions',
              ] as const
            ).map((column) => (
              <TableCell
                key={column}
                component="th"
                scope="col"
                align={column === 'rows' ? 'right' : 'left'}
                // "SHA-256" is a name: broken at its hyphen it reads as two words.
                sx={column === 'sha256' ? { whiteSpace: 'nowrap' } : undefined}
              >
                {t(`exports.columns.${column}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id}>
              <TableCell component="th" scope="row">
                {f.dateTime(item.requestedAt)}
              </TableCell>
              <TableCell>
                <Content item={item} />
              </TableCell>
              <TableCell>
                {t(`exports.formats.${item.format}` as 'exports.formats.csv')} ·{' '}
                {item.language.toUpperCase()}
              </TableCell>
              <TableCell>
                <Status item={item} />
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {item.rowCount === null ? none : f.number(item.rowCount)}
              </TableCell>
              <TableCell>{item.expiresAt ? f.dateTime(item.expiresAt) : none}</TableCell>
              <TableCell>
                {item.sha256 ? (
                  <Box
                    component="code"
                    sx={{
                      fontSize: '0.75rem',
                      wordBreak: 'break-all',
                      display: 'block',
                      maxWidth: 180,
                    }}
                  >
                    {item.sha256}
                  </Box>
                ) : (
                  none
                )}
              </TableCell>
              <TableCell>
                {item.status === 'completed' ? <ExportDownloadButton item={item} /> : none}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
