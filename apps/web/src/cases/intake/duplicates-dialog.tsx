import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FoundPerson } from './intake-form';
import { PersonMatches } from './person-matches';

/**
 * Asked once before registering when registered persons look like the new one (DHIS2's possible
 * duplicates on save): link one of them, or register the person as new.
 */
export function DuplicatesDialog({
  open,
  matches,
  dateOfBirth,
  onUse,
  onRegisterNew,
  onClose,
}: {
  open: boolean;
  matches: FoundPerson[];
  dateOfBirth: string;
  onUse(person: FoundPerson): void;
  onRegisterNew(): void;
  onClose(): void;
}) {
  const { t } = useTranslation('cases');
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="duplicates-title"
    >
      <DialogTitle id="duplicates-title">{t('duplicates.dialogTitle')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{t('duplicates.dialogIntro')}</Typography>
        <PersonMatches matches={matches} dateOfBirth={dateOfBirth} onUse={onUse} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={onRegisterNew}>
          {t('duplicates.registerNew')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
