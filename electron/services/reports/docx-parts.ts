import { AlignmentType, BorderStyle, HeadingLevel, ImageRun, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { imageSize } from './image-size';

/** Small builders for the Word version of a report, so each report kind reads as a list of blocks. */

export type Block = Paragraph | Table;

export const hex = (color: string): string => color.replace('#', '').toUpperCase();

export interface TextOptions {
  readonly bold?: boolean;
  readonly color?: string;
  readonly size?: number;
  readonly italics?: boolean;
  readonly style?: string;
  readonly keepNext?: boolean;
}

export const p = (text: string, options: TextOptions = {}): Paragraph =>
  new Paragraph({
    style: options.style,
    keepNext: options.keepNext,
    children: [new TextRun({ text, bold: options.bold, color: options.color, size: options.size, italics: options.italics })],
  });

/** Real Word headings (Heading1–3 styles), so the navigation pane and a table of contents work. */
export const h = (text: string, level: 1 | 2 | 3, pageBreakBefore = false): Paragraph =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    pageBreakBefore,
    keepNext: true,
    children: [new TextRun(text)],
  });

export const bullet = (text: string, lead?: string): Paragraph =>
  new Paragraph({ bullet: { level: 0 }, children: [...(lead ? [new TextRun({ text: lead, bold: true })] : []), new TextRun(text)] });

export const italicNote = (text: string): Paragraph => p(text, { italics: true });

export const cell = (text: string, options: { header?: boolean; primary?: string; right?: boolean; bold?: boolean; shade?: string; span?: number; lines?: string[] } = {}): TableCell =>
  new TableCell({
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    columnSpan: options.span,
    shading: options.header && options.primary ? { type: ShadingType.CLEAR, color: 'auto', fill: hex(options.primary) } : options.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: options.shade } : undefined,
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.header || options.bold, color: options.header ? 'FFFFFF' : undefined, size: 19 })],
      }),
      ...(options.lines ?? []).map((line) => new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: line, size: 15, color: '5A606B' })] })),
    ],
  });

export const table = (header: readonly string[], rows: readonly (readonly string[])[], primary: string, rightColumns: readonly number[] = []): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((t, i) => cell(t, { header: true, primary, right: rightColumns.includes(i) })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, { right: rightColumns.includes(i) })) })),
    ],
  });

/** A PNG or JPEG data: URI as an inline picture at most maxWidth × maxHeight pixels, or null. */
export const imageRun = (dataUri: string, name: string, maxWidth = 200, maxHeight = 80): ImageRun | null => {
  const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUri);
  if (!m?.[1] || !m[2]) return null;
  const bytes = Buffer.from(m[2], 'base64');
  const size = imageSize(bytes);
  if (!size) return null;
  const scale = Math.min(1, maxWidth / size.width, maxHeight / size.height);
  return new ImageRun({
    type: m[1] === 'png' ? 'png' : 'jpg',
    data: bytes,
    transformation: { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) },
    altText: { name, description: name, title: name },
  });
};

/** A writing line: a table cell with only its bottom border, which Word never merges with the next one (bordered paragraphs it does). */
export const signatureLines = (labels: readonly string[]): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
    },
    rows: labels.map(
      (label) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              borders: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '333333' }, top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } },
              margins: { top: 360, bottom: 20, left: 0, right: 0 },
              children: [new Paragraph({ keepNext: true, keepLines: true, children: [new TextRun({ text: `${label}:`, size: 16, color: '555555' })] })],
            }),
          ],
        }),
    ),
  });
