/** @jsxRuntime automatic @jsxImportSource react */
import type { CSSProperties } from 'react';
import { fontStacks } from '../branding';
import type { ReportModel } from '../report-model';
import { ExecutiveBody } from './executive-body';
import { ProposalBody } from './proposal-body';
import { ReassessmentBody } from './reassessment-body';
import { CoverPage } from './report-parts';
import { TechnicalBody } from './technical-body';

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

/** One document for the app's preview, the HTML export and the PDF (Chromium prints this HTML). */
export const ReportDocument = ({ model }: { model: ReportModel }) => (
  <div className={`gw-report gw-report-${model.kind}`} style={brandStyle(model)}>
    <CoverPage cover={model.cover} branding={model.branding} />
    <Body model={model} />
    <footer className="gw-closing">
      {model.branding.footer ? <p>{model.branding.footer}</p> : null}
      <p className="gw-muted gw-small">
        {model.cover.partnerName} · generated with {model.generator} · template {model.templateVersion}
      </p>
    </footer>
  </div>
);
