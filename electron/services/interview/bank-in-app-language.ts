import type { Database } from 'better-sqlite3';
import type { QuestionBank } from '../../../shared/interview/bank-schema';
import { localiseBank } from '../../../shared/interview/bank-translations';
import { appLanguageOf } from '../db/app-language';
import { bankForCase } from './bank-store';
import { builtinBankTranslations } from './builtin-bank';

/**
 * The case's bank with its texts in the app's language (the engineer reads the Results screen in
 * it), as the reports do with the report language: the bank's own translations, else the shipped
 * ones, else its default language. Only texts change; ids, weights and rules are the bank's.
 */
export const caseBankInAppLanguage = (db: Database, caseId: string): QuestionBank => bankInAppLanguage(db, bankForCase(db, caseId, { pin: false }).bank);

/** One bank's texts in the app's language (the interview screen's, the Results screen's). */
export const bankInAppLanguage = (db: Database, bank: QuestionBank): QuestionBank => {
  const language = appLanguageOf(db);
  if (language !== 'fr-CA') return bank;
  return localiseBank(bank, language, { ...builtinBankTranslations(bank), ...(bank.translations ?? {}) });
};
