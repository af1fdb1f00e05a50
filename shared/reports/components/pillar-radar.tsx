/** @jsxRuntime automatic @jsxImportSource react */
import type { ReportModel } from '../report-model';
import { BarChart, RadarChart } from './charts';
import { EmptyNote } from './report-parts';
import { useReportText } from './report-text';

export const PillarRadar = ({ model, size }: { model: ReportModel; size?: number }) => {
  const { t } = useReportText();
  return model.source.pillars.length >= 3 ? (
    <RadarChart points={model.source.pillars.map((p) => ({ label: p.name, value: p.score }))} color={model.branding.primaryColor} label={t('tech.byPillar')} size={size} />
  ) : model.source.pillars.length > 0 ? (
    <BarChart bars={model.source.pillars.map((p) => ({ label: p.name, value: p.score }))} color={model.branding.primaryColor} />
  ) : (
    <EmptyNote>{t('exec.noPillar')}</EmptyNote>
  );
};
