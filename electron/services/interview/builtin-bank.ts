import builtinBankJson from '../../../assets/question-bank/builtin-bank.json';
import builtinBank100Json from '../../../assets/question-bank/builtin-bank-1.0.0.json';
import builtinBankFrCaJson from '../../../assets/question-bank/builtin-bank.fr-CA.json';
import { bankTranslationsSchema, type BankTranslations } from '../../../shared/interview/bank-translations';
import { parseBank } from '../../../shared/interview/parse-bank';
import type { QuestionBank } from '../../../shared/interview/bank-schema';

let cached: QuestionBank | undefined;
let cachedEarlier: readonly QuestionBank[] | undefined;

/** The bank shipped with the app (the one new cases are answered with), validated on first use like any bank from the hub. */
export const builtinBank = (): QuestionBank => {
  cached ??= parseBank(builtinBankJson);
  return cached;
};

/**
 * The shipped bank's French (Canada) texts, kept beside it rather than in it: the bank's content
 * (and so its hash, which installed copies are compared by) stays what it was.
 */
export const builtinBankTranslations = (bank: Pick<QuestionBank, 'id' | 'version'>): BankTranslations => {
  const shipped = builtinBank();
  if (bank.id !== shipped.id || bank.version !== shipped.version) return {};
  return bankTranslationsSchema.parse({ 'fr-CA': builtinBankFrCaJson });
};

/**
 * Earlier built-in versions, frozen as they shipped. They are installed (inactive) so a case answered
 * with one of them, on this device or synced from another, keeps reading the text it was answered with.
 */
export const earlierBuiltinBanks = (): readonly QuestionBank[] => {
  cachedEarlier ??= [parseBank(builtinBank100Json)];
  return cachedEarlier;
};
