import { ReportLanguagePicker } from './report-language-picker';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api';
import type { CaseTabProps } from '../../app/case-tabs';
import { ErrorState, QueryView } from '../../components/query-state';
import { ReportDocument } from '../../../shared/reports/components/report-document';
import { buildReportModel, reportKinds, type ReportKind } from '../../../shared/reports/report-model';
import { buildProposal } from '../../../shared/reports/proposal';
import { createTranslator } from '../../../shared/i18n/translator';
import { localeNames } from '../../../shared/i18n/locales';
import { useText } from '../../i18n/app-intl';
import type { AppMessageId } from '../../../shared/i18n/ui-catalogue';
import { ProposalSettingsForm } from './proposal-settings-form';
import { ExportButtons, formatName } from './export-buttons';
import { useProposals } from '../proposals/use-proposals';
import { useReportStylesheet } from './use-report-stylesheet';
import {
  useCaseBranding,
  useProposalSettings,
  useReportExports,
  useReportSource,
  useReproduceExport,
  useSetCaseBranding,
  useSetCustomerLogo,
} from './use-reports';
import { fileToBase64 } from '../branding/use-branding';
import { maxLogoBytes } from '../../../shared/reports/branding';
import './reports.css';

/** The report kinds' names, the same the reports print in their own language. */
const kindIds: Record<ReportKind, AppMessageId> = {
  executive: 'report.kind.executive',
  technical: 'report.kind.technical',
  proposal: 'report.kind.proposal',
  reassessment: 'report.kind.reassessment',
};
const BrandingPicker = ({ caseId }: { caseId: string }) => {
  const profiles = useQuery({ queryKey: ['branding', 'list'], queryFn: () => api.listBrandingProfiles({}) });
  const current = useCaseBranding(caseId);
  const set = useSetCaseBranding(caseId);
  const { t } = useText();
  const only = profiles.data?.length === 1 ? profiles.data[0]?.name : undefined;
  return (
    <div className="field reports-branding">
      <label htmlFor="report-branding">{t('reports.branding')}</label>
      <select
        id="report-branding"
        className="input"
        value={current.data?.chosenProfileId ?? ''}
        disabled={set.isPending || !profiles.data}
        onChange={(e) => set.mutate(e.target.value || null)}
      >
        <option value="">{t('reports.brandingDefault', { hasName: only ? 'yes' : 'no', name: only ?? '' })}</option>
        {(profiles.data ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {set.error ? <ErrorState error={set.error} /> : null}
    </div>
  );
};

const CustomerLogo = ({ caseId, current }: { caseId: string; current: string }) => {
  const set = useSetCustomerLogo(caseId);
  const [problem, setProblem] = useState('');
  const { t } = useText();
  const onFile = async (file: File | undefined) => {
    setProblem('');
    set.reset();
    if (!file) return;
    if (file.size > maxLogoBytes) return setProblem(t('reports.logoTooLarge', { file: file.name }));
    const mime = file.type === 'image/png' ? 'image/png' : file.type === 'image/svg+xml' || file.name.toLowerCase().endsWith('.svg') ? 'image/svg+xml' : null;
    if (!mime) return setProblem(t('reports.logoType'));
    set.mutate({ mime, base64: await fileToBase64(file) });
  };
  return (
    <div className="field reports-customer-logo">
      <label htmlFor="customer-logo">{t('reports.customerLogo')}</label>
      <input id="customer-logo" type="file" accept="image/png,image/svg+xml,.svg,.png" disabled={set.isPending} onChange={(e) => void onFile(e.target.files?.[0])} />
      {current ? (
        <button type="button" className="button button-quiet" onClick={() => set.mutate(null)}>
          {t('reports.removeLogo')}
        </button>
      ) : null}
      {problem ? <p className="field-error">{problem}</p> : null}
      {set.data && set.data.removed.length > 0 ? <p className="field-hint">{t('reports.svgRemoved', { items: set.data.removed.join(', ') })}</p> : null}
      {set.error ? <ErrorState error={set.error} /> : null}
    </div>
  );
};

/** The Reports tab's proposal is the one from the findings; say where a saved one prints, so nobody sends the wrong offer. */
const SavedProposalsHint = ({ caseId }: { caseId: string }) => {
  const saved = useProposals(caseId);
  const { t } = useText();
  return saved.data ? (
    <p className="muted" role="note">
      {t('reports.proposalFromFindings', { count: saved.data.length })}
    </p>
  ) : null;
};

const ExportHistory = ({ caseId }: { caseId: string }) => {
  const history = useReportExports(caseId);
  const reproduce = useReproduceExport();
  const text = useText();
  const { t } = text;
  return (
    <section className="card reports-history" aria-labelledby="report-history-title">
      <h2 id="report-history-title">{t('reports.history')}</h2>
      <QueryView query={history}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted">{t('reports.noExports')}</p>
          ) : (
            <table className="table export-history">
              <thead>
                <tr>
                  <th>{t('reports.col.when')}</th>
                  <th>{t('reports.col.report')}</th>
                  <th>{t('reports.col.language')}</th>
                  <th>{t('reports.col.format')}</th>
                  <th>{t('reports.col.template')}</th>
                  <th>{t('reports.col.sha')}</th>
                  <th>
                    <span className="visually-hidden">{t('reports.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="cell-nowrap">
                      <time dateTime={r.createdAt}>{text.dateTime(r.createdAt, true)}</time>
                      {r.exportedOn ? (
                        <span className="muted export-laptop" dir="auto">
                          {t('reports.exportedOn', { laptop: r.exportedOn })}
                        </span>
                      ) : null}
                    </td>
                    <td>{t(kindIds[r.kind])}</td>
                    <td lang={r.language}>{localeNames[r.language]}</td>
                    <td>
                      {formatName(text, r.kind, r.format)}
                      {r.adjustments.length > 0 ? <span className="muted" title={r.adjustments.join(' ')}> · {t('reports.colorsAdjusted')}</span> : null}
                    </td>
                    <td>{r.templateVersion}</td>
                    <td className="cell-clip">
                      <code title={r.sha256}>{r.sha256}</code>
                    </td>
                    <td>
                      {r.inputsHere ? (
                        <button
                          type="button"
                          className="button button-quiet"
                          disabled={reproduce.isPending}
                          title={t('reports.reproduceTitle')}
                          onClick={() => reproduce.mutate(r.id)}
                        >
                          {t('reports.downloadAgain')}
                        </button>
                      ) : (
                        // Pulled from another laptop: the inputs to render it again stay there.
                        <span className="muted" dir="auto">
                          {t('reports.inputsElsewhere', { laptop: r.exportedOn || t('reports.anotherLaptop') })}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
      {reproduce.data && !reproduce.isPending ? (
        <p className="muted" role="status">
          {reproduce.data.identical
            ? t('reports.identical')
            : t('reports.different')}
        </p>
      ) : null}
      {reproduce.error ? <ErrorState error={reproduce.error} /> : null}
    </section>
  );
};

/** The case's Reports tab: choose the kind, preview it with the export's own components, export. */
export const ReportsTab = ({ caseId }: CaseTabProps) => {
  useReportStylesheet();
  const [kind, setKind] = useState<ReportKind>('executive');
  const source = useReportSource(caseId);
  const settings = useProposalSettings(caseId);
  const language = settings.data?.reportLanguage;
  const { t, locale } = useText();
  // What the engineer must fix before sending (unpriced SKUs, a missing rate) is told in the app's
  // language; the preview and the export carry the same facts in the report's language.
  const notices = useMemo(() => {
    if (kind !== 'proposal' || !source.data) return [];
    const p = buildProposal(source.data.source, source.data.priceBook, source.data.branding.proposalText, createTranslator(locale));
    return [...(p.refusal ? [p.refusal] : []), ...p.warnings];
  }, [kind, source.data, locale]);
  // The preview is written in the case's report language, as the export will be.
  const model = useMemo(() => (source.data ? buildReportModel(kind, { ...source.data, language }) : null), [kind, source.data, language]);
  return (
    <div className="reports-tab">
      <div className="reports-toolbar">
        <div role="radiogroup" aria-label={t('reports.col.report')} className="reports-kinds">
          {reportKinds.map((k) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'button button-primary' : 'button'} onClick={() => setKind(k)}>
              {t(kindIds[k])}
            </button>
          ))}
        </div>
        <div className="reports-brand-fields">
          <CustomerLogo caseId={caseId} current={source.data?.source.customer.logoDataUri ?? ''} />
          <BrandingPicker caseId={caseId} />
          <ReportLanguagePicker caseId={caseId} settings={settings.data} />
        </div>
      </div>
      <ExportButtons caseId={caseId} kind={kind} />
      {kind === 'proposal' ? <SavedProposalsHint caseId={caseId} /> : null}
      {kind === 'proposal' && settings.data ? <ProposalSettingsForm key={settings.data.caseId} caseId={caseId} initial={settings.data} reportLanguage={settings.data.reportLanguage} source={source.data?.source ?? null} /> : null}
      {notices.length > 0 ? (
        <div className="state state-error" role="note">
          <ul>
            {notices.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {model && model.adjustments.length > 0 ? (
        <p className="muted" role="note">
          {model.adjustments.map((a) => a.message).join(' ')}
        </p>
      ) : null}
      <QueryView query={source}>
        {() => (model ? <div className="reports-preview" role="region" aria-label={t('reports.preview')} tabIndex={0}><ReportDocument model={model} /></div> : null)}
      </QueryView>
      <ExportHistory caseId={caseId} />
    </div>
  );
};
