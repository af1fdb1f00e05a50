/** @jsxRuntime automatic @jsxImportSource react */
import { Fragment } from 'react';
import { formatDate, formatMoney } from '../format';
import { conversionText, taxLabel, type Proposal, type ProposalLine, type TaxAmount } from '../proposal';
import type { ProposalReport } from '../report-model';
import { EmptyNote, Section, SeverityBadge } from './report-parts';

/** Break opportunities after . _ / in a SKU (after "-" the browser breaks anyway), never inside a word. */
export const SkuText = ({ sku }: { sku: string }) => (
  <span className="gw-sku">
    {sku.split(/(?<=[._/])/).map((part, i) => (
      <Fragment key={i}>
        {i > 0 ? <wbr /> : null}
        {part}
      </Fragment>
    ))}
  </span>
);

const LineRow = ({ line, currency }: { line: ProposalLine; currency: string }) => (
  <tr>
    <td>
      {line.description}
      <br />
      <SkuText sku={line.sku} />
    </td>
    <td className="gw-num">
      {line.quantity} {line.unit}
      {line.quantityBasis ? <span className="gw-basis">{line.quantityBasis}</span> : null}
    </td>
    <td className="gw-num">
      {formatMoney(line.unitPriceMinor, currency)}
      {line.converted ? <span className="gw-basis">{formatMoney(line.converted.unitPriceMinor, line.converted.currency)}</span> : null}
    </td>
    <td className="gw-num">{line.recurring ? '' : formatMoney(line.totalMinor, currency)}</td>
    <td className="gw-num">{line.recurring ? formatMoney(line.totalMinor, currency) : ''}</td>
  </tr>
);

const TotalRows = ({ label, subtotal, taxes, total, currency }: { label: string; subtotal: number; taxes: readonly TaxAmount[]; total: number; currency: string }) => (
  <>
    <tr>
      <td>{label} subtotal</td>
      <td className="gw-num">{formatMoney(subtotal, currency)}</td>
    </tr>
    {taxes.map((t) => (
      <tr key={t.name}>
        <td>{taxLabel(t)}</td>
        <td className="gw-num">{formatMoney(t.minor, currency)}</td>
      </tr>
    ))}
    <tr className="gw-subtotal">
      <td>{label} total</td>
      <td className="gw-num">{formatMoney(total, currency)}</td>
    </tr>
  </>
);

const LinesByFinding = ({ p }: { p: Proposal }) => (
  <table className="gw-table gw-lines">
    <thead>
      <tr>
        <th>Item</th>
        <th className="gw-num">Quantity</th>
        <th className="gw-num">Unit price</th>
        <th className="gw-num">One-time</th>
        <th className="gw-num">Monthly</th>
      </tr>
    </thead>
    {p.groups.map((g) => (
      <tbody key={g.title} className="gw-line-group">
        <tr className="gw-group-head">
          <td colSpan={5}>
            {g.severity ? <SeverityBadge severity={g.severity} /> : null} {g.title}
          </td>
        </tr>
        {g.lines.map((l) => (
          <LineRow key={l.sku} line={l} currency={p.currency} />
        ))}
      </tbody>
    ))}
  </table>
);

const Totals = ({ p }: { p: Proposal }) => {
  const t = p.totals;
  return (
    <table className="gw-table gw-totals">
      <tbody>
        {p.oneTime.length > 0 ? <TotalRows label="One-time" subtotal={t.oneTimeSubtotalMinor} taxes={t.oneTimeTaxes} total={t.oneTimeTotalMinor} currency={p.currency} /> : null}
        {p.monthly.length > 0 ? <TotalRows label="Monthly" subtotal={t.monthlySubtotalMinor} taxes={t.monthlyTaxes} total={t.monthlyTotalMinor} currency={p.currency} /> : null}
        <tr className="gw-total">
          <td>
            Total contract value ({p.oneTime.length > 0 ? 'one-time + ' : ''}
            {t.contractTermMonths} months of monthly), incl. tax
          </td>
          <td className="gw-num">{formatMoney(t.contractValueMinor, p.currency)}</td>
        </tr>
      </tbody>
    </table>
  );
};

