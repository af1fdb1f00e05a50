import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnrollInput } from '../../../shared/sync/sync-status';
import { statusRefreshMs } from './status-refresh';
import { api } from '../../api/api';

const statusKey = ['sync', 'status'] as const;

export const useSyncStatus = () =>
  useQuery({
    queryKey: statusKey,
    queryFn: () => api.getSyncStatus({}),
    refetchInterval: (query) => statusRefreshMs(query.state.data, Date.now()),
  });

/** Pause or resume background sync; the answer is the new status. */
export const useSetBackgroundSync = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (paused: boolean) => api.setBackgroundSync({ paused }),
    onSuccess: (status) => client.setQueryData(statusKey, status),
  });
};

export const useEnroll = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EnrollInput) => api.enrollDevice(input),
    onSuccess: (status) => client.setQueryData(statusKey, status),
  });
};

export const useSyncNow = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.syncNow({}),
    onSuccess: (report) => {
      client.setQueryData(statusKey, report.status);
      void client.invalidateQueries({ queryKey: ['sync', 'partner-cases'] });
      void client.invalidateQueries({ queryKey: ['sync', 'conflicts'] });
      void client.invalidateQueries({ queryKey: ['proposals'] });
      // A sync may bring customers' answers to questionnaire links: their status and the interview change.
      void client.invalidateQueries({ queryKey: ['questionnaires'] });
      void client.invalidateQueries({ queryKey: ['interview'] });
    },
    // A failure is recorded in the status too: show it there.
    onSettled: () => void client.invalidateQueries({ queryKey: statusKey }),
  });
};
