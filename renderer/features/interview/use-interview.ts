import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api';
import type { AnswerInput, EvidenceInput, ExceptionInput } from '../../../shared/interview/api-schemas';
import type { Stakeholder } from '../../../shared/interview/bank-schema';

export const interviewKeys = {
  bank: (caseId: string) => ['interview', caseId, 'bank'] as const,
  answers: (caseId: string) => ['interview', caseId, 'answers'] as const,
  score: (caseId: string) => ['interview', caseId, 'score'] as const,
};

/** The bank in the app's language (its texts only): the key carries the language, so switching it reloads. */
export const useCaseBank = (caseId: string, locale: string) =>
  useQuery({ queryKey: [...interviewKeys.bank(caseId), locale], queryFn: () => api.getInterviewBank({ caseId, inAppLanguage: true }), staleTime: Infinity });

/** Loaded once per visit: while the tab is open, the screen's own state is the truth and autosave writes it through. */
export const useInterviewState = (caseId: string) =>
  useQuery({
    queryKey: interviewKeys.answers(caseId),
    queryFn: () => api.listAnswers({ caseId }),
    // Dropped when the tab closes, so coming back always resumes from what is on disk.
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useCaseScore = (caseId: string) => useQuery({ queryKey: interviewKeys.score(caseId), queryFn: () => api.getCaseScore({ caseId }) });

const useRefreshScore = (caseId: string) => {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: interviewKeys.score(caseId) });
};

const carriedKey = (caseId: string) => ['interview', 'carried', caseId] as const;

/** Questions whose answers came over from the previous assessment and wait to be confirmed. */
export const useCarriedAnswers = (caseId: string) =>
  useQuery({ queryKey: carriedKey(caseId), queryFn: () => api.listCarriedAnswers({ caseId }) });

export const useSaveAnswer = (caseId: string) => {
  const refresh = useRefreshScore(caseId);
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<AnswerInput, 'caseId'>) => api.answerQuestion({ caseId, ...input }),
    onSuccess: () => {
      // The first answer pins the case's bank version.
      const banks = client.getQueriesData<{ pinned: boolean }>({ queryKey: interviewKeys.bank(caseId) });
      if (banks.some(([, bank]) => bank && !bank.pinned)) void client.invalidateQueries({ queryKey: interviewKeys.bank(caseId) });
      // Answering a carried-over question confirms it.
      void client.invalidateQueries({ queryKey: carriedKey(caseId) });
      refresh();
    },
  });
};

export const useSaveNote = (caseId: string) =>
  useMutation({ mutationFn: (input: { questionId: string; note: string }) => api.setAnswerNote({ caseId, ...input }) });

export const useSavePosition = (caseId: string) =>
  useMutation({
    mutationFn: (input: { questionId: string; stakeholder: Stakeholder | null }) => api.setInterviewPosition({ caseId, ...input }),
  });

export const useAddEvidence = (caseId: string) =>
  useMutation({ mutationFn: (input: Omit<EvidenceInput, 'caseId'>) => api.addEvidence({ caseId, ...input }) });

export const useAddException = (caseId: string) => {
  const refresh = useRefreshScore(caseId);
  return useMutation({ mutationFn: (input: Omit<ExceptionInput, 'caseId'>) => api.addFindingException({ caseId, ...input }), onSuccess: refresh });
};

export const useRemoveException = (caseId: string) => {
  const refresh = useRefreshScore(caseId);
  return useMutation({ mutationFn: (findingId: string) => api.removeFindingException({ caseId, findingId }), onSuccess: refresh });
};
