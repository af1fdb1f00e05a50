import builtinBankJson from '../../../assets/question-bank/builtin-bank.json';
import { parseBank } from '../../../shared/interview/parse-bank';
import type { QuestionBank } from '../../../shared/interview/bank-schema';

let cached: QuestionBank | undefined;

/** The bank shipped with the app, validated on first use like any bank from the hub. */
export const builtinBank = (): QuestionBank => {
  cached ??= parseBank(builtinBankJson);
  return cached;
};
