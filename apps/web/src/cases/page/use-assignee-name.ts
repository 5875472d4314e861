import { useTranslation } from 'react-i18next';
import { useMe } from '../../shell/use-me';
import type { CaseDetail } from '../case-queries';
import { useAssignableOfficers } from './assignable-officers';
import { useWho } from './use-who';

/**
 * The case's assignee as a reader knows them: "you", their name when the reader may assign the case
 * (the only route that names colleagues), else a short id.
 */
export function useAssigneeName(c: CaseDetail): string {
  const { t } = useTranslation('cases');
  const me = useMe().data;
  const who = useWho();
  const assignee = c.assignedOfficerId;
  const officers = useAssignableOfficers(
    c.id,
    c.callerMay.assign && Boolean(assignee) && assignee !== me?.id,
  );
  if (!assignee) return t('page.unassigned');
  if (assignee === me?.id) return who(assignee);
  return officers.data?.items.find((o) => o.id === assignee)?.displayName ?? who(assignee);
}
