import { useId, useMemo, useState, type Ref } from 'react';
import type { BankQuestion } from '../../../shared/interview/parse-bank';
import { useText } from '../../i18n/app-intl';

/** Type a few words, press Enter: jumps to the first matching visible question (or pick one from the list). */
export const QuestionSearch = ({
  questions,
  onJump,
  ref,
}: {
  questions: readonly BankQuestion[];
  onJump: (questionId: string) => void;
  ref?: Ref<HTMLInputElement>;
}) => {
  const id = useId();
  const [text, setText] = useState('');
  const { t } = useText();
  const matches = useMemo(() => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return questions
      .filter(({ question }) => {
        const haystack = `${question.id} ${question.text} ${question.help}`.toLowerCase();
        return words.every((w) => haystack.includes(w));
      })
      .slice(0, 8);
  }, [questions, text]);

  const jump = (questionId: string) => {
    setText('');
    onJump(questionId);
  };

  return (
    <div className="question-search">
      <label htmlFor={id} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={id}
        ref={ref}
        type="search"
        className="input"
        placeholder={t('search.placeholder')}
        value={text}
        autoComplete="off"
        aria-controls={matches.length > 0 ? `${id}-results` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches[0]) {
            e.preventDefault();
            jump(matches[0].question.id);
          } else if (e.key === 'Escape') {
            setText('');
            e.currentTarget.blur();
          }
        }}
      />
      {matches.length > 0 && (
        <ul id={`${id}-results`} className="search-results plain-list" aria-label={t('search.results')}>
          {matches.map(({ question }) => (
            <li key={question.id}>
              <button type="button" className="search-result" data-bank-text="" onClick={() => jump(question.id)}>
                {question.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
