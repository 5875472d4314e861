import {
  Link,
  List,
  ListItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useCodeLabel } from '../codes/use-code-lists';
import { QueryState } from '../directory/common/query-state';
import { useCountryName } from '../directory/common/use-countries';
import { titleOf, usePracticeMatrix } from './practice-queries';

/** `/practices/matrix`: national laws, protocols and agreements side by side, an accessible table. */
export function MatrixPage() {
  const { t, i18n } = useTranslation('practices');
  const label = useCodeLabel();
  const countryName = useCountryName();
  const [semester, setSemester] = useState('');
  const matrix = usePracticeMatrix(/^\d{4}-S[12]$/.test(semester) ? semester : '');
  const data = matrix.data;
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {t('matrixPage.title')}
      </Typography>
      <Typography>{t('matrixPage.intro')}</Typography>
      <TextField
        id="matrix-semester"
        label={t('matrixPage.semester')}
        placeholder="2026-S1"
        value={semester}
        onChange={(event) => setSemester(event.target.value.toUpperCase())}
        sx={{ maxWidth: 240 }}
      />
      <QueryState isPending={matrix.isPending} error={matrix.error} />
      {data && (
        <TableContainer>
          <Table size="small">
            <caption>{t('matrixPage.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  {t('matrixPage.topic')}
                </TableCell>
                {data.countries.map((code) => (
                  <TableCell key={code} component="th" scope="col">
                    {countryName(code)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((row) => (
                <TableRow key={row.category}>
                  <TableCell component="th" scope="row">
                    {label('caseCategories', row.category)}
                  </TableCell>
                  {row.cells.map((cell) => (
                    <TableCell key={cell.countryCode}>
                      {cell.entries.length === 0 ? (
                        <Typography variant="body2" color="text.secondary">
                          {t('matrixPage.empty')}
                        </Typography>
                      ) : (
                        <List dense disablePadding>
                          {cell.entries.map((e) => (
                            <ListItem key={e.id} disableGutters>
                              <Link component={RouterLink} to={`/practices/${e.id}`}>
                                {t(`kinds.${e.kind}`)}: {titleOf(e, i18n.language)}
                              </Link>
                            </ListItem>
                          ))}
                        </List>
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}
