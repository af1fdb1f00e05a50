import { useState } from 'react';
import type { ProposalSettings } from '../../../shared/reports/proposal-settings';
import type { ReportSource } from '../../../shared/reports/report-source';
import { ErrorState } from '../../components/query-state';
import { ExchangeRatesField, TaxLinesField, WordingFields } from './proposal-terms-fields';
import { useSaveProposalSettings } from './use-reports';
import { useText, type AppText } from '../../i18n/app-intl';

const numberInput = (label: string, value: number, onChange: (n: number) => void, options: { step?: number; hint?: string } = {}) => (
  <div className="field">
    <label>
      {label}
      <input className="input" type="number" min={0} step={options.step ?? 1} value={value} onChange={(e) => onChange(Number(e.target.value))} />
    </label>
    {options.hint ? <p className="field-hint">{options.hint}</p> : null}
  </div>
);

/** "Used: 240 (from the interview)" under a size left at 0, so nobody thinks the proposal counts zero users. */
const sizeHint = ({ t, number }: AppText, entered: number, used: number, fromInterview: boolean): string | undefined =>
  entered > 0 ? undefined : fromInterview ? t('proposalForm.fromInterview', { used: number(used) }) : t('proposalForm.unknownSize');

export const ProposalSettingsForm = ({
  caseId,
  initial,
  source,
  reportLanguage,
}: {
  caseId: string;
  initial: ProposalSettings;
  source: ReportSource | null;
  /** Set by its own picker: saving the proposal keeps the language chosen since this form opened. */
  reportLanguage: ProposalSettings['reportLanguage'];
}) => {
  const [draft, setDraft] = useState(initial);
  const save = useSaveProposalSettings(caseId);
  const text = useText();
  const { t } = text;
  const sizing = (key: keyof ProposalSettings['sizing']) => (n: number) => setDraft({ ...draft, sizing: { ...draft.sizing, [key]: Math.max(0, Math.round(n)) } });
  const terms = draft.terms;
  const setTerms = (t: ProposalSettings['terms']) => setDraft({ ...draft, terms: t });
  const used = source?.sizing;
  const known = source?.sizingFromInterview ?? [];
  return (
    <form
      className="form-section reports-settings"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...draft, reportLanguage });
      }}
    >
      <fieldset className="reports-fieldset">
        <legend>{t('proposalForm.legend')}</legend>
        <div className="form-row">
          {numberInput(t('proposalForm.users'), draft.sizing.users, sizing('users'), { hint: used ? sizeHint(text, draft.sizing.users, used.users, known.includes('users')) : undefined })}
          {numberInput(t('proposalForm.devices'), draft.sizing.devices, sizing('devices'), { hint: used ? sizeHint(text, draft.sizing.devices, used.devices, known.includes('devices')) : undefined })}
          {numberInput(t('proposalForm.sites'), draft.sizing.sites, sizing('sites'))}
          <div className="field">
            <label>
              {t('proposalForm.currency')}
              <input className="input" value={terms.currency} maxLength={3} onChange={(e) => setTerms({ ...terms, currency: e.target.value.toUpperCase() })} />
            </label>
          </div>
          {numberInput(t('proposalForm.validity'), terms.validityDays, (n) => setTerms({ ...terms, validityDays: Math.round(n) }))}
          {numberInput(t('proposalForm.term'), terms.contractTermMonths, (n) => setTerms({ ...terms, contractTermMonths: Math.round(n) }))}
        </div>
        <TaxLinesField taxes={terms.taxes} onChange={(taxes) => setTerms({ ...terms, taxes, taxRateBasisPoints: taxes.length > 0 ? 0 : terms.taxRateBasisPoints })} />
        {terms.taxes.length === 0 && terms.taxRateBasisPoints > 0 ? <p className="field-hint">{t('proposalForm.legacyTax', { rate: text.fmt.ratePercent(terms.taxRateBasisPoints / 100) })}</p> : null}
        <ExchangeRatesField currency={terms.currency} rates={terms.exchangeRates} onChange={(exchangeRates) => setTerms({ ...terms, exchangeRates })} />
        <WordingFields terms={terms} onChange={setTerms} />
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('proposalForm.save')}
          </button>
          {save.isSuccess && !save.isPending ? <span className="muted">{t('proposalForm.saved')}</span> : null}
        </div>
        {save.error ? <ErrorState error={save.error} /> : null}
      </fieldset>
    </form>
  );
};
