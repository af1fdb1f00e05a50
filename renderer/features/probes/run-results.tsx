import type { Measurement } from '../../../shared/probes/measurement';
import { metricCatalog, type MetricInfo } from '../../../shared/probes/metric-names';
import { useMeasurementWords } from '../../i18n/use-measurement-words';
import type { MetricValue, ProbeResult, ProbeRunDetail, ProbeSample, ProbeStatus } from '../../../shared/probes/probe-schemas';
import { verdictFor } from '../../../shared/probes/verdicts';
import type { UiMessageId } from '../../../shared/i18n/ui-messages-en';
import { intlLocaleOf } from '../../../shared/i18n/locales';
import { useText, type AppText } from '../../i18n/app-intl';
import { LineChart, measureNumber, type ChartSeries } from './line-chart';

export const statusIds: Record<ProbeStatus, UiMessageId> = {
  ok: 'probes.status.ok',
  failed: 'probes.status.failed',
  timeout: 'probes.status.timeout',
  cancelled: 'probes.status.cancelled',
  unsupported: 'probes.status.unsupported',
};

/** Units written in words in each language; the others (ms, Mbit/s, dBm, GHz, MHz) are the same everywhere. */
const unitIds: Record<string, UiMessageId> = { pct: 'probes.value.pct', gb: 'probes.value.gb', bytes: 'probes.value.bytes', rpm: 'probes.value.rpm' };
const unitSymbols: Record<string, string> = { ms: 'ms', mbps: 'Mbit/s', dbm: 'dBm', ghz: 'GHz', mhz: 'MHz' };

export const formatMetric = ({ t, locale }: Pick<AppText, 't' | 'locale'>, name: string, value: MetricValue): string => {
  if (value === null) return t('probes.notMeasured');
  if (typeof value === 'boolean') return t(value ? 'probes.yes' : 'probes.no');
  if (typeof value === 'string') return value;
  const info = (metricCatalog as Record<string, MetricInfo>)[name];
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  // Trailing zeros dropped (7.40 ms is 7.4 ms); English ungrouped as it always was ("1500 ms").
  const number = new Intl.NumberFormat(intlLocaleOf(locale), { maximumFractionDigits: digits, useGrouping: locale === 'fr-CA' }).format(value).replace(/\u202f/g, '\u00a0');
  const unit = info?.unit ?? '';
  const id = unitIds[unit];
  if (id) return t(id, { value: number });
  const symbol = unitSymbols[unit];
  return symbol ? t('probes.value', { value: number, unit: symbol }) : number;
};

const verdictIds = { good: 'probes.verdict.good', watch: 'probes.verdict.watch', problem: 'probes.verdict.problem' } as const satisfies Record<string, UiMessageId>;

