import { Link } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ResultsTable } from '../directory/common/results-table';
import { useFormat } from '../shell/format';
import { titleOf, type Practice } from './practice-queries';

/** One page of catalogue entries: title (linking to the entry), kind, countries, status, date. */
export function PracticesTable({
  list,
  caption,
  cursor,
  onPage,
}: {
  list: {
    isPending: boolean;
    error: unknown;
    data?: { items: Practice[]; nextCursor: string | null };
  };
  caption: string;
  cursor: string | undefined;
  onPage(cursor: string | undefined): void;
}) {
  const { t, i18n } = useTranslation('practices');
  const f = useFormat();
  return (
    <ResultsTable<Practice>
      list={list}
      caption={caption}
      rowKey={(p) => p.id}
      cursor={cursor}
      onPage={onPage}
      columns={[
        {
          header: t('list.titleColumn'),
          cell: (p) => (
            <Link component={RouterLink} to={`/practices/${p.id}`}>
              {titleOf(p, i18n.language)}
            </Link>
          ),
        },
        { header: t('list.kind'), cell: (p) => t(`kinds.${p.kind}`) },
        { header: t('list.countries'), cell: (p) => p.countries.join(', ') },
        { header: t('list.status'), cell: (p) => t(`statuses.${p.status}`) },
        { header: t('list.updated'), cell: (p) => f.date(p.updatedAt) },
      ]}
    />
  );
}
