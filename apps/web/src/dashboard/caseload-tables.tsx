import {
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { components } from '../api/schema';
import { useFormat } from '../shell/format';
import { officerLink, tileLinks } from './case-links';

type Caseload = components['schemas']['CaseloadResponse'];

/** Not-closed cases of each post in scope, each figure a link to its list at that post. */
export function PostTable({ caseload }: { caseload: Caseload }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  return (
    <section aria-labelledby="by-post-title">
      <Typography id="by-post-title" variant="h6" component="h2" gutterBottom>
        {t('byPost.title')}
      </Typography>
      {caseload.byPost.length === 0 ? (
        <Typography>{t('byPost.empty')}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small">
            <caption>{t('byPost.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('byPost.post')}</TableCell>
                <TableCell scope="col" align="right">
                  {t('byPost.open')}
                </TableCell>
                <TableCell scope="col" align="right">
                  {t('byPost.overdue')}
                </TableCell>
                <TableCell scope="col" align="right">
                  {t('byPost.closureRequested')}
                </TableCell>
                <TableCell scope="col" align="right">
                  {t('byPost.waiting')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {caseload.byPost.map((post) => {
                const links = tileLinks(caseload.today, post.consulateId);
                const cell = (value: number, to: string) => (
                  <TableCell align="right">
                    <Link component={RouterLink} to={to}>
                      {f.number(value)}
                    </Link>
                  </TableCell>
                );
                return (
                  <TableRow key={post.consulateId}>
                    <TableCell component="th" scope="row">
                      <Link component={RouterLink} to={links.open}>
                        {`${post.name} (${post.postCode})`}
                      </Link>
                    </TableCell>
                    {cell(post.open, links.open)}
                    {cell(post.overdueNextSteps, links.overdue)}
                    {cell(post.closureRequested, links.closureRequested)}
                    {cell(post.waiting, links.waiting)}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </section>
  );
}

/**
 * Not-closed cases by assignee at each post. The unassigned row has no link: GET /cases has no
 * filter for "nobody".
 */
export function OfficerTable({ caseload }: { caseload: Caseload }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const postName = new Map(
    caseload.byPost.map((p) => [p.consulateId, `${p.name} (${p.postCode})`]),
  );
  return (
    <section aria-labelledby="by-officer-title">
      <Typography id="by-officer-title" variant="h6" component="h2" gutterBottom>
        {t('byOfficer.title')}
      </Typography>
      {caseload.byOfficer.length === 0 ? (
        <Typography>{t('byOfficer.empty')}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small">
            <caption>{t('byOfficer.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('byOfficer.officer')}</TableCell>
                <TableCell scope="col">{t('byOfficer.post')}</TableCell>
                <TableCell scope="col" align="right">
                  {t('byOfficer.open')}
                </TableCell>
                <TableCell scope="col" align="right">
                  {t('byOfficer.overdue')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {caseload.byOfficer.map((row) => (
                <TableRow key={`${row.consulateId}:${row.officerId ?? ''}`}>
                  <TableCell component="th" scope="row">
                    {row.officerId ? (
                      <Link component={RouterLink} to={officerLink(row.officerId, row.consulateId)}>
                        {row.displayName ?? row.officerId.slice(0, 8)}
                      </Link>
                    ) : (
                      t('byOfficer.unassigned')
                    )}
                  </TableCell>
                  <TableCell>{postName.get(row.consulateId) ?? ''}</TableCell>
                  <TableCell align="right">{f.number(row.open)}</TableCell>
                  <TableCell align="right">{f.number(row.overdueNextSteps)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </section>
  );
}
