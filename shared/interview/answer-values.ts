import { z } from 'zod';
import type { Question } from './bank-schema';

/**
 * An answer's value, stored as JSON: an option id (single, yes/no/unknown), option ids (multi),
 * a number (scale, number) or text. `null` means "don't know" for any type: it lowers the
 * confidence, never the score.
 */
export const answerValueSchema = z.union([z.string().max(20_000), z.number().finite(), z.array(z.string().max(60)).max(20), z.null()]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export type ValueCheck = { ok: true; value: AnswerValue } | { ok: false; message: string };

const fail = (message: string): ValueCheck => ({ ok: false, message });

/** The one validation of an answer against its question, shared by the app, the CLI and the engine. */
export const checkAnswerValue = (question: Question, value: AnswerValue): ValueCheck => {
  if (value === null) return { ok: true, value: null };
  switch (question.type) {
    case 'single': {
      if (typeof value !== 'string') return fail('pick one option');
      if (!question.options.some((o) => o.id === value)) return fail(`${value} is not an option (${question.options.map((o) => o.id).join(', ')})`);
      return { ok: true, value };
    }
    case 'multi': {
      if (!Array.isArray(value)) return fail('pick a list of options');
      const unknown = value.find((v) => !question.options.some((o) => o.id === v));
      if (unknown !== undefined) return fail(`${unknown} is not an option (${question.options.map((o) => o.id).join(', ')})`);
      // Order and repeats carry no meaning: keep the bank's order, once each.
      return { ok: true, value: question.options.filter((o) => value.includes(o.id)).map((o) => o.id) };
    }
    case 'scale': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail(`give a whole number from ${question.min} to ${question.max}`);
      if (value < question.min || value > question.max) return fail(`give a whole number from ${question.min} to ${question.max}`);
      return { ok: true, value };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('give a number');
      if (question.minValue !== undefined && value < question.minValue) return fail(`must be at least ${question.minValue}`);
      if (question.maxValue !== undefined && value > question.maxValue) return fail(`must be at most ${question.maxValue}`);
      return { ok: true, value };
    }
    case 'yes_no_unknown': {
      if (value === 'unknown') return { ok: true, value: null };
      if (value !== 'yes' && value !== 'no') return fail('answer yes, no or unknown');
      return { ok: true, value };
    }
    case 'text': {
      if (typeof value !== 'string') return fail('give text');
      if (value.length > question.maxLength) return fail(`at most ${question.maxLength} characters`);
      return { ok: true, value };
    }
  }
};

/** Reads a value typed on the command line: option ids or their 1-based numbers, "unknown" or "?". */
export const parseTypedValue = (question: Question, typed: string): AnswerValue => {
  const t = typed.trim();
  if (question.type !== 'text' && (t.toLowerCase() === 'unknown' || t === '?')) return null;
  const option = (token: string): string => {
    if (!('options' in question)) return token;
    const n = Number(token);
    if (Number.isInteger(n) && n >= 1 && n <= question.options.length && !question.options.some((o) => o.id === token)) {
      return question.options[n - 1]?.id ?? token;
    }
    return token;
  };
  switch (question.type) {
    case 'single':
      return option(t);
    case 'multi':
      return t === '' ? [] : t.split(',').map((s) => option(s.trim()));
    case 'scale':
    case 'number':
      return t === '' ? Number.NaN : Number(t);
    case 'yes_no_unknown': {
      const lower = t.toLowerCase();
      if (lower === 'y' || lower === 'yes') return 'yes';
      if (lower === 'n' || lower === 'no') return 'no';
      return lower;
    }
    case 'text':
      return typed;
  }
};

const bandMaturity = (bands: readonly { min?: number; max?: number; maturity: number }[], n: number): number | null => {
  const band = bands.find((b) => (b.min === undefined || n >= b.min) && (b.max === undefined || n < b.max));
  return band ? band.maturity : null;
};

/** Maturity 0–100 of a value, or null when it is not scored (unknown, text, unbanded numbers). */
export const maturityOf = (question: Question, value: AnswerValue): number | null => {
  if (value === null) return null;
  switch (question.type) {
    case 'single':
      return question.options.find((o) => o.id === value)?.maturity ?? null;
    case 'multi': {
      if (!Array.isArray(value)) return null;
      const picked = question.options.filter((o) => value.includes(o.id)).map((o) => o.maturity);
      if (picked.length === 0) return 0;
      return question.scoring === 'max' ? Math.max(...picked) : Math.min(100, picked.reduce((a, b) => a + b, 0));
    }
    case 'scale':
      return typeof value === 'number' ? (100 * (Math.min(Math.max(value, question.min), question.max) - question.min)) / (question.max - question.min) : null;
    case 'number':
      return typeof value === 'number' && question.bands ? bandMaturity(question.bands, value) : null;
    case 'yes_no_unknown':
      return value === 'yes' ? question.yesMaturity : value === 'no' ? question.noMaturity : null;
    case 'text':
      return null;
  }
};

/** Whether a question contributes to a pillar score at all. */
export const isScored = (question: Question): boolean =>
  question.weight > 0 && question.type !== 'text' && !(question.type === 'number' && !question.bands);

/** The value as a person reads it: option labels, numbers with units. */
export const describeValue = (question: Question, value: AnswerValue): string => {
  if (value === null) return 'Unknown';
  switch (question.type) {
    case 'single':
      return question.options.find((o) => o.id === value)?.label ?? String(value);
    case 'multi':
      return Array.isArray(value) ? (value.length === 0 ? 'None' : value.map((v) => question.options.find((o) => o.id === v)?.label ?? v).join('; ')) : '';
    case 'scale':
      return `${String(value)} of ${question.max}`;
    case 'number':
      return `${String(value)}${question.unit ? ` ${question.unit}` : ''}`;
    case 'yes_no_unknown':
      return value === 'yes' ? 'Yes' : value === 'no' ? 'No' : 'Unknown';
    case 'text':
      return String(value);
  }
};
