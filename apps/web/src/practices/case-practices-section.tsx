import { Box, Link, List, ListItem, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { titleOf, useCasePractices } from './practice-queries';

/** On a case page: the published practices and protocols of its topics, one click away. */
export function CasePracticesSection({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation('practices');
  const practices = useCasePractices(caseId);
  const items = practices.data?.items ?? [];
  return (
    <Box component="section" aria-labelledby="case-practices-title">
      <Typography id="case-practices-title" variant="h5" component="h2" gutterBottom>
        {t('casePractices.title')}
      </Typography>
      <Typography>{t('casePractices.intro')}</Typography>
      {practices.isSuccess && items.length === 0 && (
        <Typography>{t('casePractices.none')}</Typography>
      )}
      <List dense>
        {items.map((p) => (
          <ListItem key={p.id} disableGutters>
            <Link component={RouterLink} to={`/practices/${p.id}`}>
              {t(`kinds.${p.kind}`)}: {titleOf(p, i18n.language)}
            </Link>
          </ListItem>
        ))}
      </List>
      <Link component={RouterLink} to="/practices">
        {t('casePractices.catalogue')}
      </Link>
    </Box>
  );
}
