import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import type { Me } from '../shell/use-me';
import { useConsulateOptions } from '../directory/consulates/use-consulate-options';

export type Transfer = components['schemas']['TransferResponse'];
export type Direction = 'incoming' | 'outgoing';

/** Query keys: every list under `transfers`, so one decision refreshes them all. */
export const transferKeys = {
  all: ['transfers'] as const,
  list: (direction: Direction | 'all', status?: string, cursor?: string) =>
    ['transfers', 'list', direction, status ?? '', cursor ?? ''] as const,
};

const listTransfers = (
  direction: Direction | 'all',
  status?: Transfer['status'],
  cursor?: string,
) =>
  unwrap(
    api.GET('/api/v1/transfers', { params: { query: { direction, status, cursor, limit: 100 } } }),
  );

export const useTransferList = (direction: Direction, cursor?: string) =>
  useQuery({
    queryKey: transferKeys.list(direction, undefined, cursor),
    queryFn: () => listTransfers(direction, undefined, cursor),
  });

/** The pending ones of a direction, for the tab's count. */
export const usePendingCount = (direction: Direction) => {
  const pending = useQuery({
    queryKey: transferKeys.list(direction, 'pending'),
    queryFn: () => listTransfers(direction, 'pending'),
  });
  return pending.data?.items.length;
};

/**
 * The case's pending transfer, if any: a case has at most one (the API refuses a second with
 * TRANSFER_PENDING). Read from the caller's pending transfers, which are few.
 */
export function usePendingTransferOf(caseId: string, enabled: boolean) {
  const pending = useQuery({
    queryKey: transferKeys.list('all', 'pending'),
    queryFn: () => listTransfers('all', 'pending'),
    enabled,
  });
  return pending.data?.items.find((t) => t.caseId === caseId);
}

/** Who may withdraw a pending transfer: who proposed it, a consul of the sending post, a supervisor. */
export function mayCancel(transfer: Transfer, me: Me | undefined): boolean {
  if (!me) return false;
  if (transfer.proposedBy === me.id) return true;
  return me.grants.some(
    (g) =>
      (g.role === 'consul' && g.consulateId === transfer.fromConsulateId) ||
      g.role === 'supervisor',
  );
}

/** The active posts a case of this post may move to: the same country's, this one excluded. */
export function useReceivingPosts(fromConsulateId: string, inactiveMark: string) {
  const consulates = useConsulateOptions(inactiveMark);
  const posts = useMemo(() => {
    const all = consulates.data ?? [];
    const from = all.find((c) => c.id === fromConsulateId);
    return all
      .filter(
        (c) =>
          c.active &&
          c.id !== fromConsulateId &&
          from !== undefined &&
          c.sendingCountryCode === from.sendingCountryCode,
      )
      .map((c) => ({ value: c.id, label: `${c.name} (${c.sendingCountryCode}-${c.postCode})` }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [consulates.data, fromConsulateId]);
  return { ...consulates, posts };
}
