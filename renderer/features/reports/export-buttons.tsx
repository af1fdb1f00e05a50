import { reportFormats, type ReportFormat, type ReportKind } from '../../../shared/reports/report-model';
import type { AppMessageId } from '../../../shared/i18n/ui-catalogue';
import { ErrorState } from '../../components/query-state';
import { useText, type AppText } from '../../i18n/app-intl';
import { useExportReport } from './use-reports';

const formatLabels: Record<ReportFormat, string> = { pdf: 'PDF', docx: 'Word', html: 'HTML', csv: 'CSV' };
/** What a CSV of each kind holds: the proposal's price lines, or one PSA ticket per finding. */
const csvLabels: Partial<Record<ReportKind, AppMessageId>> = { proposal: 'reports.format.csvLines', technical: 'reports.format.csvTickets' };

export const formatName = ({ t }: AppText, kind: ReportKind, format: ReportFormat): string => {
  const csv = csvLabels[kind];
  return format === 'csv' && csv ? t(csv) : formatLabels[format];
};

interface ExportButtonsProps {
  readonly caseId: string;
  readonly kind: ReportKind;
  /** A saved proposal to print instead of one built from the findings (the Proposal tab's cards). */
  readonly proposalId?: string;
  /** The formats offered; every one the kind has when absent. */
  readonly formats?: readonly ReportFormat[];
}

/** One button per format, the progress while Chromium or Word rendering runs, the file saved or the error. */
export const ExportButtons = ({ caseId, kind, proposalId, formats = reportFormats }: ExportButtonsProps) => {
  const exporter = useExportReport(caseId);
  const running = exporter.isPending ? exporter.variables : null;
  const text = useText();
  const { t } = text;
  return (
    <div className="reports-export" aria-live="polite">
      {formats
        .filter((f) => f !== 'csv' || csvLabels[kind])
        .map((format) => (
          <button
            key={format}
            type="button"
            className="button button-primary"
            disabled={exporter.isPending}
            onClick={() => exporter.mutate({ kind, format, ...(proposalId ? { proposalId } : {}) })}
          >
            {t('reports.export', { format: formatName(text, kind, format) })}
          </button>
        ))}
      {running ? (
        <span className="reports-progress" role="status">
          <progress aria-label={t('reports.rendering', { format: formatName(text, running.kind, running.format) })} />{' '}
          {t('reports.renderingNow', { format: formatName(text, running.kind, running.format) })}
        </span>
      ) : null}
      {exporter.isSuccess && !exporter.isPending ? (
        <span className="muted">
          {t('reports.saved', {
            file: exporter.data.fileName,
            hasAdjustments: exporter.data.record.adjustments.length > 0 ? 'yes' : 'no',
            adjustments: exporter.data.record.adjustments.join(' '),
          })}
        </span>
      ) : null}
      {exporter.error ? <ErrorState error={exporter.error} /> : null}
    </div>
  );
};
