import {
  Alert,
  Button,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { components } from '../api/schema';
import { useFormat } from '../shell/format';
import { ProblemAlert } from '../shell/problem-alert';
import { unreviewedAccessQuery } from './queue-queries';
import { ReviewDialog } from './review-dialog';

type AccessRequest = components['schemas']['AccessRequestResponse'];

/** The consul's review list of break-the-glass accesses to the post's restricted cases. */
export function AccessRequestsPanel() {
  const { t } = useTranslation('queue');
  const f = useFormat();
  const requests = useQuery(unreviewedAccessQuery);
  const [reviewing, setReviewing] = useState<AccessRequest | null>(null);
  const [reviewed, setReviewed] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const now = Date.now();
  // After the render that shows it, and after the closed dialog has given the focus back to the
  // Review button (a timer could run before either, and leave the focus on a row about to go).
  useEffect(() => {
    if (reviewed) doneRef.current?.focus();
  }, [reviewed]);

  if (requests.isPending) return <Typography role="status">{t('access.loading')}</Typography>;
  if (requests.isError) return <ProblemAlert error={requests.error} />;
  return (
    <Stack spacing={2}>
      {/* The reviewed row leaves the list: the confirmation takes the focus its button had. */}
      <div role="status">
        {reviewed && (
          <Alert severity="success" ref={doneRef} tabIndex={-1}>
            {t('access.reviewed', { reference: reviewed })}
          </Alert>
        )}
      </div>
      {requests.data.items.length === 0 ? (
        <Typography>{t('empty.access_requests')}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small">
            <caption>{t('access.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('access.case')}</TableCell>
                <TableCell scope="col">{t('access.reason')}</TableCell>
                <TableCell scope="col">{t('access.granted')}</TableCell>
                <TableCell scope="col">{t('access.expires')}</TableCell>
                <TableCell scope="col">{t('access.action')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {requests.data.items.map((request) => (
                <TableRow key={request.id}>
                  <TableCell component="th" scope="row">
                    <Link component={RouterLink} to={`/cases/${request.caseId}`}>
                      {request.caseReference}
                    </Link>
                  </TableCell>
                  <TableCell sx={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>
                    {request.reason}
                  </TableCell>
                  <TableCell>{f.dateTime(request.grantedAt)}</TableCell>
                  <TableCell>
                    {f.dateTime(request.expiresAt)}
                    {Date.parse(request.expiresAt) < now && ` (${t('access.expired')})`}
                  </TableCell>
                  <TableCell>
                    <Button
                      variant="outlined"
                      size="small"
                      aria-label={t('access.reviewLabel', { reference: request.caseReference })}
                      onClick={() => {
                        setReviewed(null);
                        setReviewing(request);
                      }}
                    >
                      {t('access.review')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {reviewing && (
        <ReviewDialog
          request={reviewing}
          onClose={() => setReviewing(null)}
          onReviewed={(reference) => {
            setReviewing(null);
            setReviewed(reference);
          }}
        />
      )}
    </Stack>
  );
}
