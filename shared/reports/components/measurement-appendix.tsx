/** @jsxRuntime automatic @jsxImportSource react */
import { formatNumber } from '../format';
import type { TechnicalReport } from '../report-model';
import { Section } from './report-parts';

const verdictWords: Record<string, string> = { pass: 'Good', warn: 'Watch', fail: 'Problem', info: 'For information' };
export const verdictText = (m: TechnicalReport['measurements'][number]): string => `${verdictWords[m.status] ?? 'For information'}${m.target ? ` (${m.target})` : ''}`;

/** A sample series as a count and a range: "60 samples, 8–20 ms". */
export const seriesSummary = (m: TechnicalReport['measurements'][number]): string =>
  m.samples.length > 0
    ? `${m.samples.length} samples, ${Math.round(Math.min(...m.samples.map((s) => s.value)) * 100) / 100}–${Math.round(Math.max(...m.samples.map((s) => s.value)) * 100) / 100} ${m.unit}`
    : m.display || formatNumber(m.value, m.unit);

/**
 * Only what was measured, by probe: each value with its unit, far end and time; sample series as a
 * count and range. No raw dumps and no LAN identifiers (MAC addresses, host names): the figures
 * travel as the JSON attachment beside the report.
 */
export const MeasurementAppendix = ({ model }: { model: TechnicalReport }) => {
  const probes = [...new Set(model.measurements.map((m) => m.probe))];
  if (probes.length === 0) return null;
  return (
    <Section title="Appendix: measurements" newPage id="raw">
      <p className="gw-muted">Every figure below was measured on site; the same figures are in the machine-readable attachment exported with this report.</p>
      {probes.map((probe) => (
        <div key={probe} className="gw-raw">
          <h3>{probe}</h3>
          <table className="gw-table gw-small">
            <tbody>
              {model.measurements
                .filter((m) => m.probe === probe)
                .map((m) => (
                  <tr key={m.id}>
                    <td className="gw-q">{m.name}</td>
                    <td>{seriesSummary(m)}</td>
                    <td className="gw-muted">{[m.farEnd, m.measuredAt.slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · ')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </Section>
  );
};
