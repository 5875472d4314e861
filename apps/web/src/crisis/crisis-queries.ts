import { useQuery } from '@tanstack/react-query';
import { crisisApi } from './crisis-api';
import type { RosterFilter } from './crisis-types';

/** Query keys: everything of one event under `['crisis', id]`, so a write refreshes all of it. */
export const crisisKeys = {
  all: ['crisis'] as const,
  events: ['crisis', 'events'] as const,
  event: (id: string) => ['crisis', id] as const,
  detail: (id: string) => ['crisis', id, 'detail'] as const,
  roster: (id: string, filter: RosterFilter) => ['crisis', id, 'roster', filter] as const,
  entry: (id: string, entryId: string) => ['crisis', id, 'entry', entryId] as const,
  dashboard: (id: string) => ['crisis', id, 'dashboard'] as const,
  enquiries: (id: string) => ['crisis', id, 'enquiries'] as const,
  enquiry: (id: string, enquiryId: string) => ['crisis', id, 'enquiry', enquiryId] as const,
  movements: (id: string) => ['crisis', id, 'movements'] as const,
  movement: (id: string, movementId: string) => ['crisis', id, 'movement', movementId] as const,
};

export const useCrisisEvents = () =>
  useQuery({ queryKey: crisisKeys.events, queryFn: () => crisisApi.events() });

export const useCrisisEvent = (id: string) =>
  useQuery({ queryKey: crisisKeys.detail(id), queryFn: () => crisisApi.event(id) });

export const useRoster = (id: string, filter: RosterFilter) =>
  useQuery({
    queryKey: crisisKeys.roster(id, filter),
    queryFn: () => crisisApi.roster(id, filter),
  });

export const useRosterEntry = (id: string, entryId: string | undefined) =>
  useQuery({
    queryKey: crisisKeys.entry(id, entryId ?? ''),
    queryFn: () => crisisApi.entry(id, entryId!),
    enabled: Boolean(entryId),
  });

export const useDashboard = (id: string) =>
  useQuery({ queryKey: crisisKeys.dashboard(id), queryFn: () => crisisApi.dashboard(id) });

export const useEnquiries = (id: string) =>
  useQuery({ queryKey: crisisKeys.enquiries(id), queryFn: () => crisisApi.enquiries(id) });

export const useEnquiry = (id: string, enquiryId: string | undefined) =>
  useQuery({
    queryKey: crisisKeys.enquiry(id, enquiryId ?? ''),
    queryFn: () => crisisApi.enquiry(id, enquiryId!),
    enabled: Boolean(enquiryId),
  });

export const useMovements = (id: string) =>
  useQuery({ queryKey: crisisKeys.movements(id), queryFn: () => crisisApi.movements(id) });

export const useMovement = (id: string, movementId: string) =>
  useQuery({
    queryKey: crisisKeys.movement(id, movementId),
    queryFn: () => crisisApi.movement(id, movementId),
  });
