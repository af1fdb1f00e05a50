import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api';
import type { Stakeholder } from '../../../shared/interview/bank-schema';
import type { QuestionnaireCreateInput } from '../../../shared/questionnaire/questionnaire-schemas';

const keys = {
  list: (caseId: string) => ['questionnaires', caseId] as const,
  questions: (caseId: string) => ['questionnaires', caseId, 'questions'] as const,
};

export const useSelfServiceQuestions = (caseId: string) =>
  useQuery({ queryKey: keys.questions(caseId), queryFn: () => api.listSelfServiceQuestions({ caseId }) });

export const useQuestionnaires = (caseId: string) => useQuery({ queryKey: keys.list(caseId), queryFn: () => api.listQuestionnaires({ caseId }) });

export const useCreateQuestionnaire = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<QuestionnaireCreateInput, 'caseId'>) => api.createQuestionnaire({ caseId, ...input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.list(caseId) }),
  });
};

export const useExportForm = () =>
  useMutation({ mutationFn: (input: { questionnaireId: string; stakeholder: Stakeholder }) => api.exportQuestionnaireForm(input) });

export const useExportDocx = () =>
  useMutation({ mutationFn: (input: { questionnaireId: string; stakeholder: Stakeholder }) => api.exportQuestionnaireDocx(input) });

/** An answers file from the HTML form (JSON text) or a filled Word form (base64 of the DOCX). */
export type AnswersUpload = { kind: 'json'; fileText: string } | { kind: 'docx'; docxBase64: string };

export const useImportAnswers = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ upload, overwrite }: { upload: AnswersUpload; overwrite: boolean }) =>
      upload.kind === 'json'
        ? api.importQuestionnaireAnswers({ caseId, fileText: upload.fileText, overwrite })
        : api.importQuestionnaireDocx({ caseId, docxBase64: upload.docxBase64, overwrite }),
    // The interview reloads from disk next time it opens; the status and the score change now.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.list(caseId) });
      void client.invalidateQueries({ queryKey: keys.questions(caseId) });
      void client.invalidateQueries({ queryKey: ['interview', caseId] });
    },
  });
};

const invalidateCase = (client: ReturnType<typeof useQueryClient>, caseId: string) => {
  void client.invalidateQueries({ queryKey: keys.list(caseId) });
  void client.invalidateQueries({ queryKey: keys.questions(caseId) });
  void client.invalidateQueries({ queryKey: ['interview', caseId] });
};

export const usePublishLinks = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { questionnaireId: string; stakeholders: Stakeholder[]; expiresInDays: number }) => api.publishQuestionnaireLinks(input),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.list(caseId) }),
  });
};

export const useRevokeLink = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => api.revokeQuestionnaireLink({ linkId }),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.list(caseId) }),
  });
};

/** "Take the customer's answers instead" for answers a hub link brought back. */
export const useApplyLinkAnswers = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => api.applyQuestionnaireLinkAnswers({ linkId, overwrite: true }),
    onSuccess: () => invalidateCase(client, caseId),
  });
};
