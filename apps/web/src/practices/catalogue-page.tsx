import { Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useCodeLists } from '../codes/use-code-lists';
import { CountrySelect } from '../directory/common/country-select';
import { FilterForm } from '../directory/common/filter-form';
import { ListHeading } from '../directory/common/results-table';
import { SelectField } from '../directory/common/select-field';
import { useListParams } from '../directory/common/use-list-params';
import { useHasPermission } from '../shell/use-me';
import {
  PRACTICE_KINDS,
  PRACTICE_STATUSES,
  useSearchPractices,
  type SearchQuery,
} from './practice-queries';
import { PracticesTable } from './practices-table';

const FILTERS = ['q', 'country', 'category', 'flag', 'kind', 'status'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function CatalogueFilters({ initial, onApply }: { initial: Filters; onApply(f: Filters): void }) {
  const { t, i18n } = useTranslation('practices');
  const codes = useCodeLists().data;
  const [draft, setDraft] = useState(initial);
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value });
  const language = i18n.language === 'en' ? 'en' : 'es';
  const options = (list: 'caseCategories' | 'vulnerabilityFlags') =>
    (codes?.[list] ?? []).map((c) => ({ value: c.code, label: c.label[language] }));
  return (
    <FilterForm
      label={t('filtersLabel')}
      onApply={() => onApply(draft)}
      onClear={() => onApply({})}
    >
      <TextField
        id="practices-q"
        label={t('fields.q')}
        value={draft.q ?? ''}
        onChange={(event) => set('q')(event.target.value)}
      />
      <CountrySelect
        id="practices-country"
        label={t('fields.country')}
        value={draft.country ?? ''}
        onChange={set('country')}
        emptyLabel={t('any')}
        membersOnly
      />
      <SelectField
        id="practices-category"
        label={t('fields.category')}
        value={draft.category ?? ''}
        onChange={set('category')}
        options={options('caseCategories')}
        emptyLabel={t('any')}
      />
      <SelectField
        id="practices-flag"
        label={t('fields.flag')}
        value={draft.flag ?? ''}
        onChange={set('flag')}
        options={options('vulnerabilityFlags')}
        emptyLabel={t('any')}
      />
      <SelectField
        id="practices-kind"
        label={t('fields.kind')}
        value={draft.kind ?? ''}
        onChange={set('kind')}
        options={PRACTICE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        emptyLabel={t('any')}
      />
      <SelectField
        id="practices-status"
        label={t('fields.status')}
        value={draft.status ?? ''}
        onChange={set('status')}
        options={PRACTICE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        emptyLabel={t('any')}
      />
    </FilterForm>
  );
}

/** `/practices`: the catalogue, searchable in es and en ignoring accents, with its filters. */
export function CataloguePage() {
  const { t } = useTranslation('practices');
  const { filters, cursor, apply, goToCursor } = useListParams(FILTERS);
  const maySubmit = useHasPermission('practices:submit');
  const mayReview = useHasPermission('practices:review');
  const list = useSearchPractices({ ...(filters as SearchQuery), cursor, limit: 50 });
  return (
    <Stack spacing={2}>
      <ListHeading
        title={t('title')}
        create={maySubmit ? { to: '/practices/new', label: t('create') } : undefined}
      />
      <Typography>{t('intro')}</Typography>
      <Stack direction="row" spacing={2}>
        <Button component={RouterLink} to="/practices/matrix" variant="outlined">
          {t('matrix')}
        </Button>
        {mayReview && (
          <Button component={RouterLink} to="/practices/review" variant="outlined">
            {t('reviewQueue')}
          </Button>
        )}
      </Stack>
      <CatalogueFilters key={JSON.stringify(filters)} initial={filters} onApply={apply} />
      <PracticesTable list={list} caption={t('list.caption')} cursor={cursor} onPage={goToCursor} />
    </Stack>
  );
}
