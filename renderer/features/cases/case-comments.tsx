import { useState } from 'react';
import { ErrorState } from '../../components/query-state';
import { useAddComment, useComments } from './use-comments';

/** Review comments by anyone in the partner, on the case or on one finding (passed as findingId). */
export const CaseComments = ({ caseId, findingId = null, title = 'Review comments' }: { caseId: string; findingId?: string | null; title?: string }) => {
  const comments = useComments(caseId);
  const add = useAddComment(caseId);
  const [body, setBody] = useState('');
  const list = (comments.data ?? []).filter((c) => (findingId === null ? true : c.findingId === findingId));
  const headingId = `comments-${findingId ?? 'case'}`;
  return (
    <section className="case-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {list.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ul className="plain-list comment-list">
          {list.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment-meta muted">
                <span dir="auto">{c.author || 'Someone in the partner'}</span> · <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString()}</time>
                {c.findingId && findingId === null && <> · on a finding</>}
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
          Add a comment
        </label>
        <textarea id={`${headingId}-body`} className="input" rows={2} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} placeholder="Add a comment for the team" />
        <button type="submit" className="button button-secondary" disabled={add.isPending || body.trim() === ''}>
          Add comment
        </button>
        {add.error != null && <ErrorState error={add.error} />}
      </form>
    </section>
  );
};
