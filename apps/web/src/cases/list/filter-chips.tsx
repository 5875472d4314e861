import { Box, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { useCodeLabel } from '../../codes/use-code-lists';
import { useFormat } from '../../shell/format';
import { useWho } from '../page/use-who';
import { activeFilters, boundDay, type UrlFilter } from './case-filters';

function usePostName(id: string | null): string | undefined {
  const post = useQuery({
    queryKey: ['consulates', id],
    queryFn: () => unwrap(api.GET('/api/v1/consulates/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: Infinity,
  });
  return post.data?.name;
}

/**
 * The filters applied to the list, each a chip that removes it, so a reader who followed a link
 * sees why the list is narrowed and can widen it.
 */
export function FilterChips({
  params,
  onRemove,
}: {
  params: URLSearchParams;
  onRemove(param: UrlFilter): void;
}) {
  const { t } = useTranslation('cases');
  const label = useCodeLabel();
  const f = useFormat();
  const who = useWho();
  const postName = usePostName(params.get('consulateId'));
  const filters = activeFilters(params);
  if (filters.length === 0) return null;

  const text = (param: UrlFilter, value: string): string => {
    switch (param) {
      case 'status':
        return value
          .split(',')
          .map((status) => label('caseStatuses', status))
          .join(', ');
      case 'category':
        return label('caseCategories', value);
      case 'flag':
        return label('vulnerabilityFlags', value);
      case 'riskLevel':
        return label('riskLevels', value);
      case 'consulateId':
        return postName ?? t('common.loading');
      case 'assignedOfficerId':
        return who(value);
      case 'sort':
        return t(`list.sorts.${value}`, { defaultValue: value });
      case 'nextStepDueTo':
        return f.date(value);
      default:
        return f.date(boundDay(value));
    }
  };

  return (
    <Box component="section" aria-labelledby="active-filters-title">
      <Typography id="active-filters-title" variant="body2" sx={{ mb: 1 }}>
        {t('list.activeFilters')}
      </Typography>
      <Stack
        component="ul"
        direction="row"
        sx={{ p: 0, m: 0, listStyle: 'none', flexWrap: 'wrap', gap: 1 }}
      >
        {filters.map(({ param, value }) => {
          const chip = t(`list.chips.${param}`, { value: text(param, value) });
          return (
            <li key={param}>
              <Chip
                label={chip}
                onDelete={() => onRemove(param)}
                onClick={() => onRemove(param)}
                aria-label={t('list.removeFilter', { filter: chip })}
              />
            </li>
          );
        })}
      </Stack>
    </Box>
  );
}
