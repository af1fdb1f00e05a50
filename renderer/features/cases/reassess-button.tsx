import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CaseDetail } from '../../../shared/domain/cases';
import { ErrorState } from '../../components/query-state';
import { useReassessCase } from './use-cases';

/** "Re-assess" says what a new assessment takes over from this one before it makes it. */
export const ReassessButton = ({ found }: { found: CaseDetail }) => {
  const reassess = useReassessCase();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button-quiet" title="Start a new assessment of this customer from this one" onClick={() => setAsking(true)}>
        Re-assess
      </button>
    );
  }
  return (
    <div className="confirm-box" role="alertdialog" aria-labelledby="reassess-title" aria-describedby="reassess-what">
      <p id="reassess-title" className="confirm-title">
        Start a new assessment of <span dir="auto">{found.customerName}</span>?
      </p>
      <p id="reassess-what" className="muted">
        Carried over: customer, site, {found.contacts.length === 1 ? 'the contact' : `${found.contacts.length} contacts`}, engineer and the facts already
        known (head counts, sites, descriptions), marked as carried until confirmed. Scored questions are asked again and the probes run again; this
        assessment stays as it is.
      </p>
      <div className="case-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={reassess.isPending}
          onClick={() => reassess.mutate(found.id, { onSuccess: (created) => navigate(`/cases/${created.id}`) })}
        >
          Start the re-assessment
        </button>
        <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
      {reassess.error != null && <ErrorState error={reassess.error} />}
    </div>
  );
};
