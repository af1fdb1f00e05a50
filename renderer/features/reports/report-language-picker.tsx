import { localeNames, reportLocales, reportLocaleSchema } from '../../../shared/i18n/locales';
import type { ProposalSettings } from '../../../shared/reports/proposal-settings';
import { ErrorState } from '../../components/query-state';
import { useSaveProposalSettings } from './use-reports';
import { useText } from '../../i18n/app-intl';

/** The case's report language: the customer's, so an English-speaking engineer can deliver a French report. */
export const ReportLanguagePicker = ({ caseId, settings }: { caseId: string; settings: ProposalSettings | undefined }) => {
  const save = useSaveProposalSettings(caseId);
  const { t } = useText();
  return (
    <div className="field reports-language">
      <label htmlFor="report-language">{t('reports.language')}</label>
      <select
        id="report-language"
        className="input"
        value={settings?.reportLanguage ?? 'en'}
        disabled={!settings || save.isPending}
        onChange={(e) => {
          const parsed = reportLocaleSchema.safeParse(e.target.value);
          if (settings && parsed.success) save.mutate({ ...settings, reportLanguage: parsed.data });
        }}
      >
        {reportLocales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
      {save.error ? <ErrorState error={save.error} /> : null}
    </div>
  );
};
