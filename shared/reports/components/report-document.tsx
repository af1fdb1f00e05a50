/** @jsxRuntime automatic @jsxImportSource react */
import type { CSSProperties } from 'react';
import { fontStacks } from '../branding';
import type { ReportModel } from '../report-model';
import { ExecutiveBody } from './executive-body';
import { ProposalBody } from './proposal-body';
import { ReassessmentBody } from './reassessment-body';
import { CoverPage } from './report-parts';
import { TechnicalBody } from './technical-body';
import { ReportTextProvider, useReportText } from './report-text';
import { createTranslator } from '../../i18n/translator';

/** Brand colours and font reach the stylesheet as custom properties on the report root. */
const brandStyle = (model: ReportModel): CSSProperties =>
  ({
    '--gw-primary': model.branding.primaryColor,
    '--gw-accent': model.branding.accentColor,
    '--gw-font': fontStacks[model.branding.font],
  }) as CSSProperties;

const Body = ({ model }: { model: ReportModel }) => {
  switch (model.kind) {
    case 'executive':
      return <ExecutiveBody model={model} />;
    case 'technical':
      return <TechnicalBody model={model} />;
    case 'proposal':
      return <ProposalBody model={model} />;
    case 'reassessment':
      return <ReassessmentBody model={model} />;
  }
};

const Closing = ({ model }: { model: ReportModel }) => {
  const { t } = useReportText();
  return (
    <footer className="gw-closing">
      {model.branding.footer ? <p>{model.branding.footer}</p> : null}
      <p className="gw-muted gw-small">{t('report.closing', { partner: model.cover.partnerName, generator: model.generator, template: model.templateVersion })}</p>
    </footer>
  );
};

/** One document for the app's preview, the HTML export and the PDF (Chromium prints this HTML), in the report's language. */
export const ReportDocument = ({ model }: { model: ReportModel }) => (
  <ReportTextProvider translator={createTranslator(model.locale)}>
    <div className={`gw-report gw-report-${model.kind}`} style={brandStyle(model)} lang={model.locale}>
      <CoverPage cover={model.cover} branding={model.branding} />
      <Body model={model} />
      <Closing model={model} />
    </div>
  </ReportTextProvider>
);
