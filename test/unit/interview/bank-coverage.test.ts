import { describe, expect, it } from 'vitest';
import { builtinBank, earlierBuiltinBanks } from '../../../electron/services/interview/builtin-bank';
import { bankCoverage } from '../../../shared/interview/bank-coverage';
import { bankQuestions, BankError, parseBank } from '../../../shared/interview/parse-bank';
import { isScored } from '../../../shared/interview/answer-values';
import type { QuestionBank } from '../../../shared/interview/bank-schema';

const bank = builtinBank();
const clone = (): QuestionBank => structuredClone(bank);
const questionOf = (b: QuestionBank, id: string) => b.pillars.flatMap((p) => p.sections.flatMap((s) => s.questions)).find((q) => q.id === id)!;

describe('every answer that matters leads somewhere (built-in bank 2.0.0)', () => {
  it('has no coverage gap: each scored question feeds a rule or says why it is context only, help texts promise only real findings', () => {
    expect(bankCoverage(bank)).toEqual([]);
    // And it is not empty by construction: most scored questions feed a rule, a few are context only.
    const scored = bankQuestions(bank).filter((q) => isScored(q.question));
    const contextOnly = scored.filter((q) => q.question.contextOnly !== undefined);
    expect(scored.length).toBeGreaterThan(100);
    expect(contextOnly.length).toBeGreaterThan(0);
    expect(contextOnly.length).toBeLessThan(scored.length / 10);
  });

  it('fails when a scored question feeds no rule and is not marked context-only', () => {
    const b = clone();
    // Drop the only rule that reads network.traffic_priority.
    b.rules = b.rules.filter((r) => r.id !== 'network.no_traffic_priority');
    expect(bankCoverage(b)).toEqual([{ id: 'network.traffic_priority', message: expect.stringMatching(/feeds no finding rule/) }]);
    // Saying why it is context only settles it.
    questionOf(b, 'network.traffic_priority').contextOnly = 'Priority matters only with real-time traffic, discussed in the narrative.';
    expect(bankCoverage(b)).toEqual([]);
  });

  it('fails when a help text promises a finding no rule produces', () => {
    const b = clone();
    const q = questionOf(b, 'data.catalogue');
    q.help = `${q.help} A missing catalogue is raised as a finding.`;
    expect(bankCoverage(b).map((i) => [i.id, i.message])).toContainEqual(['data.catalogue', 'help text promises a finding, but no rule reads this question']);
    // "each blocker … a finding" on a multi question: every option must be read by some rule.
    const c = clone();
    c.rules = c.rules.filter((r) => r.id !== 'people.pilot_adoption_blocker');
    expect(bankCoverage(c)).toContainEqual({ id: 'strategy.pilot_blockers', message: expect.stringMatching(/no rule reads adoption/) });
  });

  it('fails when a rule names no evidence to collect, or no price-book line for more than a small fix', () => {
    const b = clone();
    const rule = b.rules.find((r) => r.id === 'network.high_latency')!; // effort: medium, 3 days
    rule.evidence = '';
    rule.priceBook = [];
    expect(bankCoverage(b).filter((i) => i.id === 'network.high_latency').map((i) => i.message)).toEqual([
      'rule names no evidence to collect',
      'rule proposes no price-book line for work beyond a small fix',
    ]);
    // A small fix (a DNS setting, half a day) needs no price-book line.
    b.rules.find((r) => r.id === 'network.slow_dns')!.priceBook = [];
    expect(bankCoverage(b).filter((i) => i.id === 'network.slow_dns')).toEqual([]);
  });

  it('the check finds what the 1.0.0 review found in 1.0.0', () => {
    const old = earlierBuiltinBanks()[0]!;
    // The review counted 73 of 112 questions read by no rule; 7 of those are unscored facts
    // (head counts, context, use-case types, regulations …), which need no rule: 66 scored gaps.
    const gaps = bankCoverage(old).filter((i) => /feeds no finding rule/.test(i.message));
    expect(gaps.length).toBe(66);
    expect(bankCoverage(old).map((i) => i.id)).toEqual(expect.arrayContaining(['strategy.pilot_blockers', 'operations.rto_hours']));
  });
});

describe('framework mapping', () => {
  it('tags every question and every rule with a Cisco pillar, NIST AI RMF function, ISO/IEC 42001 area and CAF phase', () => {
    for (const { question } of bankQuestions(bank)) {
      expect(question.frameworks, question.id).toBeDefined();
      expect(question.frameworks!.cisco.length, question.id).toBeGreaterThan(0);
    }
    for (const rule of bank.rules) expect(rule.frameworks, rule.id).toBeDefined();
    // The AI-specific risks carry their OWASP Top 10 for LLM applications item.
    expect(questionOf(bank, 'security.prompt_injection').frameworks!.owasp).toContain('llm01_prompt_injection');
    expect(bank.rules.find((r) => r.id === 'operations.no_ai_spend_caps')!.frameworks!.owasp).toContain('llm10_unbounded_consumption');
  });

  it('the bank schema refuses an unknown tag and a half-mapped bank, with the path', () => {
    const unknownTag = clone() as unknown as { pillars: Array<{ sections: Array<{ questions: Array<{ frameworks: { nist: string[] } }> }> }> };
    unknownTag.pillars[0]!.sections[0]!.questions[0]!.frameworks.nist = ['govern', 'comply'];
    expect(() => parseBank(unknownTag)).toThrow(/pillars\[0\]\.sections\[0\]\.questions\[0\]\.frameworks\.nist\[1\]/);
    const half = clone();
    delete (half.rules[3] as { frameworks?: unknown }).frameworks;
    try {
      parseBank(half);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(BankError);
      expect((error as BankError).issues).toEqual([{ path: 'rules[3].frameworks', message: expect.stringMatching(/no framework mapping while others in the bank do/) }]);
    }
  });
});
