import {
  Box,
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
import type { ImportPreview } from './import-queries';

/** The counts of a checked file and the rows that will not be imported, each with why. */
export function PreviewReport({ preview }: { preview: ImportPreview }) {
  const { t, i18n } = useTranslation('crisisImport');
  const f = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const counts: [string, number][] = [
    [t('summary.total'), preview.totalRows],
    [t('summary.valid'), preview.validRows],
    [t('summary.invalid'), preview.invalidRows],
    [t('summary.duplicate'), preview.duplicateRows],
  ];
  const notImported = preview.invalidRows + preview.duplicateRows;
  return (
    <Box component="section" aria-labelledby="preview-summary" sx={{ mt: 3 }}>
      <Typography id="preview-summary" variant="h5" component="h2" tabIndex={-1}>
        {t('summary.title')}
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content auto', gap: 1 }}>
        <dt>{t('summary.file')}</dt>
        <dd style={{ margin: 0 }}>{preview.fileName}</dd>
        {counts.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd style={{ margin: 0 }}>{f.number(value)}</dd>
          </Box>
        ))}
      </Box>
      {preview.rows.length === 0 ? (
        <Typography sx={{ mt: 2 }}>{t('rows.none')}</Typography>
      ) : (
        <TableContainer sx={{ mt: 2, maxHeight: 420 }}>
          <Table size="small" stickyHeader>
            <caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('rows.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell>{t('rows.row')}</TableCell>
                <TableCell>{t('rows.status')}</TableCell>
                <TableCell>{t('rows.problems')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.rows.map((row) => (
                <TableRow key={row.row}>
                  <TableCell component="th" scope="row">
                    {row.row}
                  </TableCell>
                  <TableCell>{t(`statuses.${row.status}`)}</TableCell>
                  <TableCell>
                    {row.status === 'duplicate' ? (
                      t('rows.duplicate')
                    ) : (
                      <Box component="ul" sx={{ m: 0, pl: 2 }}>
                        {row.errors.map((e) => (
                          <li key={`${e.column}-${e.code}`}>
                            <strong>{e.column}</strong>: {e.message[lang]}
                          </li>
                        ))}
                      </Box>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {preview.rows.length < notImported && (
        <Typography sx={{ mt: 1 }}>
          {t('rows.more', { shown: preview.rows.length, count: notImported })}
        </Typography>
      )}
    </Box>
  );
}
