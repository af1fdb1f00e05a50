import { useEffect, useRef } from 'react';
import type { AnswerValue } from '../../../shared/interview/answer-values';
import type { EvidenceRecord } from '../../../shared/interview/api-schemas';
import type { BankQuestion } from '../../../shared/interview/parse-bank';
import { AnswerControl } from './answer-control';
import { EvidencePanel } from './evidence-panel';
import type { LocalAnswer, Prefill } from './interview-model';
import { SaveStatusLine, type SaveStatus } from './save-status';
import { useText } from '../../i18n/app-intl';
import { stakeholderIds } from '../../i18n/label-ids';
import { useDescribeAnswer } from './answer-control';

export interface QuestionCardProps {
  readonly caseId: string;
  readonly entry: BankQuestion;
  readonly pillarTitle: string;
  readonly position: { readonly index: number; readonly count: number };
  readonly current: LocalAnswer | undefined;
  readonly prefill: Prefill | undefined;
  readonly carried: boolean;
  readonly draft: string;
  readonly onDraft: (text: string) => void;
  readonly onSave: (value: AnswerValue) => void;
  /** Keeps the customer-provided answer as the engineer's own. */
  readonly onConfirm: () => void;
  readonly onCommitDraft: () => void;
  readonly onBack: () => void;
  readonly onNext: () => void;
  readonly status: SaveStatus;
  readonly note: { readonly text: string; readonly onChange: (text: string) => void; readonly onCommit: () => void };
  readonly evidence: readonly EvidenceRecord[];
  readonly onEvidenceAdded: (record: EvidenceRecord) => void;
}

/** One question on screen: text, answer control, navigation, note and evidence. */
export const QuestionCard = (props: QuestionCardProps) => {
  const { entry, current, prefill, position } = props;
  const question = entry.question;
  const cardRef = useRef<HTMLElement>(null);
  const { t } = useText();
  const describe = useDescribeAnswer();

  // A new question: focus its answer box if it has one, else the card, so the number keys work.
  useEffect(() => {
    const input = document.getElementById(`answer-${question.id}-input`);
    if (input) input.focus();
    else cardRef.current?.focus();
  }, [question.id]);

  return (
    <section
      ref={cardRef}
      className="card question-card"
      tabIndex={-1}
      aria-labelledby="question-text"
      data-question-id={question.id}
      data-question-type={question.type}
    >
      <p className="question-context muted">
        <span data-bank-text="">
          {props.pillarTitle} › {entry.sectionTitle}
        </span>{' '}
        · {t('interview.position', { n: position.index + 1, count: position.count })}
      </p>
      <h2 id="question-text" dir="auto" data-bank-text="">
        {question.text}
      </h2>
      <p className="question-meta">
        {question.stakeholders.map((s) => (
          <span key={s} className="badge badge-stakeholder">
            {t(stakeholderIds[s])}
          </span>
        ))}
        {(current?.measured || prefill) && (
          <span className="badge badge-measured" title={prefill ? t('interview.measuredFrom', { metric: prefill.metric }) : t('results.measuredTitle')}>
            {prefill ? t('interview.measuredValue', { value: describe(question, prefill.value) }) : t('results.measured')}
          </span>
        )}
        {current?.customer && (
          <span className="badge badge-customer" title={t('interview.fromCustomerTitle', { respondent: current.customer.respondent })}>
            {t('interview.fromCustomer', { respondent: current.customer.respondent, stakeholder: t(stakeholderIds[current.customer.stakeholder]) })}{' '}
            <button type="button" className="button button-quiet button-small" onClick={props.onConfirm}>
              {t('interview.confirm')}
            </button>
          </span>
        )}
        {props.carried && (
          <span className="badge badge-carried" title={t('interview.carriedTitle')}>
            {t('interview.carried')}
          </span>
        )}
      </p>
      <p className="question-help" data-bank-text="">
        {question.help}
      </p>
      <AnswerControl
        question={question}
        value={current?.value}
        draft={props.draft}
        onDraft={props.onDraft}
        onSave={props.onSave}
        onCommitDraft={props.onCommitDraft}
        labelledBy="question-text"
      />
      <div className="question-nav">
        <button type="button" className="button" onClick={props.onBack} disabled={position.index === 0}>
          {t('interview.back')} <kbd>{t('interview.key.back')}</kbd>
        </button>
        <button type="button" className="button button-primary" onClick={props.onNext}>
          {t('interview.next')} <kbd>{t('interview.key.next')}</kbd>
        </button>
        <SaveStatusLine status={props.status} />
      </div>
      <details className="question-extras" open={Boolean(props.note.text) || question.evidenceExpected}>
        <summary>{t('interview.extras')}</summary>
        <div className="field">
          <label htmlFor="question-note">{t('interview.note')}</label>
          <textarea
            id="question-note"
            className="input"
            rows={2}
            value={props.note.text}
            onChange={(e) => props.note.onChange(e.target.value)}
            onBlur={props.note.onCommit}
          />
        </div>
        <EvidencePanel
          caseId={props.caseId}
          questionId={question.id}
          expected={question.evidenceExpected}
          items={props.evidence}
          onAdded={props.onEvidenceAdded}
        />
      </details>
      <p className="keys-hint muted">
        {t('interview.keys')}
      </p>
    </section>
  );
};
