/**
 * Turns what a person types into an FTS5 MATCH expression: every word must appear, each as a
 * prefix, quoted so FTS5 operators and punctuation in the input are just text.
 * Returns null when there is nothing to search for.
 */
export const ftsMatchExpression = (text: string): string | null => {
  const words = text
    .normalize('NFKC')
    .split(/[\s\p{P}\p{S}]+/u)
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
};
