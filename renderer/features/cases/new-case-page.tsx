import { useNavigate } from 'react-router';
import { CaseForm, emptyCaseForm } from './case-form';
import { useCreateCase } from './use-cases';
import { useText } from '../../i18n/app-intl';

export const NewCasePage = () => {
  const navigate = useNavigate();
  const create = useCreateCase();
  const { t } = useText();
  return (
    <section className="page page-narrow" aria-labelledby="new-case-title">
      <h1 id="new-case-title">{t('newCase.title')}</h1>
      <p className="lead">{t('newCase.lead')}</p>
      <CaseForm
        initial={emptyCaseForm}
        submitLabel={t('newCase.create')}
        busy={create.isPending}
        submitError={create.error}
        onSubmit={(values) => create.mutate(values, { onSuccess: (created) => navigate(`/cases/${created.id}`) })}
        onCancel={() => navigate('/cases')}
      />
    </section>
  );
};
