import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api';
import type { ProposalStatus } from '../../../shared/domain/proposals';

const key = (caseId: string) => ['proposals', caseId] as const;

export const useProposals = (caseId: string) => useQuery({ queryKey: key(caseId), queryFn: () => api.listProposals({ caseId }) });

const useRefresh = (caseId: string) => {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: key(caseId) });
    void client.invalidateQueries({ queryKey: ['history'] });
  };
};

export const useCreateProposal = (caseId: string) => {
  const onSuccess = useRefresh(caseId);
  return useMutation({ mutationFn: () => api.createProposal({ caseId }), onSuccess });
};

export const useUpdateProposal = (caseId: string) => {
  const onSuccess = useRefresh(caseId);
  return useMutation({
    mutationFn: (input: { id: string; status?: ProposalStatus; discountBasisPoints?: number; terms?: string }) => api.updateProposal(input),
    onSuccess,
  });
};

export const useUpdateLine = (caseId: string) => {
  const onSuccess = useRefresh(caseId);
  return useMutation({ mutationFn: (input: { id: string; quantity: number }) => api.updateProposalLine(input), onSuccess });
};
