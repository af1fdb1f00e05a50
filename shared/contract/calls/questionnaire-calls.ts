import { z } from 'zod';
import { defineCall } from '../define-call';
import { idSchema } from '../../domain/cases';
import { stakeholderSchema } from '../../interview/bank-schema';
import {
  importAnswersResultSchema,
  importAnswersSchema,
  importDocxSchema,
  publishLinksSchema,
  questionnaireLinkSchema,
  questionnaireDocxSchema,
  questionnaireCreateSchema,
  questionnaireFormSchema,
  questionnaireSchema,
  selfServiceQuestionSchema,
} from '../../questionnaire/questionnaire-schemas';

export const questionnaireCalls = {
  'questionnaires:questions': defineCall({
    method: 'listSelfServiceQuestions',
    summary: "The case's bank questions a customer can answer alone before the visit",
    input: z.object({ caseId: idSchema }),
    output: z.array(selfServiceQuestionSchema),
  }),
  'questionnaires:create': defineCall({
    method: 'createQuestionnaire',
    summary: 'A pre-visit questionnaire for chosen stakeholders and questions, with a cover message',
    input: questionnaireCreateSchema,
    output: questionnaireSchema,
  }),
  'questionnaires:list': defineCall({
    method: 'listQuestionnaires',
    summary: "A case's questionnaires: what was sent to whom, what came back, what is still open",
    input: z.object({ caseId: idSchema }),
    output: z.array(questionnaireSchema),
  }),
  'questionnaires:form': defineCall({
    method: 'exportQuestionnaireForm',
    summary: "One stakeholder's form as a single offline HTML file",
    input: z.object({ questionnaireId: idSchema, stakeholder: stakeholderSchema }),
    output: questionnaireFormSchema,
  }),
  'questionnaires:formDocx': defineCall({
    method: 'exportQuestionnaireDocx',
    summary: "One stakeholder's form as an editable Word document with content controls",
    input: z.object({ questionnaireId: idSchema, stakeholder: stakeholderSchema }),
    output: questionnaireDocxSchema,
  }),
  'questionnaires:importDocx': defineCall({
    method: 'importQuestionnaireDocx',
    summary: 'A filled Word response form into the case, as customer-provided answers',
    input: importDocxSchema,
    output: importAnswersResultSchema,
  }),
  'questionnaires:import': defineCall({
    method: 'importQuestionnaireAnswers',
    summary: "A customer's answers file into the case, as customer-provided answers",
    input: importAnswersSchema,
    output: importAnswersResultSchema,
  }),
  'questionnaires:publishLinks': defineCall({
    method: 'publishQuestionnaireLinks',
    summary: 'One link per stakeholder served by the partner hub, each with a one-time token and an expiry',
    input: publishLinksSchema,
    output: z.array(questionnaireLinkSchema),
  }),
  'questionnaires:revokeLink': defineCall({
    method: 'revokeQuestionnaireLink',
    summary: 'Withdraws a hub link: the customer can no longer open or answer it',
    input: z.object({ linkId: idSchema }),
    output: questionnaireLinkSchema,
  }),
  'questionnaires:applyLinkAnswers': defineCall({
    method: 'applyQuestionnaireLinkAnswers',
    summary: "Applies a hub link's collected answers again, over the engineer's own answers when asked",
    input: z.object({ linkId: idSchema, overwrite: z.boolean().default(false) }),
    output: importAnswersResultSchema,
  }),
} as const;
