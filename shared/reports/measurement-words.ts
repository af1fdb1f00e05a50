import type { ReportLocale } from '../i18n/locales';
import { createTranslator, type Translator } from '../i18n/translator';
import { formatMetricValue, metricInfo, metricLabel, metricScopeLabels, unitSuffix, type MetricName, type MetricScope } from '../probes/metric-names';
import {
  knownReasonsFrCA,
  metricLabelsFrCA,
  metricScopeLabelsFrCA,
  pathKindLabelsFrCA,
  probeTitlesFrCA,
  responsivenessSegmentLabelsFrCA,
  unitWordsFrCA,
} from '../probes/metric-labels-fr-ca';
import { pathKindLabels, type PathKind } from '../probes/measurement';
import type { ProbeId } from '../probes/probe-schemas';
import { responsivenessSegmentLabels, type ResponsivenessSegment } from '../probes/responsiveness';
import { describeThreshold, describeThresholdFrCA } from '../probes/verdicts';
import type { MetricValue } from '../probes/probe-schemas';

/**
 * How a report in one language names and writes its measurements: labels, scopes, far ends, probe
 * names, values with units, thresholds and Groundwork's own reasons. English is the catalogue's
 * own wording; the sentences around them are ICU messages read through `tr`.
 */
export interface MeasurementWords {
  readonly tr: Translator;
  label(name: string): string;
  scope(scope: MetricScope): string;
  pathKind(kind: PathKind): string;
  segment(segment: ResponsivenessSegment): string;
  probeTitle(result: { readonly probeId: ProbeId; readonly title: string }): string;
  value(name: string, value: number | string | boolean): string;
  /** The unit a number of this metric is in ("ms", "Go"), for the table's unit column. */
  unit(name: string): string;
  threshold(name: string, unit: string, metrics?: Readonly<Record<string, MetricValue>>): string | null;
  reason(reason: string): string;
}

const english = (tr: Translator): MeasurementWords => ({
  tr,
  label: metricLabel,
  scope: (s) => metricScopeLabels[s],
  pathKind: (k) => pathKindLabels[k],
  segment: (s) => responsivenessSegmentLabels[s],
  probeTitle: (r) => r.title,
  value: formatMetricValue,
  unit: (name) => {
    const info = metricInfo(name);
    return info ? unitSuffix[info.unit].trim() : '';
  },
  threshold: describeThreshold,
  reason: (r) => r,
});

/** Text values some probes give (the responsiveness band and confidence), in French. */
const frenchTextValues: Readonly<Record<string, string>> = { High: 'Élevé', Medium: 'Moyen', Low: 'Faible' };

const frenchUnit = (suffix: string): string => {
  const unit = suffix.trim();
  return unit === 'bytes' ? unitWordsFrCA.bytes : unit === 'GB' ? unitWordsFrCA.GB : unit;
};

const french = (tr: Translator): MeasurementWords => {
  const base = english(tr);
  return {
    tr,
    label: (name) => metricLabelsFrCA[name as MetricName] ?? metricLabel(name),
    scope: (s) => metricScopeLabelsFrCA[s],
    pathKind: (k) => pathKindLabelsFrCA[k],
    segment: (s) => responsivenessSegmentLabelsFrCA[s],
    probeTitle: (r) => probeTitlesFrCA[r.probeId] ?? r.title,
    value: (name, value) => {
      if (typeof value === 'boolean') return value ? unitWordsFrCA.yes : unitWordsFrCA.no;
      if (typeof value === 'string') return frenchTextValues[value] ?? value;
      if (!Number.isFinite(value)) return unitWordsFrCA.noValue;
      // The English figure (same rounding, the clock offset's sign), rewritten the French way.
      const [number = '', ...rest] = formatMetricValue(name, value).split(' ');
      const unit = frenchUnit(rest.join(' '));
      return `${number.replace('.', ',')}${unit ? `\u00a0${unit}` : ''}`;
    },
    unit: (name) => frenchUnit(base.unit(name)),
    threshold: describeThresholdFrCA,
    reason: (r) => knownReasonsFrCA[r.replace(/\.$/, '')] ?? r,
  };
};

export const measurementWords = (locale: ReportLocale = 'en'): MeasurementWords => {
  const tr = createTranslator(locale);
  return locale === 'fr-CA' ? french(tr) : english(tr);
};