const TermsText = ({ title, text }: { title: string; text: string }) =>
  text ? (
    <>
      <h3>{title}</h3>
      <p className="gw-terms">{text}</p>
    </>
  ) : null;

const SignatureBlock = ({ party, name }: { party: string; name: string }) => (
  <div className="gw-signature">
    <p className="gw-label">{party}</p>
    <p className="gw-signature-party">{name}</p>
    {['Name', 'Position', 'Signature', 'Date'].map((label) => (
      <div key={label} className="gw-accept-field">
        <span className="gw-accept-line" />
        <span className="gw-small">{label}</span>
      </div>
    ))}
  </div>
);

/** Both parties' blocks in one unbreakable box, so they always share a page. */
const Acceptance = ({ model }: { model: ProposalReport }) => (
  <section className="gw-section gw-acceptance" id="acceptance">
    <h2>Acceptance</h2>
    <p>
      By signing, {model.cover.customerShortName} accepts this proposal from {model.cover.partnerName} as set out above, valid until {formatDate(model.proposal.validUntil)}.
    </p>
    <div className="gw-accept">
      <SignatureBlock party="For the customer" name={model.cover.customerShortName} />
      <SignatureBlock party="For the partner" name={model.cover.partnerName} />
    </div>
  </section>
);

export const scopeText = (model: ProposalReport): string =>
  model.proposal.text.scope ||
  `The work and services below answer ${model.proposal.groups.length} of the findings of the AI readiness assessment of ${formatDate(model.source.date)}${model.cover.siteName ? ` at ${model.cover.siteName}` : ''}.`;

export const ProposalBody = ({ model }: { model: ProposalReport }) => {
  const p = model.proposal;
  if (p.refusal) {
    return (
      <Section title="Proposal" newPage>
        <div className="gw-warnings" role="alert">
          <p className="gw-label">This proposal cannot be issued yet</p>
          <p>{p.refusal}</p>
        </div>
      </Section>
    );
  }
  const empty = p.oneTime.length === 0 && p.monthly.length === 0;
  return (
    <>
      <Section title="Proposal" newPage>
        <p className="gw-lead">
          Prepared for {model.cover.customerShortName} by {model.cover.partnerName} on {formatDate(p.date)}. Prices in {p.currency}, valid until {formatDate(p.validUntil)}.
        </p>
        <h3>Scope</h3>
        <p className="gw-terms">{scopeText(model)}</p>
        {empty ? <EmptyNote>No priced items: the recommendations refer to no SKU in the price book yet.</EmptyNote> : <LinesByFinding p={p} />}
        {empty ? null : <Totals p={p} />}
        {p.conversions.map((c) => (
          <p key={c.currency} className="gw-muted gw-small">
            {conversionText(c, p.currency)}
          </p>
        ))}
        {p.warnings.length > 0 ? (
          <div className="gw-warnings gw-screen-only">
            {p.warnings.map((w, i) => (
              <p key={i}>{w}</p>
            ))}
          </div>
        ) : null}
      </Section>
      <Section title="Terms">
        <TermsText title="Assumptions" text={p.text.assumptions} />
        <TermsText title="Exclusions" text={p.text.exclusions} />
        <h3>Payment and contract term</h3>
        {p.text.paymentTerms ? <p className="gw-terms">{p.text.paymentTerms}</p> : null}
        <p>
          {p.monthly.length > 0 ? `Monthly services run for ${p.totals.contractTermMonths} months from acceptance. ` : ''}
          This proposal is valid until {formatDate(p.validUntil)}.
        </p>
        {model.branding.disclaimer ? <p className="gw-disclaimer">{model.branding.disclaimer}</p> : null}
      </Section>
      <Acceptance model={model} />
    </>
  );
};
