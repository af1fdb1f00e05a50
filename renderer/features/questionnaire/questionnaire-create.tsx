import { useState } from 'react';
import { stakeholders, type Stakeholder } from '../../../shared/interview/bank-schema';
import { useText } from '../../i18n/app-intl';
import { stakeholderIds } from '../../i18n/label-ids';
import { ErrorState, QueryView } from '../../components/query-state';
import { useCreateQuestionnaire, useSelfServiceQuestions } from './use-questionnaires';

/** Choose who gets a questionnaire, which questions, and a cover message. */
export const QuestionnaireCreate = ({ caseId }: { caseId: string }) => {
  const questions = useSelfServiceQuestions(caseId);
  const create = useCreateQuestionnaire(caseId);
  const [chosen, setChosen] = useState<Set<Stakeholder>>(new Set());
  const [left, setLeft] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');
  const { t } = useText();
  const toggle = <T,>(set: Set<T>, item: T) => {
    const next = new Set(set);
    if (next.has(item)) next.delete(item);
    else next.add(item);
    return next;
  };

  return (
    <section className="card" aria-labelledby="questionnaire-create-title">
      <h2 id="questionnaire-create-title">{t('qcreate.title')}</h2>
      <p className="muted">{t('qcreate.lead')}</p>
      <QueryView query={questions}>
        {(all) => {
          const offered = all.filter((q) => q.stakeholders.some((s) => chosen.has(s)));
          const picked = offered.filter((q) => !left.has(q.id));
          return (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                create.mutate(
                  { stakeholders: [...chosen], questionIds: picked.map((q) => q.id), coverMessage: message },
                  { onSuccess: () => setChosen(new Set()) },
                );
              }}
            >
              <fieldset className="form-section">
                <legend>{t('qcreate.who')}</legend>
                {stakeholders.map((s) => (
                  <label key={s} className="choice-inline">
                    <input type="checkbox" checked={chosen.has(s)} onChange={() => setChosen((c) => toggle(c, s))} /> {t(stakeholderIds[s])}
                  </label>
                ))}
              </fieldset>
              {chosen.size > 0 && (
                <fieldset className="form-section">
                  <legend>
                    {t('qcreate.questions', { picked: picked.length, offered: offered.length })}
                  </legend>
                  <ul className="plain-list questionnaire-questions">
                    {offered.map((q) => (
                      <li key={q.id}>
                        <label>
                          <input type="checkbox" checked={!left.has(q.id)} onChange={() => setLeft((l) => toggle(l, q.id))} />{' '}
                          <span dir="auto">{q.text}</span> <span className="muted">
                            · <span data-bank-text="">{q.pillarTitle}</span>
                            {q.answered ? ` · ${t('qcreate.answered')}` : ''}
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              )}
              <div className="field">
                <label htmlFor="questionnaire-message">{t('qcreate.message')}</label>
                <textarea id="questionnaire-message" className="input" rows={3} maxLength={5000} value={message} onChange={(e) => setMessage(e.target.value)} />
              </div>
              {create.isError && <ErrorState error={create.error} />}
              <div className="form-actions">
                <button type="submit" className="button button-primary" disabled={chosen.size === 0 || picked.length === 0 || create.isPending}>
                  {t('qcreate.create')}
                </button>
              </div>
            </form>
          );
        }}
      </QueryView>
    </section>
  );
};
