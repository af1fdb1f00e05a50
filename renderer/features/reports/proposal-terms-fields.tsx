import type { ExchangeRate, ProposalTerms, TaxLine } from '../../../shared/reports/report-source';
import { TextField } from '../../components/text-field';
import { useText } from '../../i18n/app-intl';

/** Named taxes (GST, QST, VAT…), each on the subtotal: one row per tax, added and removed here. */
export const TaxLinesField = ({ taxes, onChange }: { taxes: readonly TaxLine[]; onChange: (t: TaxLine[]) => void }) => {
  const { t: tr } = useText();
  return (
  <fieldset className="reports-subfieldset">
    <legend>{tr('proposalForm.taxes')}</legend>
    {taxes.map((t, i) => (
      <div key={i} className="form-row">
        <div className="field">
          <label>
            {tr('proposalForm.taxName')}
            <input className="input" value={t.name} maxLength={40} onChange={(e) => onChange(taxes.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))} />
          </label>
        </div>
        <div className="field">
          <label>
            {tr('proposalForm.taxRate')}
            <input className="input" type="number" min={0} max={100} step={0.001} value={t.ratePercent} onChange={(e) => onChange(taxes.map((x, k) => (k === i ? { ...x, ratePercent: Number(e.target.value) } : x)))} />
          </label>
        </div>
        <button type="button" className="button button-quiet" onClick={() => onChange(taxes.filter((_, k) => k !== i))}>
          {tr('proposalForm.removeTax', { hasName: t.name ? 'yes' : 'no', name: t.name })}
        </button>
      </div>
    ))}
    {taxes.length < 5 ? (
      <button type="button" className="button" onClick={() => onChange([...taxes, { name: '', ratePercent: 0 }])}>
        {tr('proposalForm.addTax')}
      </button>
    ) : null}
  </fieldset>
  );
};

/** The rates the proposal converts other currencies at: "1 GBP = 1.17 EUR". */
export const ExchangeRatesField = ({ currency, rates, onChange }: { currency: string; rates: readonly ExchangeRate[]; onChange: (r: ExchangeRate[]) => void }) => {
  const { t: tr } = useText();
  return (
  <fieldset className="reports-subfieldset">
    <legend>{tr('proposalForm.rates')}</legend>
    <p className="field-hint">{tr('proposalForm.ratesHint')}</p>
    {rates.map((r, i) => (
      <div key={i} className="form-row">
        <div className="field">
          <label>
            {tr('proposalForm.rateFrom')}
            <input className="input" value={r.currency} maxLength={3} onChange={(e) => onChange(rates.map((x, k) => (k === i ? { ...x, currency: e.target.value.toUpperCase() } : x)))} />
          </label>
        </div>
        <div className="field">
          <label>
            {tr('proposalForm.rateTo', { currency })}
            <input className="input" type="number" min={0} step={0.0001} value={r.rate} onChange={(e) => onChange(rates.map((x, k) => (k === i ? { ...x, rate: Number(e.target.value) } : x)))} />
          </label>
        </div>
        <button type="button" className="button button-quiet" onClick={() => onChange(rates.filter((_, k) => k !== i))}>
          {tr('proposalForm.removeRate', { hasCurrency: r.currency ? 'yes' : 'no', currency: r.currency })}
        </button>
      </div>
    ))}
    <button type="button" className="button" onClick={() => onChange([...rates, { currency: '', rate: 1 }])}>
      {tr('proposalForm.addRate')}
    </button>
  </fieldset>
  );
};

/** Scope, assumptions, exclusions and payment terms for this proposal; empty means the branding profile's wording. */
export const WordingFields = ({ terms, onChange }: { terms: ProposalTerms; onChange: (t: ProposalTerms) => void }) => {
  const { t: tr } = useText();
  return (
  <fieldset className="reports-subfieldset">
    <legend>{tr('proposalForm.wording')}</legend>
    <p className="field-hint">{tr('proposalForm.wordingHint')}</p>
    <TextField label={tr('proposalForm.scope')} value={terms.scope} onChange={(scope) => onChange({ ...terms, scope })} multiline />
    <TextField label={tr('proposalForm.assumptions')} value={terms.assumptions} onChange={(assumptions) => onChange({ ...terms, assumptions })} multiline />
    <TextField label={tr('proposalForm.exclusions')} value={terms.exclusions} onChange={(exclusions) => onChange({ ...terms, exclusions })} multiline />
    <TextField label={tr('proposalForm.paymentTerms')} value={terms.paymentTerms} onChange={(paymentTerms) => onChange({ ...terms, paymentTerms })} multiline />
  </fieldset>
  );
};
