import { z } from 'zod';
import { reportLocaleSchema, type ReportLocale } from '../i18n/locales';
import type { QuestionBank } from './bank-schema';

/**
 * A bank's texts in other languages, by key ("rules.security.no_mfa.title",
 * "questions.strategy.user_count.options.none.label"): the bank's own text is in its default
 * language; each translation may cover part of it, and what it leaves out falls back to the default.
 */
export const bankTranslationsSchema = z.partialRecord(reportLocaleSchema, z.record(z.string().max(300), z.string().trim().min(1).max(2000)));
export type BankTranslations = z.infer<typeof bankTranslationsSchema>;

/** Every translatable text of a bank, by key, in its default language. */
export const translatableTexts = (bank: QuestionBank): Map<string, string> => {
  const texts = new Map<string, string>();
  const put = (key: string, value: string | undefined) => {
    if (value) texts.set(key, value);
  };
  put('title', bank.title);
  put('description', bank.description);
  for (const p of bank.pillars) {
    put(`pillars.${p.id}.title`, p.title);
    put(`pillars.${p.id}.description`, p.description);
    for (const s of p.sections) {
      put(`sections.${s.id}.title`, s.title);
      for (const q of s.questions) {
        put(`questions.${q.id}.text`, q.text);
        put(`questions.${q.id}.help`, q.help);
        put(`questions.${q.id}.selfService.text`, q.selfService?.text);
        put(`questions.${q.id}.selfService.help`, q.selfService?.help);
        if ('options' in q) for (const o of q.options) put(`questions.${q.id}.options.${o.id}.label`, o.label);
        if (q.type === 'scale') {
          put(`questions.${q.id}.minLabel`, q.minLabel);
          put(`questions.${q.id}.maxLabel`, q.maxLabel);
        }
        // A unit is a word too ("users" is « utilisateurs »); symbols such as "ms" are listed all the same, so a gap is never silent.
        if (q.type === 'number') put(`questions.${q.id}.unit`, q.unit);
      }
    }
  }
  for (const r of bank.rules) {
    put(`rules.${r.id}.title`, r.title);
    put(`rules.${r.id}.description`, r.description);
    put(`rules.${r.id}.recommendation`, r.recommendation);
    put(`rules.${r.id}.evidence`, r.evidence);
  }
  // A level's entry requirements print as what caps the level, so they read in the report's language too.
  for (const r of bank.requirements ?? []) {
    put(`requirements.${r.id}.title`, r.title);
    put(`requirements.${r.id}.reason`, r.reason);
  }
  return texts;
};

/** The bank's texts in a language: each translated text where there is one, the default language's elsewhere. */
export const localiseBank = (bank: QuestionBank, locale: ReportLocale, translations: BankTranslations = {}): QuestionBank => {
  const own = translations[locale] ?? {};
  if (Object.keys(own).length === 0) return bank;
  const tr = (key: string, fallback: string): string => own[key] ?? fallback;
  return {
    ...bank,
    title: tr('title', bank.title),
    description: tr('description', bank.description),
    pillars: bank.pillars.map((p) => ({
      ...p,
      title: tr(`pillars.${p.id}.title`, p.title),
      description: tr(`pillars.${p.id}.description`, p.description),
      sections: p.sections.map((s) => ({
        ...s,
        title: tr(`sections.${s.id}.title`, s.title),
        questions: s.questions.map((q) => {
          const base = {
            ...q,
            text: tr(`questions.${q.id}.text`, q.text),
            help: tr(`questions.${q.id}.help`, q.help),
            ...(q.selfService
              ? { selfService: { text: tr(`questions.${q.id}.selfService.text`, q.selfService.text), help: tr(`questions.${q.id}.selfService.help`, q.selfService.help) } }
              : {}),
          };
          if (q.type === 'scale') return { ...base, minLabel: tr(`questions.${q.id}.minLabel`, q.minLabel), maxLabel: tr(`questions.${q.id}.maxLabel`, q.maxLabel) };
          if (q.type === 'number') return { ...base, unit: tr(`questions.${q.id}.unit`, q.unit) };
          return 'options' in q ? { ...base, options: q.options.map((o) => ({ ...o, label: tr(`questions.${q.id}.options.${o.id}.label`, o.label) })) } : base;
        }),
      })),
    })) as QuestionBank['pillars'],
    rules: bank.rules.map((r) => ({
      ...r,
      title: tr(`rules.${r.id}.title`, r.title),
      description: tr(`rules.${r.id}.description`, r.description),
      recommendation: tr(`rules.${r.id}.recommendation`, r.recommendation),
      evidence: r.evidence ? tr(`rules.${r.id}.evidence`, r.evidence) : r.evidence,
    })),
    ...(bank.requirements
      ? { requirements: bank.requirements.map((r) => ({ ...r, title: tr(`requirements.${r.id}.title`, r.title), reason: tr(`requirements.${r.id}.reason`, r.reason) })) }
      : {}),
  };
};

export interface TranslationGaps {
  readonly locale: ReportLocale;
  /** Texts with no translation: they print in the bank's default language. */
  readonly missing: string[];
  /** Keys that name no text of the bank (a renamed question, a typo). */
  readonly unknown: string[];
}

/** What each translation leaves in the default language, and keys it has that the bank does not. */
export const translationGaps = (bank: QuestionBank, translations: BankTranslations): TranslationGaps[] => {
  const texts = translatableTexts(bank);
  return (Object.keys(translations) as ReportLocale[]).map((locale) => {
    const own = translations[locale] ?? {};
    return { locale, missing: [...texts.keys()].filter((k) => !(k in own)), unknown: Object.keys(own).filter((k) => !texts.has(k)) };
  });
};
