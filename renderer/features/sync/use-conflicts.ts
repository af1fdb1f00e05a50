import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResolveConflictInput } from '../../../shared/sync/conflicts';
import { api } from '../../api/api';

export const conflictsKey = ['sync', 'conflicts'] as const;

/** The open conflicts of one case (fields two devices changed while offline). */
export const useCaseConflicts = (caseId: string) => useQuery({ queryKey: [...conflictsKey, caseId], queryFn: () => api.listConflicts({ caseId }) });

export const useResolveConflict = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ResolveConflictInput) => api.resolveConflict(input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: conflictsKey });
      // The chosen value is now the record's: every screen that shows the record reads it again.
      void client.invalidateQueries({ queryKey: ['proposals'] });
      void client.invalidateQueries({ queryKey: ['sync', 'status'] });
    },
  });
};
