import type { ConflictRecord } from '../../../shared/sync/conflicts';
import { ErrorState } from '../../components/query-state';
import { useCaseConflicts, useResolveConflict } from './use-conflicts';
import './sync.css';

const names = (conflict: ConflictRecord): string => {
  const unique = [...new Set(conflict.choices.map((c) => c.deviceName))];
  return unique.length <= 2 ? unique.join(' and ') : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
};

/** One field's competing values, each with who and when; a button keeps one. */
const ConflictItem = ({ conflict }: { conflict: ConflictRecord }) => {
  const resolve = useResolveConflict();
  return (
    <li className="conflict">
      <p className="conflict-title">
        <strong>{conflict.fieldLabel}</strong> of <span dir="auto">{conflict.rowLabel}</span>: changed by <span dir="auto">{names(conflict)}</span> while offline.
      </p>
      <ul className="conflict-choices">
        {conflict.choices.map((choice) => (
          <li key={`${choice.hlc}-${choice.deviceName}`} className={choice.current ? 'conflict-choice current' : 'conflict-choice'}>
            <span className="conflict-value" dir="auto">
              {choice.display}
            </span>
            <span className="muted">
              <span dir="auto">{choice.deviceName}</span>, {new Date(choice.at).toLocaleString()}
              {choice.current && ' · shown now'}
            </span>
            {conflict.canResolve && (
              <button
                type="button"
                className="button button-secondary"
                disabled={resolve.isPending}
                onClick={() => resolve.mutate({ table: conflict.table, rowId: conflict.rowId, field: conflict.field, hlc: choice.hlc })}
              >
                Keep this
              </button>
            )}
          </li>
        ))}
      </ul>
      {!conflict.canResolve && <p className="muted">Someone whose role may change this record picks the value to keep.</p>}
      {resolve.error != null && <ErrorState error={resolve.error} />}
    </li>
  );
};

/** Changes two devices made to the same field of this case without seeing each other: nothing is dropped, a person picks. */
export const CaseConflicts = ({ caseId }: { caseId: string }) => {
  const conflicts = useCaseConflicts(caseId);
  if (!conflicts.data || conflicts.data.length === 0) return conflicts.error != null ? <ErrorState error={conflicts.error} /> : null;
  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">Conflicting changes</h2>
      <p className="muted">The same field was changed on two devices before either had synced. Both values are kept until you pick one; your choice syncs to everyone.</p>
      <ul className="conflict-list">
        {conflicts.data.map((c) => (
          <ConflictItem key={`${c.table}-${c.rowId}-${c.field}`} conflict={c} />
        ))}
      </ul>
    </section>
  );
};
