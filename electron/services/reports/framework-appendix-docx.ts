import type { Paragraph, Table } from 'docx';
import type { FrameworkAppendixSource } from '../../../shared/reports/framework-appendix';

/** The document's own paragraph, heading and table builders, so the appendix looks like the rest. */
export interface DocxParts {
  readonly h: (text: string, level: 1 | 2 | 3, pageBreakBefore?: boolean) => Paragraph;
  readonly p: (text: string, options?: { italics?: boolean }) => Paragraph;
  readonly table: (header: readonly string[], rows: readonly (readonly string[])[], primary: string) => Table;
  readonly primary: string;
}

/** Appendix "Coverage by framework" of the technical report, as Word blocks. */
export const frameworkAppendixBlocks = (coverage: FrameworkAppendixSource, { h, p, table, primary }: DocxParts): Array<Paragraph | Table> => [
  h('Appendix: coverage by framework', 1, true),
  p('Every question and finding of the assessment is mapped to the public frameworks below. For each item: the questions asked in this assessment, and the findings it raised.'),
  ...(coverage.length === 0 ? [p('No interview answers recorded, so no coverage to show.', { italics: true })] : []),
  ...coverage.flatMap((fw) => [
    h(fw.name, 2),
    fw.items.length === 0
      ? p('No question asked or finding raised in this assessment maps to this framework.', { italics: true })
      : table(
          ['Item', 'Questions asked', 'Findings raised'],
          fw.items.map((item) => [
            item.label,
            item.questionsAsked === 0 ? 'None' : item.questionLines.join('; '),
            item.findings.length === 0 ? 'None' : item.findings.join('; '),
          ]),
          primary,
        ),
  ]),
];
