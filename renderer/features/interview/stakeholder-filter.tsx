import { stakeholderLabels, stakeholders, type Stakeholder } from '../../../shared/interview/bank-schema';

/** Who is being interviewed right now: narrows the sequence to the questions asked of them. */
export const StakeholderFilter = ({ value, onChange }: { value: Stakeholder | null; onChange: (stakeholder: Stakeholder | null) => void }) => (
  <label className="field stakeholder-filter">
    <span>Asking</span>
    <select className="input" value={value ?? ''} onChange={(e) => onChange((e.target.value || null) as Stakeholder | null)}>
      <option value="">Everyone</option>
      {stakeholders.map((s) => (
        <option key={s} value={s}>
          {stakeholderLabels[s]}
        </option>
      ))}
    </select>
  </label>
);
