/** @jsxRuntime automatic @jsxImportSource react */
import type { TechnicalReport } from '../report-model';
import type { MessageId } from '../../i18n/messages-en';
import type { Translator } from '../../i18n/translator';
import { Section } from './report-parts';
import { useReportText } from './report-text';

const verdictWords: Record<string, MessageId> = { pass: 'verdict.pass', warn: 'verdict.warn', fail: 'verdict.fail', info: 'verdict.info' };
export const verdictText = ({ t }: Translator, m: TechnicalReport['measurements'][number]): string => {
  const verdict = t(verdictWords[m.status] ?? 'verdict.info');
  return m.target ? t('verdict.withTarget', { verdict, target: m.target }) : verdict;
};

/** A sample series as a count and a range: "60 samples, 8–20 ms". */
export const seriesSummary = ({ t, fmt }: Translator, m: TechnicalReport['measurements'][number]): string =>
  m.samples.length > 0
    ? t('tech.samples', {
        count: m.samples.length,
        min: fmt.number(Math.min(...m.samples.map((s) => s.value))),
        max: fmt.number(Math.max(...m.samples.map((s) => s.value))),
        unit: m.unit,
      })
    : m.display || fmt.number(m.value, m.unit);

/**
 * Only what was measured, by probe: each value with its unit, far end and time; sample series as a
 * count and range. No raw dumps and no LAN identifiers (MAC addresses, host names): the figures
 * travel as the JSON attachment beside the report.
 */
export const MeasurementAppendix = ({ model }: { model: TechnicalReport }) => {
  const tr = useReportText();
  const probes = [...new Set(model.measurements.map((m) => m.probe))];
  if (probes.length === 0) return null;
  return (
    <Section title={tr.t('tech.appendixMeasurements')} newPage id="raw">
      <p className="gw-muted">{tr.t('tech.appendixIntro')}</p>
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
                    <td>{seriesSummary(tr, m)}</td>
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
