import { useState } from 'react';
import { ErrorState } from '../../components/query-state';
import { useAddComment, useComments } from './use-comments';
import { useText } from '../../i18n/app-intl';

/** Review comments by anyone in the partner, on the case or on one finding (passed as findingId). */
export const CaseComments = ({ caseId, findingId = null, title }: { caseId: string; findingId?: string | null; title?: string }) => {
  const comments = useComments(caseId);
  const add = useAddComment(caseId);
  const [body, setBody] = useState('');
  const { t, dateTime } = useText();
  const list = (comments.data ?? []).filter((c) => (findingId === null ? true : c.findingId === findingId));
  const headingId = `comments-${findingId ?? 'case'}`;
  return (
    <section className="case-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title ?? t('comments.title')}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('comments.none')}</p>
      ) : (
        <ul className="plain-list comment-list">
          {list.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment-meta muted">
                <span dir="auto">{c.author || t('comments.someone')}</span> · <time dateTime={c.createdAt}>{dateTime(c.createdAt, true)}</time>
                {c.findingId && findingId === null && <> · {t('comments.onFinding')}</>}
              </p>
              <p className="comment-body" dir="auto">
                {c.body}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form
        className="comment-form"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ body, findingId }, { onSuccess: () => setBody('') });
        }}
      >
        <label htmlFor={`${headingId}-body`} className="visually-hidden">
          {t('comments.addLabel')}
        </label>
        <textarea id={`${headingId}-body`} className="input" rows={2} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('comments.placeholder')} />
        <button type="submit" className="button button-secondary" disabled={add.isPending || body.trim() === ''}>
          {t('comments.add')}
        </button>
        {add.error != null && <ErrorState error={add.error} />}
      </form>
    </section>
  );
};
