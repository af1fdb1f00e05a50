import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api';
import type { CaseCreateInput, CaseDetail, CaseUpdateInput } from '../../../shared/domain/cases';

export const caseKeys = {
  all: ['cases'] as const,
  list: (includeArchived: boolean, search: string, limit: number) => ['cases', 'list', { includeArchived, search, limit }] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
};

/**
 * The newest `limit` cases, and one more to tell whether there are others: a laptop with a
 * partner's 10,000 cases must not lay out 10,000 rows to show the first screen.
 */
export const useCaseList = (includeArchived: boolean, search: string, limit: number) =>
  useQuery({
    queryKey: caseKeys.list(includeArchived, search, limit),
    queryFn: async () => {
      const list = await api.listCases({ includeArchived, search, limit: limit + 1 });
      return { cases: list.slice(0, limit), more: list.length > limit };
    },
    // "Show more" keeps the rows on screen while the longer list loads.
    placeholderData: keepPreviousData,
  });

export const useCase = (id: string) => useQuery({ queryKey: caseKeys.detail(id), queryFn: () => api.getCase({ id }) });

/** After any write: the detail is known exactly, lists are refetched. */
const useStoreCase = () => {
  const client = useQueryClient();
  return (saved: CaseDetail) => {
    client.setQueryData(caseKeys.detail(saved.id), saved);
    void client.invalidateQueries({ queryKey: ['cases', 'list'] });
    void client.invalidateQueries({ queryKey: ['history'] });
  };
};

export const useCreateCase = () => {
  const store = useStoreCase();
  return useMutation({ mutationFn: (input: CaseCreateInput) => api.createCase(input), onSuccess: store });
};

export const useUpdateCase = () => {
  const store = useStoreCase();
  return useMutation({ mutationFn: (input: CaseUpdateInput) => api.updateCase(input), onSuccess: store });
};

export const useArchiveCase = () => {
  const store = useStoreCase();
  return useMutation({
    mutationFn: (input: { id: string; archived: boolean }) => api.archiveCase(input),
    onSuccess: store,
  });
};

export const useReassessCase = () => {
  const store = useStoreCase();
  return useMutation({ mutationFn: (previousCaseId: string) => api.reassessCase({ previousCaseId }), onSuccess: store });
};

export const useCompleteCase = () => {
  const store = useStoreCase();
  return useMutation({ mutationFn: (input: { id: string; by?: string }) => api.completeCase(input), onSuccess: store });
};

export const useReopenCase = () => {
  const store = useStoreCase();
  return useMutation({ mutationFn: (input: { id: string; reason: string }) => api.reopenCase(input), onSuccess: store });
};

export const useCaseEvents = (id: string) => useQuery({ queryKey: ['cases', 'events', id], queryFn: () => api.listCaseEvents({ id }) });
