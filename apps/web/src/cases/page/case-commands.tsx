import { Button, Stack } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AskAssistanceDialog } from '../../assistance/ask-assistance-dialog';
import { useCodeLabel } from '../../codes/use-code-lists';
import { ProposeTransferDialog } from '../../transfers/propose-transfer-dialog';
import { usePendingTransferOf } from '../../transfers/transfer-queries';
import type { VersionedCase } from '../case-queries';
import { AssignDialog } from './assign-dialog';
import { CaseEditDialog } from './case-edit-dialog';
import { TransitionDialog } from './transition-dialog';
import { transitionKind, type OfferedTransition } from './transition-kinds';

type Open =
  | { edit: true }
  | { assign: true }
  | { ask: true }
  | { transfer: true }
  | { transition: OfferedTransition }
  | null;

/**
 * What the reader may do with the case, exactly as the API says (`callerMay`,
 * `allowedTransitions`): one button each, each opening its dialog. Focus goes back to the button,
 * or to the page title when the button is gone (the status moved on).
 */
export function CaseCommands({
  current,
  onNotice,
}: {
  current: VersionedCase;
  onNotice(message: string): void;
}) {
  const { t } = useTranslation('cases');
  const label = useCodeLabel();
  const c = current.case;
  const [open, setOpen] = useState<Open>(null);
  // One transfer at a time: while one waits, the banner above offers to withdraw it instead.
  const pendingTransfer = usePendingTransferOf(c.id, c.callerMay.transfer);
  const opener = useRef<HTMLElement | null>(null);
  // The button itself, not the focused element: Safari does not focus a clicked button.
  const show = (next: Open, button: HTMLElement) => {
    opener.current = button;
    setOpen(next);
  };
  const close = () => {
    setOpen(null);
    setTimeout(() => {
      const back = opener.current?.isConnected
        ? opener.current
        : document.getElementById('case-title');
      back?.focus();
    });
  };
  const done = (message: string) => {
    close();
    onNotice(message);
  };

  return (
    <>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
        {c.allowedTransitions.map((offered) => {
          const kind = transitionKind(c.status, offered.to);
          return (
            <Button
              key={offered.to}
              variant="contained"
              onClick={(e) => show({ transition: offered }, e.currentTarget)}
            >
              {t(`transitions.kinds.${kind}.button`)}
            </Button>
          );
        })}
        {c.callerMay.update && (
          <Button variant="outlined" onClick={(e) => show({ edit: true }, e.currentTarget)}>
            {t('edit.open')}
          </Button>
        )}
        {c.callerMay.recordActions && c.status !== 'closed' && (
          <Button variant="outlined" onClick={(e) => show({ ask: true }, e.currentTarget)}>
            {t('ask.open', { ns: 'assistance' })}
          </Button>
        )}
        {c.callerMay.transfer && !pendingTransfer && (
          <Button variant="outlined" onClick={(e) => show({ transfer: true }, e.currentTarget)}>
            {t('propose.open', { ns: 'transfers' })}
          </Button>
        )}
        {c.callerMay.assign && (
          <Button variant="outlined" onClick={(e) => show({ assign: true }, e.currentTarget)}>
            {t('assign.open')}
          </Button>
        )}
      </Stack>
      <CaseEditDialog
        open={open !== null && 'edit' in open}
        current={current}
        onClose={close}
        onSaved={() => done(t('edit.saved'))}
      />
      {open && 'assign' in open && (
        <AssignDialog current={current} onClose={close} onDone={() => done(t('assign.saved'))} />
      )}
      {open && 'ask' in open && <AskAssistanceDialog caseId={c.id} onClose={close} onSent={done} />}
      {open && 'transfer' in open && (
        <ProposeTransferDialog
          caseId={c.id}
          consulateId={c.consulateId}
          onClose={close}
          onSent={done}
        />
      )}
      {open && 'transition' in open && (
        <TransitionDialog
          current={current}
          offered={open.transition}
          onClose={close}
          onDone={(saved) =>
            done(t('transitions.saved', { status: label('caseStatuses', saved.case.status) }))
          }
        />
      )}
    </>
  );
}
