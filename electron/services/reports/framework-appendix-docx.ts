import type { Paragraph, Table } from 'docx';
import type { FrameworkAppendixSource } from '../../../shared/reports/framework-appendix';
import type { Translator } from '../../../shared/i18n/translator';

/** The document's own paragraph, heading and table builders, so the appendix looks like the rest. */
export interface DocxParts {
  readonly h: (text: string, level: 1 | 2 | 3, pageBreakBefore?: boolean) => Paragraph;
  readonly p: (text: string, options?: { italics?: boolean }) => Paragraph;
  readonly table: (header: readonly string[], rows: readonly (readonly string[])[], primary: string) => Table;
  readonly primary: string;
  readonly t: Translator['t'];
}

/** Appendix "Coverage by framework" of the technical report, as Word blocks. */
export const frameworkAppendixBlocks = (coverage: FrameworkAppendixSource, { h, p, table, primary, t }: DocxParts): Array<Paragraph | Table> => [
  h(t('tech.appendixFrameworks'), 1, true),
  p(t('frameworks.intro')),
  ...(coverage.length === 0 ? [p(t('frameworks.noAnswers'), { italics: true })] : []),
  ...coverage.flatMap((fw) => [
    h(fw.name, 2),
    fw.items.length === 0
      ? p(t('frameworks.noItems'), { italics: true })
      : table(
          [t('frameworks.item'), t('frameworks.questions'), t('frameworks.findings')],
          fw.items.map((item) => [
            item.label,
            item.questionsAsked === 0 ? t('frameworks.none') : item.questionLines.join('; '),
            item.findings.length === 0 ? t('frameworks.none') : item.findings.join('; '),
          ]),
          primary,
        ),
  ]),
];
