/** @jsxRuntime automatic @jsxImportSource react */
import { Fragment } from 'react';
import { conversionText, taxLabel, type Proposal, type ProposalLine, type TaxAmount } from '../proposal';
import type { ProposalReport } from '../report-model';
import type { MessageId } from '../../i18n/messages-en';
import { has, type Translator } from '../../i18n/translator';
import { EmptyNote, Section, SeverityBadge } from './report-parts';
import { useReportText } from './report-text';

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

const LineRow = ({ line, currency }: { line: ProposalLine; currency: string }) => {
  const { fmt } = useReportText();
  const formatMoney = fmt.money;
  return (
  <tr>
    <td>
      {line.description}
      <br />
      <SkuText sku={line.sku} />
    </td>
    <td className="gw-num">
      {fmt.number(line.quantity)} {line.unit}
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
};

interface TotalRowsProps {
  readonly kind: 'oneTime' | 'monthly';
  readonly subtotal: number;
  /** Taken off the subtotal: 0 prints no discount row. */
  readonly discount: number;
  readonly discountBasisPoints: number;
  readonly taxes: readonly TaxAmount[];
  readonly total: number;
  readonly currency: string;
}

const TotalRows = ({ kind, subtotal, discount, discountBasisPoints, taxes, total, currency }: TotalRowsProps) => {
  const tr = useReportText();
  const { t, fmt } = tr;
  return (
  <>
    <tr>
      <td>{t('proposal.subtotal', { kind })}</td>
      <td className="gw-num">{fmt.money(subtotal, currency)}</td>
    </tr>
    {discount > 0 ? (
      <tr>
        <td>{discountLabel(tr, discountBasisPoints)}</td>
        <td className="gw-num">{fmt.money(-discount, currency)}</td>
      </tr>
    ) : null}
    {taxes.map((x) => (
      <tr key={x.name}>
        <td>{taxLabel(x, tr)}</td>
        <td className="gw-num">{fmt.money(x.minor, currency)}</td>
      </tr>
    ))}
    <tr className="gw-subtotal">
      <td>{t('proposal.total', { kind })}</td>
      <td className="gw-num">{fmt.money(total, currency)}</td>
    </tr>
  </>
  );
};

/** The column heads of the price lines, shared with the Word document. */
export const lineHeads: readonly MessageId[] = ['proposal.item', 'proposal.quantity', 'proposal.unitPrice', 'proposal.oneTime', 'proposal.monthly'];

const LinesByFinding = ({ p }: { p: Proposal }) => {
  const { t } = useReportText();
  return (
  <table className="gw-table gw-lines">
    <thead>
      <tr>
        {lineHeads.map((id, i) => (
          <th key={id} className={i > 0 ? 'gw-num' : undefined}>
            {t(id)}
          </th>
        ))}
      </tr>
    </thead>
    {p.groups.map((g) => (
      <tbody key={g.title} className="gw-line-group">
        <tr className="gw-group-head">
          <td colSpan={5}>
            {g.severity ? <SeverityBadge severity={g.severity} /> : null} {g.title}
          </td>
        </tr>
        {g.lines.map((l, i) => (
          // A saved proposal may hold one SKU twice; the position keeps the rows apart.
          <LineRow key={`${i}-${l.sku}`} line={l} currency={p.currency} />
        ))}
      </tbody>
    ))}
  </table>
  );
};

/** "Discount (10 %)", shared with the Word document. */
export const discountLabel = ({ t, fmt }: Translator, basisPoints: number): string => t('proposal.discount', { rate: fmt.ratePercent(basisPoints / 100) });

export const contractValueText = ({ t }: Translator, p: Proposal): string =>
  t('proposal.contractValue', { oneTime: p.oneTime.length > 0 ? 'yes' : 'no', months: p.totals.contractTermMonths });

const Totals = ({ p }: { p: Proposal }) => {
  const tr = useReportText();
  const totals = p.totals;
  return (
    <table className="gw-table gw-totals">
      <tbody>
        {p.oneTime.length > 0 ? (
          <TotalRows
            kind="oneTime"
            subtotal={totals.oneTimeSubtotalMinor}
            discount={totals.oneTimeDiscountMinor}
            discountBasisPoints={p.record?.discountBasisPoints ?? 0}
            taxes={totals.oneTimeTaxes}
            total={totals.oneTimeTotalMinor}
            currency={p.currency}
          />
        ) : null}
        {p.monthly.length > 0 ? (
          <TotalRows
            kind="monthly"
            subtotal={totals.monthlySubtotalMinor}
            discount={totals.monthlyDiscountMinor}
            discountBasisPoints={p.record?.discountBasisPoints ?? 0}
            taxes={totals.monthlyTaxes}
            total={totals.monthlyTotalMinor}
            currency={p.currency}
          />
        ) : null}
        <tr className="gw-total">
          <td>{contractValueText(tr, p)}</td>
          <td className="gw-num">{tr.fmt.money(totals.contractValueMinor, p.currency)}</td>
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

/** The lines each party signs on, shared with the Word document. */
export const signatureFields: readonly MessageId[] = ['proposal.sign.name', 'proposal.sign.position', 'proposal.sign.signature', 'proposal.sign.date'];

const SignatureBlock = ({ party, name }: { party: string; name: string }) => {
  const { t } = useReportText();
  return (
  <div className="gw-signature">
    <p className="gw-label">{party}</p>
    <p className="gw-signature-party">{name}</p>
    {signatureFields.map((id) => (
      <div key={id} className="gw-accept-field">
        <span className="gw-accept-line" />
        <span className="gw-small">{t(id)}</span>
      </div>
    ))}
  </div>
  );
};

export const acceptanceText = ({ t, fmt }: Translator, model: ProposalReport): string =>
  t('proposal.acceptanceText', { customer: model.cover.customerShortName, partner: model.cover.partnerName, date: fmt.date(model.proposal.validUntil) });

/** Both parties' blocks in one unbreakable box, so they always share a page. */
const Acceptance = ({ model }: { model: ProposalReport }) => {
  const tr = useReportText();
  const { t } = tr;
  return (
  <section className="gw-section gw-acceptance" id="acceptance">
    <h2>{t('proposal.acceptance')}</h2>
    <p>{acceptanceText(tr, model)}</p>
    <div className="gw-accept">
      <SignatureBlock party={t('proposal.forCustomer')} name={model.cover.customerShortName} />
      <SignatureBlock party={t('proposal.forPartner')} name={model.cover.partnerName} />
    </div>
  </section>
  );
};

export const scopeText = ({ t, fmt }: Translator, model: ProposalReport): string =>
  model.proposal.text.scope ||
  t('proposal.defaultScope', { count: model.proposal.groups.length, date: fmt.date(model.source.date), site: model.cover.siteName, hasSite: has(model.cover.siteName) });

export const proposalLead = ({ t, fmt }: Translator, model: ProposalReport): string =>
  t('proposal.lead', {
    customer: model.cover.customerShortName,
    partner: model.cover.partnerName,
    date: fmt.date(model.proposal.date),
    currency: model.proposal.currency,
    validUntil: fmt.date(model.proposal.validUntil),
  });

/** "Monthly services run for 36 months from acceptance. This proposal is valid until …" */
export const contractTermText = ({ t, fmt }: Translator, p: Proposal): string[] => [
  ...(p.monthly.length > 0 ? [t('proposal.runFor', { months: p.totals.contractTermMonths })] : []),
  t('proposal.validUntil', { date: fmt.date(p.validUntil) }),
];

export const ProposalBody = ({ model }: { model: ProposalReport }) => {
  const tr = useReportText();
  const { t } = tr;
  const p = model.proposal;
  if (p.refusal) {
    return (
      <Section title={t('proposal.title')} newPage>
        <div className="gw-warnings" role="alert">
          <p className="gw-label">{t('proposal.refused')}</p>
          <p>{p.refusal}</p>
        </div>
      </Section>
    );
  }
  const empty = p.oneTime.length === 0 && p.monthly.length === 0;
  return (
    <>
      <Section title={t('proposal.title')} newPage>
        <p className="gw-lead">{proposalLead(tr, model)}</p>
        <h3>{t('proposal.scope')}</h3>
        <p className="gw-terms">{scopeText(tr, model)}</p>
        {empty ? <EmptyNote>{t('proposal.empty')}</EmptyNote> : <LinesByFinding p={p} />}
        {empty ? null : <Totals p={p} />}
        {p.conversions.map((c) => (
          <p key={c.currency} className="gw-muted gw-small">
            {conversionText(c, p.currency, tr)}
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
      <Section title={t('proposal.terms')}>
        <TermsText title={t('proposal.assumptions')} text={p.text.assumptions} />
        <TermsText title={t('proposal.exclusions')} text={p.text.exclusions} />
        <h3>{t('proposal.payment')}</h3>
        {p.text.paymentTerms ? <p className="gw-terms">{p.text.paymentTerms}</p> : null}
        <p>{contractTermText(tr, p).join(' ')}</p>
        {model.branding.disclaimer ? <p className="gw-disclaimer">{model.branding.disclaimer}</p> : null}
      </Section>
      <Acceptance model={model} />
    </>
  );
};
