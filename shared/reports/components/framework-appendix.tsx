/** @jsxRuntime automatic @jsxImportSource react */
import type { FrameworkAppendixSource } from '../framework-appendix';
import { EmptyNote, Section } from './report-parts';
import { useReportText } from './report-text';

/** One entry per line, a bullet each, so wrapped entries do not run into each other. */
const Lines = ({ lines }: { lines: readonly string[] }) => (
  <>
    {lines.map((line, i) => (
      <div key={i} style={{ paddingLeft: '0.9em', textIndent: '-0.9em', marginBottom: '0.15em' }}>
        • {line}
      </div>
    ))}
  </>
);

/** Appendix: per framework, each item with the questions asked and the findings raised. */
export const FrameworkAppendix = ({ coverage }: { coverage: FrameworkAppendixSource }) => {
  const { t } = useReportText();
  return (
  <Section title={t('tech.appendixFrameworks')} newPage id="framework-coverage">
    <p>{t('frameworks.intro')}</p>
    {coverage.length === 0 ? <EmptyNote>{t('frameworks.noAnswers')}</EmptyNote> : null}
    {coverage.map((fw) => (
      <div key={fw.name} className="gw-framework">
        <h3>{fw.name}</h3>
        {fw.items.length === 0 ? (
          <EmptyNote>{t('frameworks.noItems')}</EmptyNote>
        ) : (
          <table className="gw-table gw-small" style={{ tableLayout: 'fixed', width: '100%' }}>
            <colgroup>
              <col style={{ width: '24%' }} />
              <col style={{ width: '38%' }} />
              <col style={{ width: '38%' }} />
            </colgroup>
            <thead>
              <tr>
                <th>{t('frameworks.item')}</th>
                <th>{t('frameworks.questions')}</th>
                <th>{t('frameworks.findings')}</th>
              </tr>
            </thead>
            <tbody>
              {fw.items.map((item) => (
                <tr key={item.label}>
                  <td className="gw-q">{item.label}</td>
                  <td>
                    {item.questionsAsked === 0 ? t('frameworks.none') : <Lines lines={item.questionLines} />}
                  </td>
                  <td>{item.findings.length === 0 ? t('frameworks.none') : <Lines lines={item.findings} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    ))}
  </Section>
  );
};