const MetricsTable = ({ result }: { result: ProbeResult }) => {
  const text = useText();
  const { t } = text;
  const words = useMeasurementWords();
  const entries = Object.entries(result.metrics);
  if (entries.length === 0) return null;
  return (
    <table className="probe-metrics">
      <thead>
        <tr>
          <th scope="col">{t('probes.col.measure')}</th>
          <th scope="col">{t('probes.col.value')}</th>
          <th scope="col">{t('probes.col.verdict')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, value]) => {
          const info = (metricCatalog as Record<string, MetricInfo>)[name];
          const verdict = verdictFor(name, value, result.metrics);
          const threshold = info ? words.threshold(name, info.unit, result.metrics) : null;
          return (
            <tr key={name}>
              <th scope="row">
                {/* The catalogue describes each metric in English; French has its names (metric-labels-fr-ca.ts). */}
                {text.locale === 'fr-CA' ? words.label(name) : (info?.description ?? name)}
                <span className="probe-metric-name">{name}</span>
              </th>
              <td>{formatMetric(text, name, value)}</td>
              <td>
                {verdict ? <span className={`badge verdict-${verdict}`}>{t(verdictIds[verdict])}</span> : <span className="muted">—</span>}
                {verdict && threshold ? <span className="probe-threshold">{threshold}</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};

/**
 * What this run tried and could not measure, each with its reason ("TPM state needs an elevated
 * shell"). A reason that only repeats the probe's own message (a probe that failed as a whole)
 * is not listed again.
 */
const Unmeasured = ({ result }: { result: ProbeResult }) => {
  const { t, rich } = useText();
  const words = useMeasurementWords();
  const missing = Object.entries(result.measurements ?? {}).filter(
    (entry): entry is [string, Extract<Measurement, { reason: string }>] => entry[1].state !== 'measured' && entry[1].reason !== result.message,
  );
  if (missing.length === 0) return null;
  return (
    <div className="probe-unmeasured">
      <h4>{t('probes.unmeasured')}</h4>
      <ul>
        {missing.map(([name, m]) => (
          <li key={name}>
            {rich('probes.unmeasuredLine', {
              label: <span className="probe-unmeasured-label">{words.label(name)}</span>,
              failed: m.state === 'failed' ? 'yes' : 'no',
              reason: <span dir="auto">{words.reason(m.reason)}</span>,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
};

const seriesOf = (samples: readonly ProbeSample[], match: (series: string) => boolean, rename: (series: string) => string = (s) => s): ChartSeries[] => {
  const groups = new Map<string, { t: number; value: number | null }[]>();
  for (const s of samples) {
    if (!match(s.series)) continue;
    const list = groups.get(s.series) ?? [];
    list.push({ t: s.t, value: s.value });
    groups.set(s.series, list);
  }
  return [...groups.entries()].map(([name, points]) => ({ name: rename(name), points }));
};

const loadedSeriesIds: Record<string, UiMessageId> = { rtt_idle: 'probes.series.idle', rtt_loaded_download: 'probes.series.duringDownload', rtt_loaded_upload: 'probes.series.duringUpload' };
const runIds: Record<string, UiMessageId> = { download: 'probes.series.download', upload: 'probes.series.upload', concurrent: 'probes.series.both' };
const segmentIds: Record<string, UiMessageId> = { lan: 'probes.segment.lan', hub: 'probes.segment.hub', internet: 'probes.segment.internet' };

const Charts = ({ result }: { result: ProbeResult }) => {
  const { t } = useText();
  if (result.probeId === 'latency') {
    const series = seriesOf(result.samples, (s) => s.startsWith('rtt:'), (s) => s.slice(4));
    return <LineChart title={t('probes.chart.latency')} unit="ms" series={series} />;
  }
  if (result.probeId === 'throughput') {
    const loaded = (s: string) => {
      const id = loadedSeriesIds[s];
      return id ? t(id) : s;
    };
    return (
      <>
        <LineChart
          title={t('probes.chart.throughput')}
          unit="Mbit/s"
          series={seriesOf(result.samples, (s) => s.endsWith('_mbps'), (s) => t(s.startsWith('download') ? 'probes.series.download' : 'probes.series.upload'))}
        />
        <LineChart title={t('probes.chart.loaded')} unit="ms" series={seriesOf(result.samples, (s) => s.startsWith('rtt_'), loaded)} />
      </>
    );
  }
  if (result.probeId === 'responsiveness') {
    const name = (run: string) => {
      const id = runIds[run];
      return id ? t(id) : run;
    };
    // Series are "<segment>_<run>_…" (one per segment measured), or "<run>_…" in runs recorded before segments.
    const runOf = (s: string) => {
      const [first = '', second = ''] = s.split('_');
      const segment = segmentIds[first];
      return segment ? t('probes.series.segmentRun', { segment: t(segment), run: name(second) }) : runIds[first] ? name(first) : s;
    };
    return (
      <>
        <LineChart title={t('probes.chart.goodput')} unit="Mbit/s" series={seriesOf(result.samples, (s) => s.endsWith('_mbps'), runOf)} />
        <LineChart title={t('probes.chart.working')} unit="ms" series={seriesOf(result.samples, (s) => s.endsWith('_latency_ms'), runOf)} />
      </>
    );
  }
  if (result.probeId === 'ntp') return <LineChart title={t('probes.chart.ntp')} unit="ms" series={seriesOf(result.samples, (s) => s === 'offset')} />;
  return null;
};

export const RunResults = ({ run }: { run: ProbeRunDetail }) => {
  const { t, locale, dateTime } = useText();
  const words = useMeasurementWords();
  const sweep = run.sweepAuthorisation;
  return (
    <div className="probe-results">
      <p className="muted">
        {t('probes.run.origin', {
          collector: run.source === 'collector' ? 'yes' : 'no',
          host: run.host,
          version: run.toolVersion,
          when: dateTime(run.startedAt, true),
          hasSweep: sweep ? 'yes' : 'no',
          scope: sweep?.scope ?? '',
          by: sweep?.authorisedBy ?? '',
          hasReason: sweep?.reason ? 'yes' : 'no',
          reason: sweep?.reason ?? '',
        })}
      </p>
      {run.results.length === 0 && <p className="muted">{t('probes.noneFinished')}</p>}
      {run.results.map((result) => (
        <section key={result.probeId} className={`card probe-result probe-result-${result.status}`} aria-labelledby={`probe-${run.id}-${result.probeId}`}>
          <header className="probe-result-header">
            <h3 id={`probe-${run.id}-${result.probeId}`}>{words.probeTitle(result)}</h3>
            <span className={`badge probe-status-${result.status}`}>{t(statusIds[result.status])}</span>
            <span className="muted">{t('probes.seconds', { n: measureNumber(locale, result.durationMs / 1000, 1) })}</span>
          </header>
          {/* The probe's own message, as it came (evidence), unless it is one Groundwork words itself (knownReasonsFrCA). */}
          {result.message && <p data-probe-text="">{words.reason(result.message)}</p>}
          <MetricsTable result={result} />
          <Unmeasured result={result} />
          <Charts result={result} />
        </section>
      ))}
    </div>
  );
};
