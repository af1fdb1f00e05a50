import type { FrameworkAppendixSource } from '../framework-appendix';
import { EmptyNote, Section } from './report-parts';

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
export const FrameworkAppendix = ({ coverage }: { coverage: FrameworkAppendixSource }) => (
  <Section title="Appendix: coverage by framework" newPage id="framework-coverage">
    <p>
      Every question and finding of the assessment is mapped to the public frameworks below. For each item: the questions asked in this assessment,
      and the findings it raised.
    </p>
    {coverage.length === 0 ? <EmptyNote>No interview answers recorded, so no coverage to show.</EmptyNote> : null}
    {coverage.map((fw) => (
      <div key={fw.name} className="gw-framework">
        <h3>{fw.name}</h3>
        {fw.items.length === 0 ? (
          <EmptyNote>No question asked or finding raised in this assessment maps to this framework.</EmptyNote>
        ) : (
          <table className="gw-table gw-small" style={{ tableLayout: 'fixed', width: '100%' }}>
            <colgroup>
              <col style={{ width: '24%' }} />
              <col style={{ width: '38%' }} />
              <col style={{ width: '38%' }} />
            </colgroup>
            <thead>
              <tr>
                <th>Item</th>
                <th>Questions asked</th>
                <th>Findings raised</th>
              </tr>
            </thead>
            <tbody>
              {fw.items.map((item) => (
                <tr key={item.label}>
                  <td className="gw-q">{item.label}</td>
                  <td>
                    {item.questionsAsked === 0 ? 'None' : <Lines lines={item.questionLines} />}
                  </td>
                  <td>{item.findings.length === 0 ? 'None' : <Lines lines={item.findings} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    ))}
  </Section>
);
