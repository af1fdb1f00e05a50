import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** Every argument a message uses, with its kind; a select's option keys too (the catalogue tests compare them across languages). */
export const argumentsOf = (ast: readonly MessageFormatElement[], out = new Map<string, string>()): Map<string, string> => {
  for (const el of ast) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) out.set(el.value, 'value');
    if (el.type === TYPE.select) {
      // A select must offer the same keys in every language, or one language loses a case.
      out.set(el.value, `select:${Object.keys(el.options).sort().join(',')}`);
      for (const o of Object.values(el.options)) argumentsOf(o.value, out);
    }
    if (el.type === TYPE.plural) {
      // A language may count where another just prints the number ("dont # critiques"): both are a value.
      out.set(el.value, 'value');
      for (const o of Object.values(el.options)) argumentsOf(o.value, out);
    }
  }
  return out;
};

/** Sample values for a message: "Xyz" for text, 2 for numbers, counts and dates, the first non-"other" key of a select. */
export const sampleValues = (ast: readonly MessageFormatElement[], out: Record<string, string | number> = {}): Record<string, string | number> => {
  for (const el of ast) {
    if (el.type === TYPE.argument) out[el.value] ??= 'Xyz';
    if (el.type === TYPE.number || el.type === TYPE.plural || el.type === TYPE.date || el.type === TYPE.time) out[el.value] = 2;
    if (el.type === TYPE.select) out[el.value] = Object.keys(el.options).find((k) => k !== 'other') ?? 'other';
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) sampleValues(o.value, out);
  }
  return out;
};
