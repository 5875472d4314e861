import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shell/problem-alert';

interface ConfirmDialogProps {
  open: boolean;
  /** Names the action and what it acts on: "Deactivate the Consulate General in Houston?". */
  title: string;
  /** What will happen, in plain words. */
  description: string;
  confirmLabel: string;
  onConfirm(): void;
  onClose(): void;
  busy?: boolean;
  /** The failure of the last attempt, shown inside the dialog. */
  error?: unknown;
  /** Fields the action needs (a reason, say). */
  children?: ReactNode;
  /** False for an action that undoes nothing (reactivating): a primary button, not a red one. */
  destructive?: boolean;
}

/**
 * Every destructive or irreversible action asks first. MUI returns the focus to the button that
 * opened the dialog when it closes.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation('directory');
  const titleId = 'confirm-dialog-title';
  return (
    <Dialog
      open={props.open}
      onClose={props.busy ? undefined : props.onClose}
      aria-labelledby={titleId}
      aria-describedby="confirm-dialog-description"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText id="confirm-dialog-description" sx={{ mb: 2 }}>
          {props.description}
        </DialogContentText>
        {props.children}
        {props.error !== undefined && props.error !== null && <ProblemAlert error={props.error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={props.busy}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          color={props.destructive === false ? 'primary' : 'error'}
          onClick={props.onConfirm}
          loading={props.busy}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
