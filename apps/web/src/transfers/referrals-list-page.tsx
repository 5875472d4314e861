import { Checkbox, FormControlLabel, Link, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { ListHeading, ResultsTable } from '../directory/common/results-table';
import { SelectField } from '../directory/common/select-field';
import { useFormat } from '../shell/format';

type Referral = components['schemas']['ReferralResponse'];
type Status = Referral['status'];

const STATUSES: Status[] = ['pending', 'accepted', 'rejected', 'completed', 'revoked'];
const today = () => new Date().toISOString().slice(0, 10);
/** Still waiting on the organisation: only these have a follow-up that can be missed. */
const isOpen = (r: Referral) => r.status === 'pending' || r.status === 'accepted';

/**
 * `/referrals`: every referral of the caller's posts (a supervisor: of the country), filtered by
 * status and "overdue follow-ups only", both kept in the URL so the list can be shared and reloaded.
 */
export function ReferralsListPage() {
  const { t } = useTranslation('transfers');
  const { t: tCooperation } = useTranslation('cooperation');
  const { t: tDirectory } = useTranslation('directory');
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as Status)
    : undefined;
  const overdue = params.get('overdue') === 'true';
  const cursor = params.get('cursor') ?? undefined;
  const list = useQuery({
    queryKey: ['referrals', 'post', status ?? '', overdue, cursor ?? ''],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/referrals', {
          params: { query: { status, overdue: overdue || undefined, cursor, limit: 50 } },
        }),
      ),
  });
  const filters = (next: { status?: string; overdue?: boolean; cursor?: string }) => {
    const search: Record<string, string> = {};
    if (next.status) search.status = next.status;
    if (next.overdue) search.overdue = 'true';
    if (next.cursor) search.cursor = next.cursor;
    setParams(search);
  };

  return (
    <Stack spacing={2}>
      <ListHeading title={t('referrals.title')} />
      <Typography>{t('referrals.intro')}</Typography>
      <Stack
        component="form"
        role="search"
        aria-label={t('referrals.filters')}
        direction={{ xs: 'column', sm: 'row' }}
        sx={{ gap: 2, alignItems: { sm: 'center' } }}
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          id="referrals-status"
          label={t('referrals.status')}
          value={status ?? ''}
          onChange={(next) => filters({ status: next, overdue })}
          emptyLabel={t('referrals.anyStatus')}
          options={STATUSES.map((s) => ({ value: s, label: tCooperation(`statuses.${s}`) }))}
          sx={{ minWidth: 220 }}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={overdue}
              onChange={(e) => filters({ status, overdue: e.target.checked })}
            />
          }
          label={t('referrals.overdueOnly')}
        />
      </Stack>
      <ResultsTable<Referral>
        list={list}
        caption={t('referrals.caption')}
        rowKey={(r) => r.id}
        cursor={cursor}
        onPage={(next) => filters({ status, overdue, cursor: next })}
        columns={[
          {
            header: t('referrals.case'),
            cell: (r) => (
              <Link component={RouterLink} to={`/cases/${r.caseId}`} sx={{ whiteSpace: 'nowrap' }}>
                {r.caseReference}
              </Link>
            ),
          },
          { header: t('referrals.organisation'), cell: (r) => r.organisationName },
          {
            header: t('referrals.services'),
            cell: (r) => r.services.map((s) => tDirectory(`codes.services.${s}`)).join(', '),
          },
          {
            header: t('referrals.status'),
            cell: (r) => tCooperation(`statuses.${r.status}`),
          },
          {
            header: t('referrals.followUp'),
            cell: (r) =>
              !r.followUpDue
                ? t('referrals.noFollowUp')
                : isOpen(r) && r.followUpDue < today()
                  ? t('referrals.overdue', { date: f.date(r.followUpDue) })
                  : f.date(r.followUpDue),
          },
          { header: t('referrals.sent'), cell: (r) => f.dateTime(r.createdAt) },
        ]}
      />
    </Stack>
  );
}
