import { Box, Button, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { SelectField } from '../directory/common/select-field';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import { useFormat } from '../shell/format';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { instant, localNow } from './local-time';
import { useOrganisationsAt, type MovementView } from './return-queries';
import { useMovementWrite } from './use-movement-write';

/** The children handed over at origin, and a form for each child still to hand over (in transit). */
export function HandoversSection({
  movement,
  mayWrite,
  onNotice,
}: {
  movement: MovementView;
  mayWrite: boolean;
  onNotice(message: string): void;
}) {
  const { t } = useTranslation('returns');
  const f = useFormat();
  const names = new Map(
    movement.cases.flatMap((c) => (c.persons ?? []).map((p) => [p.id, p.name] as const)),
  );
  const done = new Set(movement.handovers.map((h) => `${h.caseId}/${h.personId}`));
  const pending = movement.cases.flatMap((c) =>
    (c.persons ?? [])
      .filter((p) => p.handoverNeeded && !done.has(`${c.caseId}/${p.id}`))
      .map((p) => ({ caseId: c.caseId, personId: p.id, name: p.name })),
  );
  return (
    <Box component="section" aria-labelledby="handovers-title">
      <Typography id="handovers-title" variant="h5" component="h2" gutterBottom>
        {t('handovers.title')}
      </Typography>
      {movement.handovers.length === 0 ? (
        <Typography>{t('handovers.none')}</Typography>
      ) : (
        <List disablePadding>
          {movement.handovers.map((h) => (
            <ListItem key={h.id} disableGutters>
              {t('handovers.item', {
                person: names.get(h.personId) ?? h.personId,
                authority: h.authorityName,
                official: h.officialName,
                title: h.officialTitle,
                date: f.dateTime(h.handedOverAt),
              })}
            </ListItem>
          ))}
        </List>
      )}
      {mayWrite &&
        movement.status === 'in_transit' &&
        pending.map((child) => (
          <HandoverForm
            key={`${child.caseId}/${child.personId}`}
            movement={movement}
            child={child}
            onNotice={onNotice}
          />
        ))}
    </Box>
  );
}

const FIELDS = {
  authorityId: 'authority',
  officialName: 'official-name',
  officialTitle: 'official-title',
  handedOverAt: 'handed-over-at',
} as const;
type Field = keyof typeof FIELDS;

function HandoverForm({
  movement,
  child,
  onNotice,
}: {
  movement: MovementView;
  child: { caseId: string; personId: string; name: string };
  onNotice(message: string): void;
}) {
  const { t } = useTranslation('returns');
  const organisations = useOrganisationsAt(movement.countryCode);
  const authorities = (organisations.data?.items ?? []).filter(
    (o) => o.type === 'child_protection_authority',
  );
  const [values, setValues] = useState<Record<Field, string>>({
    authorityId: '',
    officialName: '',
    officialTitle: '',
    handedOverAt: localNow(),
  });
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const prefix = `handover-${child.personId}`;
  const id = (field: Field) => `${prefix}-${FIELDS[field]}`;
  const record = useMovementWrite(
    () =>
      unwrap(
        api.POST('/api/v1/return-movements/{id}/handovers', {
          params: { path: { id: movement.id } },
          body: {
            caseId: child.caseId,
            personId: child.personId,
            authorityId: values.authorityId,
            officialName: values.officialName,
            officialTitle: values.officialTitle,
            handedOverAt: instant(values.handedOverAt) ?? values.handedOverAt,
          },
        }),
      ),
    {
      fields: Object.fromEntries(Object.keys(FIELDS).map((f) => [f, id(f as Field)])),
      onDone: () => onNotice(t('handovers.recorded')),
      onErrors: setErrors,
    },
  );
  const text = (field: Exclude<Field, 'authorityId'>, extra: object = {}) => (
    <TextField
      id={id(field)}
      label={t(`handovers.${field}`)}
      value={values[field]}
      onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
      required
      error={Boolean(fieldError(id(field)))}
      helperText={fieldError(id(field))}
      {...extra}
    />
  );
  return (
    <Box
      component="form"
      noValidate
      aria-labelledby={`${prefix}-title`}
      sx={{ maxWidth: 560, mt: 2 }}
      onSubmit={(event) => {
        event.preventDefault();
        if (record.isPending) return;
        const missing: SummaryError[] = (Object.keys(FIELDS) as Field[])
          .filter((f) => !values[f].trim())
          .map((f) => ({ fieldId: id(f), message: t(`handovers.errors.${f}`) }));
        if (missing.length) return setErrors(missing);
        record.mutate();
      }}
    >
      <Typography id={`${prefix}-title`} variant="h6" component="h3" gutterBottom>
        {t('handovers.form', { person: child.name })}
      </Typography>
      <ErrorSummary ref={summaryRef} errors={errors} />
      <Stack spacing={2}>
        <SelectField
          id={id('authorityId')}
          label={t('handovers.authority')}
          value={values.authorityId}
          onChange={(value) => setValues((v) => ({ ...v, authorityId: value }))}
          emptyLabel={t('handovers.chooseAuthority')}
          required
          error={fieldError(id('authorityId'))}
          options={authorities.map((o) => ({ value: o.id, label: o.name }))}
        />
        {text('officialName')}
        {text('officialTitle')}
        {text('handedOverAt', {
          type: 'datetime-local',
          slotProps: { inputLabel: { shrink: true } },
        })}
        <Box>
          <Button type="submit" variant="contained" loading={record.isPending}>
            {t('handovers.submit')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
