import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { regionalKeys } from './regional-queries';
import { listRegionalReports, reportInProgress, requestRegionalReport } from './report-api';

/** How often the list is asked again while a report is being produced. */
export const REPORT_POLL_MS = 2000;

/** The semester's reports, newest first; polled while one is queued or running. */
export function useRegionalReports(semester: string) {
  return useQuery({
    queryKey: regionalKeys.reports(semester),
    queryFn: () => listRegionalReports(semester),
    refetchInterval: (query) =>
      query.state.data?.items.some(reportInProgress) ? REPORT_POLL_MS : false,
  });
}

/** Queues a report; the list is asked again so it shows (and polling starts). */
export function useRequestRegionalReport(semester: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestRegionalReport(semester),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionalKeys.reports(semester) }),
  });
}
