import { decimalAmount } from './format';
import type { Proposal } from './proposal';

/**
 * A cell a spreadsheet will not run: text starting with = + - @ (or a tab/CR that some programs
 * strip first) gets a leading apostrophe, the OWASP advice for CSV injection.
 */
export const neutralizeFormula = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** RFC 4180: quote when needed, double the quotes inside. */
export const csvCell = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export const csvRow = (cells: readonly string[]): string => cells.map((c) => csvCell(neutralizeFormula(c))).join(',');

export const proposalCsvHeader = ['SKU', 'Description', 'Quantity', 'Unit', 'Unit price', 'Line total', 'Currency', 'Billing', 'Valid until'];

/** Proposal lines for a PSA import: one row per line, CRLF line ends, numbers as plain decimals. */
export const proposalToCsv = (proposal: Proposal): string => {
  const rows = [...proposal.oneTime, ...proposal.monthly].map((l) =>
    csvRow([
      l.sku,
      l.description,
      String(l.quantity),
      l.unit,
      decimalAmount(l.unitPriceMinor, proposal.currency),
      decimalAmount(l.totalMinor, proposal.currency),
      proposal.currency,
      l.recurring ? 'monthly' : 'one-time',
      proposal.validUntil,
    ]),
  );
  return `${[csvRow(proposalCsvHeader), ...rows].join('\r\n')}\r\n`;
};
