import type { questionnaireCalls } from '../../../shared/contract/calls/questionnaire-calls';
import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import { importQuestionnaireAnswers, importQuestionnaireDocx } from './import-answers';
import { buildQuestionnaireDocxForm, buildQuestionnaireForm } from './questionnaire-form';
import { applyLinkAnswers, publishQuestionnaireLinks, revokeQuestionnaireLink } from './questionnaire-links';
import { createQuestionnaire, listQuestionnaires, listSelfServiceQuestions } from './questionnaire-repository';

export const questionnaireHandlers = ({ db, tokenStore }: AppServices): HandlersFor<typeof questionnaireCalls> => ({
  'questionnaires:questions': (input) => listSelfServiceQuestions(db, input.caseId),
  'questionnaires:create': (input) => {
    const created = createQuestionnaire(db, input);
    const listed = listQuestionnaires(db, input.caseId).find((q) => q.id === created.id);
    if (!listed) throw new Error(`questionnaire ${created.id} was created but is not listed`);
    return listed;
  },
  'questionnaires:list': (input) => listQuestionnaires(db, input.caseId),
  'questionnaires:form': (input) => buildQuestionnaireForm(db, input.questionnaireId, input.stakeholder),
  'questionnaires:formDocx': (input) => buildQuestionnaireDocxForm(db, input.questionnaireId, input.stakeholder),
  'questionnaires:importDocx': (input) => importQuestionnaireDocx(db, input.caseId, Buffer.from(input.docxBase64, 'base64'), input.overwrite),
  'questionnaires:import': (input) => importQuestionnaireAnswers(db, input.caseId, input.fileText, input.overwrite),
  'questionnaires:publishLinks': (input) => publishQuestionnaireLinks({ db, tokenStore }, input),
  'questionnaires:revokeLink': (input) => revokeQuestionnaireLink({ db, tokenStore }, input.linkId),
  'questionnaires:applyLinkAnswers': (input) => applyLinkAnswers(db, input.linkId, input.overwrite),
});
