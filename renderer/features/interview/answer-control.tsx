import type { AnswerValue } from '../../../shared/interview/answer-values';
import type { Question } from '../../../shared/interview/bank-schema';
import { toggled } from './interview-model';
import { useText, type AppText } from '../../i18n/app-intl';

/** An answer as the engineer reads it, in the app's language (option labels are the bank's, already localised). */
export const useDescribeAnswer = () => {
  const { t, decimal } = useText();
  return (question: Question, value: AnswerValue): string => {
    if (value === null) return t('answer.dontKnow');
    switch (question.type) {
      case 'single':
        return question.options.find((o) => o.id === value)?.label ?? String(value);
      case 'multi':
        return Array.isArray(value) ? question.options.filter((o) => value.includes(o.id)).map((o) => o.label).join(' · ') || t('answer.none') : '';
      case 'scale':
        return t('answer.scaleValue', { value: Number(value), max: question.max });
      case 'number':
        return typeof value === 'number' ? `${decimal(value)}${question.unit ? `\u00a0${question.unit}` : ''}` : String(value);
      case 'yes_no_unknown':
        return value === 'yes' ? t('answer.yes') : t('answer.no');
      case 'text':
        return String(value);
    }
  };
};

interface AnswerControlProps {
  readonly question: Question;
  readonly value: AnswerValue | undefined;
  readonly draft: string;
  readonly onDraft: (text: string) => void;
  readonly onSave: (value: AnswerValue) => void;
  readonly onCommitDraft: () => void;
  readonly labelledBy: string;
}

interface Choice {
  readonly key: string;
  readonly label: string;
  readonly value: AnswerValue;
}

const choicesOf = ({ t }: AppText, question: Question): Choice[] => {
  switch (question.type) {
    case 'single':
      return question.options.map((o, i) => ({ key: String(i + 1), label: o.label, value: o.id }));
    case 'yes_no_unknown':
      return [
        { key: '1', label: t('answer.yes'), value: 'yes' },
        { key: '2', label: t('answer.no'), value: 'no' },
      ];
    case 'scale':
      return Array.from({ length: question.max - question.min + 1 }, (_, i) => ({
        key: String(i + 1),
        label: i === 0 ? `${question.min} — ${question.minLabel}` : i === question.max - question.min ? `${question.max} — ${question.maxLabel}` : String(question.min + i),
        value: question.min + i,
      }));
    default:
      return [];
  }
};

const same = (a: AnswerValue | undefined, b: AnswerValue) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** The answer input for one question type. Number keys are handled by the tab; these are the pointer and Tab-key paths. */
export const AnswerControl = ({ question, value, draft, onDraft, onSave, onCommitDraft, labelledBy }: AnswerControlProps) => {
  const name = `answer-${question.id}`;
  const text = useText();
  const { t } = text;
  const unknown = (
    <label className={`choice choice-unknown${value === null ? ' chosen' : ''}`}>
      <input type="radio" name={name} checked={value === null} onChange={() => onSave(null)} />
      <kbd>{question.type === 'yes_no_unknown' ? '3' : '0'}</kbd>
      <span>{t('answer.dontKnow')}</span>
    </label>
  );

  if (question.type === 'number' || question.type === 'text') {
    const common = {
      id: `${name}-input`,
      className: 'input answer-input',
      'aria-labelledby': labelledBy,
      'data-answer-input': 'true',
      value: draft,
      onChange: (e: { target: { value: string } }) => onDraft(e.target.value),
      onBlur: onCommitDraft,
    };
    return (
      <div className="answer-free">
        {question.type === 'number' ? (
          <div className="number-row">
            <input {...common} type="number" inputMode="decimal" min={question.minValue} max={question.maxValue} step="any" />
            {question.unit && (
              <span className="muted" data-bank-text="">
                {question.unit}
              </span>
            )}
          </div>
        ) : (
          <textarea {...common} rows={3} maxLength={question.maxLength} />
        )}
        {question.type === 'number' && (
          <button type="button" className={`button button-quiet${value === null ? ' chosen' : ''}`} onClick={() => onSave(null)}>
            {t('answer.dontKnow')} <kbd>0</kbd>
          </button>
        )}
      </div>
    );
  }

  if (question.type === 'multi') {
    const selected = Array.isArray(value) ? value : [];
    return (
      <fieldset className="choices" aria-labelledby={labelledBy}>
        {question.options.map((o, i) => (
          <label key={o.id} className={`choice${selected.includes(o.id) ? ' chosen' : ''}`}>
            <input type="checkbox" checked={selected.includes(o.id)} onChange={() => onSave(toggled(question, value ?? [], o.id))} />
            <kbd>{i + 1}</kbd>
            <span data-bank-text="">{o.label}</span>
          </label>
        ))}
        {unknown}
      </fieldset>
    );
  }

  return (
    <div className="choices" role="radiogroup" aria-labelledby={labelledBy}>
      {choicesOf(text, question).map((c) => (
        <label key={c.key} className={`choice${same(value, c.value) ? ' chosen' : ''}`}>
          <input type="radio" name={name} checked={same(value, c.value)} onChange={() => onSave(c.value)} />
          <kbd>{c.key}</kbd>
          <span data-bank-text={question.type === 'yes_no_unknown' ? undefined : ''}>{c.label}</span>
        </label>
      ))}
      {unknown}
    </div>
  );
};
