import { describe, expect, it } from 'vitest';
import { builtinBank, builtinBankTranslations } from '../../../electron/services/interview/builtin-bank';
import { localiseBank, translatableTexts, translationGaps } from '../../../shared/interview/bank-translations';
import { findQuestion } from '../../../shared/interview/parse-bank';
import { describeValue } from '../../../shared/interview/answer-values';

const question = (bank: ReturnType<typeof builtinBank>, id: string) => {
  const found = findQuestion(bank, id);
  if (!found) throw new Error(`no question ${id}`);
  return found.question;
};

describe('a number question’s unit is a bank text, translated like the others', () => {
  const bank = builtinBank();

  it('every unit of the built-in bank is a translatable text, and French has each one', () => {
    const units = [...translatableTexts(bank)].filter(([key]) => key.endsWith('.unit'));
    // users, devices, sites, two GB, two Mbit/s, three ms and hours: eleven number questions carry a unit.
    expect(units).toHaveLength(11);
    expect(Object.fromEntries(units)['questions.strategy.user_count.unit']).toBe('users');
    expect(translationGaps(bank, builtinBankTranslations(bank))).toEqual([{ locale: 'fr-CA', missing: [], unknown: [] }]);
  });

  it('the French bank says « utilisateurs » and « Go » where English says users and GB, on screen and in the report’s answer', () => {
    const french = localiseBank(bank, 'fr-CA', builtinBankTranslations(bank));
    const users = question(french, 'strategy.user_count');
    expect(users.type === 'number' && users.unit).toBe('utilisateurs');
    const memory = question(french, 'compute.server_memory_gb');
    expect(memory.type === 'number' && memory.unit).toBe('Go');
    expect(describeValue(users, 240)).toBe('240 utilisateurs');
    expect(describeValue(question(bank, 'strategy.user_count'), 240)).toBe('240 users');
  });

  it('a translation without the unit falls back to the bank’s own, and the gap is listed', () => {
    const translations = builtinBankTranslations(bank);
    const french = { ...translations['fr-CA'] };
    delete french['questions.operations.rto_hours.unit'];
    const localised = localiseBank(bank, 'fr-CA', { 'fr-CA': french });
    const rto = question(localised, 'operations.rto_hours');
    expect(rto.type === 'number' && rto.unit).toBe('hours');
    expect(translationGaps(bank, { 'fr-CA': french })[0]?.missing).toEqual(['questions.operations.rto_hours.unit']);
  });
});
