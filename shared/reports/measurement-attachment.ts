import type { ReportSource } from './report-source';

/**
 * The measurements of a report as a machine-readable file beside it: every measured figure with
 * its metric name, value, unit, scope, far end, verdict and samples, and what could not be
 * measured with why. Probe details with LAN identifiers (MAC addresses, host names, neighbour
 * tables) are not part of it: the report source never carries them.
 */
export const measurementAttachment = (source: ReportSource) => ({
  format: 'groundwork-measurements',
  version: 1,
  caseId: source.caseId,
  customer: source.customer.name,
  site: source.site?.name ?? '',
  date: source.date,
  measurements: source.measurements.map((m) => ({
    probe: m.probe,
    metric: m.metric,
    label: m.name,
    value: m.value,
    display: m.display,
    unit: m.unit,
    scope: m.scope,
    measuredAgainst: m.farEnd,
    verdict: m.status,
    threshold: m.target,
    measuredAt: m.measuredAt,
    samples: m.samples,
  })),
  unmeasured: source.unmeasured,
});

export const measurementAttachmentName = (reportFileName: string): string => `${reportFileName.replace(/\.[a-z]+$/, '')}.measurements.json`;
