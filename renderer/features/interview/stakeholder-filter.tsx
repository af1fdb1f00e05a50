import { stakeholders, type Stakeholder } from '../../../shared/interview/bank-schema';
import { useText } from '../../i18n/app-intl';
import { stakeholderIds } from '../../i18n/label-ids';

/** Who is being interviewed right now: narrows the sequence to the questions asked of them. */
export const StakeholderFilter = ({ value, onChange }: { value: Stakeholder | null; onChange: (stakeholder: Stakeholder | null) => void }) => {
  const { t } = useText();
  return (
    <label className="field stakeholder-filter">
      <span>{t('interview.asking')}</span>
      <select className="input" value={value ?? ''} onChange={(e) => onChange((e.target.value || null) as Stakeholder | null)}>
        <option value="">{t('interview.everyone')}</option>
        {stakeholders.map((s) => (
          <option key={s} value={s}>
            {t(stakeholderIds[s])}
          </option>
        ))}
      </select>
    </label>
  );
};
