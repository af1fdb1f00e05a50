import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnrollInput } from '../../../shared/sync/sync-status';
import { api } from '../../api/api';

const statusKey = ['sync', 'status'] as const;

/** The sync status, refreshed every half minute so "last sync" and the pending count stay current. */
export const useSyncStatus = () => useQuery({ queryKey: statusKey, queryFn: () => api.getSyncStatus({}), refetchInterval: 30_000 });

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
