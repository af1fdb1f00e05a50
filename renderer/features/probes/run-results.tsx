import type { Measurement } from '../../../shared/probes/measurement';
import { metricCatalog, metricLabel, type MetricInfo } from '../../../shared/probes/metric-names';
import type { MetricValue, ProbeResult, ProbeRunDetail, ProbeSample, ProbeStatus } from '../../../shared/probes/probe-schemas';
import { describeThreshold, verdictFor } from '../../../shared/probes/verdicts';
import { LineChart, type ChartSeries } from './line-chart';

export const statusLabels: Record<ProbeStatus, string> = {
  ok: 'Done',
  failed: 'Failed',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
  unsupported: 'Not available',
};

const unitSuffix: Record<string, string> = { ms: ' ms', pct: ' %', mbps: ' Mbit/s', gb: ' GB', bytes: ' bytes', dbm: ' dBm', ghz: ' GHz', mhz: ' MHz', rpm: ' RPM' };

export const formatMetric = (name: string, value: MetricValue): string => {
  if (value === null) return 'not measured';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  const info = (metricCatalog as Record<string, MetricInfo>)[name];
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${Number(value.toFixed(digits))}${info ? (unitSuffix[info.unit] ?? '') : ''}`;
};

const verdictWords = { good: 'Good', watch: 'Watch', problem: 'Problem' } as const;

const MetricsTable = ({ result }: { result: ProbeResult }) => {
  const entries = Object.entries(result.metrics);
  if (entries.length === 0) return null;
  return (
    <table className="probe-metrics">
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Value</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, value]) => {
          const info = (metricCatalog as Record<string, MetricInfo>)[name];
          const verdict = verdictFor(name, value, result.metrics);
          const threshold = info ? describeThreshold(name, info.unit, result.metrics) : null;
          return (
            <tr key={name}>
              <th scope="row">
                {info?.description ?? name}
                <span className="probe-metric-name">{name}</span>
              </th>
              <td>{formatMetric(name, value)}</td>
              <td>
                {verdict ? <span className={`badge verdict-${verdict}`}>{verdictWords[verdict]}</span> : <span className="muted">—</span>}
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
  const missing = Object.entries(result.measurements ?? {}).filter(
    (entry): entry is [string, Extract<Measurement, { reason: string }>] => entry[1].state !== 'measured' && entry[1].reason !== result.message,
  );
  if (missing.length === 0) return null;
  return (
    <div className="probe-unmeasured">
      <h4>Could not be measured</h4>
      <ul>
        {missing.map(([name, m]) => (
          <li key={name}>
            <span className="probe-unmeasured-label">{metricLabel(name)}</span>
            {m.state === 'failed' ? ' (failed)' : ''}: <span dir="auto">{m.reason}</span>
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

const Charts = ({ result }: { result: ProbeResult }) => {
  if (result.probeId === 'latency') {
    const series = seriesOf(result.samples, (s) => s.startsWith('rtt:'), (s) => s.slice(4));
    return <LineChart title="Latency over time" unit="ms" series={series} />;
  }
  if (result.probeId === 'throughput') {
    return (
      <>
        <LineChart
          title="Throughput over time"
          unit="Mbit/s"
          series={seriesOf(result.samples, (s) => s.endsWith('_mbps'), (s) => (s.startsWith('download') ? 'Download' : 'Upload'))}
        />
        <LineChart
          title="Latency idle and under load"
          unit="ms"
          series={seriesOf(result.samples, (s) => s.startsWith('rtt_'), (s) => ({ rtt_idle: 'Idle', rtt_loaded_download: 'During download', rtt_loaded_upload: 'During upload' })[s] ?? s)}
        />
      </>
    );
  }
  if (result.probeId === 'responsiveness') {
    const names: Record<string, string> = { download: 'Download', upload: 'Upload', concurrent: 'Both at once' };
    const segments: Record<string, string> = { lan: 'LAN', hub: 'Hub', internet: 'Internet' };
    // Series are "<segment>_<run>_…" (one per segment measured), or "<run>_…" in runs recorded before segments.
    const runOf = (s: string) => {
      const [first = '', second = ''] = s.split('_');
      return segments[first] ? `${segments[first]} · ${names[second] ?? second}` : (names[first] ?? s);
    };
    return (
      <>
        <LineChart title="Goodput per second while ramping" unit="Mbit/s" series={seriesOf(result.samples, (s) => s.endsWith('_mbps'), runOf)} />
        <LineChart title="Latency under working conditions per second" unit="ms" series={seriesOf(result.samples, (s) => s.endsWith('_latency_ms'), runOf)} />
      </>
    );
  }
  if (result.probeId === 'ntp') return <LineChart title="Clock offset per query" unit="ms" series={seriesOf(result.samples, (s) => s === 'offset')} />;
  return null;
};

export const RunResults = ({ run }: { run: ProbeRunDetail }) => (
  <div className="probe-results">
    <p className="muted">
      {run.source === 'collector' ? `Collected on ${run.host} (Groundwork ${run.toolVersion})` : `Run on ${run.host}`}, {new Date(run.startedAt).toLocaleString()}
      {run.sweepAuthorisation
        ? ` · LAN sweep of ${run.sweepAuthorisation.scope} authorised by ${run.sweepAuthorisation.authorisedBy}${run.sweepAuthorisation.reason ? ` (${run.sweepAuthorisation.reason})` : ''}`
        : ''}
    </p>
    {run.results.length === 0 && <p className="muted">No probe finished in this run.</p>}
    {run.results.map((result) => (
      <section key={result.probeId} className={`card probe-result probe-result-${result.status}`} aria-labelledby={`probe-${run.id}-${result.probeId}`}>
        <header className="probe-result-header">
          <h3 id={`probe-${run.id}-${result.probeId}`}>{result.title}</h3>
          <span className={`badge probe-status-${result.status}`}>{statusLabels[result.status]}</span>
          <span className="muted">{(result.durationMs / 1000).toFixed(1)} s</span>
        </header>
        {result.message && <p>{result.message}</p>}
        <MetricsTable result={result} />
        <Unmeasured result={result} />
        <Charts result={result} />
      </section>
    ))}
  </div>
);
