import { useEffect, useRef } from 'react';
import type { AnswerValue } from '../../../shared/interview/answer-values';
import { describeValue } from '../../../shared/interview/answer-values';
import type { EvidenceRecord } from '../../../shared/interview/api-schemas';
import { stakeholderLabels } from '../../../shared/interview/bank-schema';
import type { BankQuestion } from '../../../shared/interview/parse-bank';
import { AnswerControl } from './answer-control';
import { EvidencePanel } from './evidence-panel';
import type { LocalAnswer, Prefill } from './interview-model';
import { SaveStatusLine, type SaveStatus } from './save-status';

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
        {props.pillarTitle} › {entry.sectionTitle} · question {position.index + 1} of {position.count}
      </p>
      <h2 id="question-text" dir="auto">
        {question.text}
      </h2>
      <p className="question-meta">
        {question.stakeholders.map((s) => (
          <span key={s} className="badge badge-stakeholder">
            {stakeholderLabels[s]}
          </span>
        ))}
        {(current?.measured || prefill) && (
          <span className="badge badge-measured" title={prefill ? `From probe metric ${prefill.metric}` : 'Taken from a probe measurement'}>
            Measured{prefill ? `: ${describeValue(question, prefill.value)}` : ''}
          </span>
        )}
        {current?.customer && (
          <span className="badge badge-customer" title={`Answered by ${current.customer.respondent} in the pre-visit questionnaire`}>
            From the customer ({current.customer.respondent}, {stakeholderLabels[current.customer.stakeholder]}): confirm or correct{' '}
            <button type="button" className="button button-quiet button-small" onClick={props.onConfirm}>
              Confirm
            </button>
          </span>
        )}
        {props.carried && (
          <span className="badge badge-carried" title="Answered at the previous assessment; answer again to confirm or change it">
            Carried from the last assessment: confirm or change
          </span>
        )}
      </p>
      <p className="question-help">{question.help}</p>
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
          Back <kbd>Shift+Enter</kbd>
        </button>
        <button type="button" className="button button-primary" onClick={props.onNext}>
          Next <kbd>Enter</kbd>
        </button>
        <SaveStatusLine status={props.status} />
      </div>
      <details className="question-extras" open={Boolean(props.note.text) || question.evidenceExpected}>
        <summary>Note and evidence</summary>
        <div className="field">
          <label htmlFor="question-note">Note</label>
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
        Keys: number keys pick an answer (0 = don&apos;t know), Enter next, Shift+Enter back, / or Ctrl+K search.
      </p>
    </section>
  );
};
