import { useNavigate } from 'react-router';
import { CaseForm, emptyCaseForm } from './case-form';
import { useCreateCase } from './use-cases';

export const NewCasePage = () => {
  const navigate = useNavigate();
  const create = useCreateCase();
  return (
    <section className="page page-narrow" aria-labelledby="new-case-title">
      <h1 id="new-case-title">New case</h1>
      <p className="lead">Open an engagement for a customer site. A customer you have visited before keeps one history.</p>
      <CaseForm
        initial={emptyCaseForm}
        submitLabel="Create case"
        busy={create.isPending}
        submitError={create.error}
        onSubmit={(values) => create.mutate(values, { onSuccess: (created) => navigate(`/cases/${created.id}`) })}
        onCancel={() => navigate('/cases')}
      />
    </section>
  );
};
