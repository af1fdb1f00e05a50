import { caseEventKindLabels } from '../../../shared/domain/cases';
import { useCaseEvents } from './use-cases';

/** The case's lifecycle as it happened: started, completed (by whom), reopened (why), handed over. */
export const CaseEvents = ({ caseId }: { caseId: string }) => {
  const events = useCaseEvents(caseId);
  const list = events.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className="case-section" aria-labelledby="case-events-title">
      <h2 id="case-events-title">History of this case</h2>
      <ol className="plain-list event-list">
        {list.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at} className="muted">
              {new Date(e.at).toLocaleString()}
            </time>{' '}
            <strong>{caseEventKindLabels[e.kind]}</strong>
            {e.actor && (
              <>
                {' '}
                by <span dir="auto">{e.actor}</span>
              </>
            )}
            {e.detail && (
              <>
                : <span dir="auto">{e.detail}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
};
