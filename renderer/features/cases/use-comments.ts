import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api';

const commentsKey = (caseId: string) => ['comments', caseId] as const;

export const useComments = (caseId: string) => useQuery({ queryKey: commentsKey(caseId), queryFn: () => api.listComments({ caseId }) });

export const useAddComment = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; findingId: string | null }) => api.addComment({ caseId, ...input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: commentsKey(caseId) }),
  });
};
