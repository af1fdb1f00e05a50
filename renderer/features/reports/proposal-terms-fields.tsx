import type { ExchangeRate, ProposalTerms, TaxLine } from '../../../shared/reports/report-source';
import { TextField } from '../../components/text-field';

/** Named taxes (GST, QST, VAT…), each on the subtotal: one row per tax, added and removed here. */
export const TaxLinesField = ({ taxes, onChange }: { taxes: readonly TaxLine[]; onChange: (t: TaxLine[]) => void }) => (
  <fieldset className="reports-subfieldset">
    <legend>Taxes</legend>
    {taxes.map((t, i) => (
      <div key={i} className="form-row">
        <div className="field">
          <label>
            Tax name
            <input className="input" value={t.name} maxLength={40} onChange={(e) => onChange(taxes.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))} />
          </label>
        </div>
        <div className="field">
          <label>
            Rate %
            <input className="input" type="number" min={0} max={100} step={0.001} value={t.ratePercent} onChange={(e) => onChange(taxes.map((x, k) => (k === i ? { ...x, ratePercent: Number(e.target.value) } : x)))} />
          </label>
        </div>
        <button type="button" className="button button-quiet" onClick={() => onChange(taxes.filter((_, k) => k !== i))}>
          Remove {t.name || 'tax'}
        </button>
      </div>
    ))}
    {taxes.length < 5 ? (
      <button type="button" className="button" onClick={() => onChange([...taxes, { name: '', ratePercent: 0 }])}>
        Add a tax
      </button>
    ) : null}
  </fieldset>
);

/** The rates the proposal converts other currencies at: "1 GBP = 1.17 EUR". */
export const ExchangeRatesField = ({ currency, rates, onChange }: { currency: string; rates: readonly ExchangeRate[]; onChange: (r: ExchangeRate[]) => void }) => (
  <fieldset className="reports-subfieldset">
    <legend>Exchange rates</legend>
    <p className="field-hint">A price-book item in another currency is converted at the rate set here; without a rate, the proposal is not issued.</p>
    {rates.map((r, i) => (
      <div key={i} className="form-row">
        <div className="field">
          <label>
            1 unit of
            <input className="input" value={r.currency} maxLength={3} onChange={(e) => onChange(rates.map((x, k) => (k === i ? { ...x, currency: e.target.value.toUpperCase() } : x)))} />
          </label>
        </div>
        <div className="field">
          <label>
            = {currency}
            <input className="input" type="number" min={0} step={0.0001} value={r.rate} onChange={(e) => onChange(rates.map((x, k) => (k === i ? { ...x, rate: Number(e.target.value) } : x)))} />
          </label>
        </div>
        <button type="button" className="button button-quiet" onClick={() => onChange(rates.filter((_, k) => k !== i))}>
          Remove {r.currency || 'rate'}
        </button>
      </div>
    ))}
    <button type="button" className="button" onClick={() => onChange([...rates, { currency: '', rate: 1 }])}>
      Add an exchange rate
    </button>
  </fieldset>
);

/** Scope, assumptions, exclusions and payment terms for this proposal; empty means the branding profile's wording. */
export const WordingFields = ({ terms, onChange }: { terms: ProposalTerms; onChange: (t: ProposalTerms) => void }) => (
  <fieldset className="reports-subfieldset">
    <legend>Wording</legend>
    <p className="field-hint">Leave a field empty to use the branding profile's wording.</p>
    <TextField label="Scope" value={terms.scope} onChange={(scope) => onChange({ ...terms, scope })} multiline />
    <TextField label="Assumptions" value={terms.assumptions} onChange={(assumptions) => onChange({ ...terms, assumptions })} multiline />
    <TextField label="Exclusions" value={terms.exclusions} onChange={(exclusions) => onChange({ ...terms, exclusions })} multiline />
    <TextField label="Payment terms" value={terms.paymentTerms} onChange={(paymentTerms) => onChange({ ...terms, paymentTerms })} multiline />
  </fieldset>
);
