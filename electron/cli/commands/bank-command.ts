import fs from 'node:fs';
import { Command } from 'commander';
import { BankError, bankQuestions, parseBank } from '../../../shared/interview/parse-bank';
import { bankCoverage } from '../../../shared/interview/bank-coverage';
import type { QuestionBank } from '../../../shared/interview/bank-schema';
import { bankTranslationsSchema, translationGaps, type BankTranslations } from '../../../shared/interview/bank-translations';
import { reportLocales } from '../../../shared/i18n/locales';
import { printJson, withDataDir, withSession } from '../cli-context';

/**
 * The bank's translations (its own, and a "<bank>.<locale>.json" file beside it, as the built-in
 * bank keeps its French): each text left in the default language is listed, since it prints so.
 */
const reportTranslations = (file: string, bank: QuestionBank): void => {
  const translations: BankTranslations = { ...(bank.translations ?? {}) };
  for (const locale of reportLocales) {
    const beside = file.replace(/\.json$/, `.${locale}.json`);
    if (beside !== file && fs.existsSync(beside)) translations[locale] = { ...bankTranslationsSchema.parse({ [locale]: JSON.parse(fs.readFileSync(beside, 'utf8')) })[locale], ...(translations[locale] ?? {}) };
  }
  const defaultLanguage = bank.defaultLanguage ?? 'en';
  for (const gap of translationGaps(bank, translations)) {
    if (gap.locale === defaultLanguage) continue;
    // On stdout: a text in the default language still prints, so the bank is usable (coverage gaps are the warnings).
    for (const key of gap.missing) process.stdout.write(`${file}: translation ${gap.locale}: missing ${key} (falls back to ${defaultLanguage})\n`);
    for (const key of gap.unknown) process.stderr.write(`${file}: translation ${gap.locale}: ${key} names no text of the bank\n`);
    process.stdout.write(`translation ${gap.locale}: ${gap.missing.length} text(s) fall back to ${defaultLanguage}, ${gap.unknown.length} unknown key(s)\n`);
  }
};

/** Validates a bank file without installing it; prints each problem with its path. */
const checkFile = (file: string): void => {
  let input: unknown;
  try {
    input = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const bank = parseBank(input);
    process.stdout.write(`${file}: valid question bank ${bank.id} ${bank.version} (${bankQuestions(bank).length} questions, ${bank.rules.length} rules)\n`);
    // Coverage gaps do not make a bank unusable (a partner's bank may be lighter), so they warn.
    const gaps = bankCoverage(bank);
    for (const gap of gaps) process.stderr.write(`${file}: coverage: ${gap.id} ${gap.message}\n`);
    process.stdout.write(gaps.length === 0 ? 'coverage: every scored question feeds a rule or is context only; every rule names evidence, and a price-book line beyond small fixes\n' : `coverage: ${gaps.length} gap(s), listed above\n`);
    reportTranslations(file, bank);
  } catch (error) {
    if (!(error instanceof BankError)) throw error;
    for (const issue of error.issues) process.stderr.write(`${file}: ${issue.path || '(bank)'}: ${issue.message}\n`);
    process.exitCode = 2;
  }
};

export const bankCommand = (): Command =>
  withDataDir(new Command('bank'))
    .description('print the active question bank, or the version a case is answered with')
    .option('--case <id>', 'the bank version this case is answered with')
    .option('--check <file>', 'validate a question bank JSON file and print any errors with their paths')
    .option('--json', 'print the whole bank as JSON')
    .action(async (opts: { dataDir?: string; case?: string; check?: string; json?: boolean }) => {
      if (opts.check) return checkFile(opts.check);
      await withSession(opts, async ({ api }) => {
        const bank = opts.case ? (await api.getInterviewBank({ caseId: opts.case })).bank : await api.getActiveQuestionBank({});
        if (opts.json) return printJson(bank);
        const questions = bankQuestions(bank);
        process.stdout.write(`${bank.title} (${bank.id} ${bank.version}): ${questions.length} questions, ${bank.rules.length} finding rules\n`);
        for (const pillar of bank.pillars) {
          const count = pillar.sections.reduce((n, s) => n + s.questions.length, 0);
          process.stdout.write(`  ${pillar.title.padEnd(32)} ${String(count).padStart(3)} questions  weight ${pillar.weight}\n`);
        }
      });
    });
