import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResultsTable } from '../directory/common/results-table';
import { useFormat } from '../shell/format';
import { useEnquiries } from './crisis-queries';
import type { CrisisEvent, Enquiry } from './crisis-types';
import { EnquiryDialog } from './enquiry-dialog';
import { EnquiryFormDialog } from './enquiry-form-dialog';
import { EventFrame, mayWrite } from './event-frame';

/** `/crisis/:id/enquiries`: relatives' enquiries, recording a new one, and working one through. */
export function EnquiriesPage() {
  return <EventFrame>{(event) => <EnquiriesView event={event} />}</EventFrame>;
}

const sought = (e: Enquiry) => [e.soughtGivenNames, e.soughtFamilyNames].filter(Boolean).join(' ');

function EnquiriesView({ event }: { event: CrisisEvent }) {
  const { t } = useTranslation('crisis');
  const f = useFormat();
  const list = useEnquiries(event.id);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const write = mayWrite(event);
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {t('enquiries.title')}
      </Typography>
      <Typography>{t('enquiries.intro')}</Typography>
      {write && (
        <Button
          variant="contained"
          size="large"
          sx={{ alignSelf: 'flex-start' }}
          onClick={() => setCreating(true)}
        >
          {t('enquiries.new')}
        </Button>
      )}
      <ResultsTable<Enquiry>
        list={list}
        caption={t('enquiries.caption')}
        rowKey={(e) => e.id}
        cursor={undefined}
        onPage={() => undefined}
        columns={[
          {
            header: t('enquiries.sought'),
            cell: (e) => (
              <Button
                variant="text"
                onClick={() => setOpenId(e.id)}
                aria-label={t('enquiries.open', { name: sought(e) })}
                sx={{ textTransform: 'none', p: 0.5, minHeight: 32 }}
              >
                {sought(e)}
              </Button>
            ),
          },
          { header: t('enquiries.relative'), cell: (e) => e.relativeName },
          { header: t('enquiries.status'), cell: (e) => t(`enquiries.statuses.${e.status}`) },
          { header: t('enquiries.received'), cell: (e) => f.dateTime(e.recordedAt) },
        ]}
      />
      {creating && (
        <EnquiryFormDialog
          event={event}
          onClose={() => setCreating(false)}
          onDone={(created) => {
            setCreating(false);
            setOpenId(created.id);
          }}
        />
      )}
      {openId && <EnquiryDialog event={event} enquiryId={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
