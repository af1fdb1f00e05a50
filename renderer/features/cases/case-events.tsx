import { useCaseEvents } from './use-cases';
import { useText } from '../../i18n/app-intl';
import { eventKindIds } from '../../i18n/label-ids';

/** The case's lifecycle as it happened: started, completed (by whom), reopened (why), handed over. */
export const CaseEvents = ({ caseId }: { caseId: string }) => {
  const events = useCaseEvents(caseId);
  const { t, rich, dateTime } = useText();
  const list = events.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className="case-section" aria-labelledby="case-events-title">
      <h2 id="case-events-title">{t('events.title')}</h2>
      <ol className="plain-list event-list">
        {list.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at} className="muted">
              {dateTime(e.at, true)}
            </time>{' '}
            {rich('events.line', {
              kind: <strong>{t(eventKindIds[e.kind])}</strong>,
              hasActor: e.actor ? 'yes' : 'no',
              actor: <span dir="auto">{e.actor}</span>,
              hasDetail: e.detail ? 'yes' : 'no',
              detail: <span dir="auto">{e.detail}</span>,
            })}
          </li>
        ))}
      </ol>
    </section>
  );
};
