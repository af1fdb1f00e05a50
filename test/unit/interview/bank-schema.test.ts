import { describe, expect, it } from 'vitest';
import { BankError, parseBank } from '../../../shared/interview/parse-bank';
import { builtinBank } from '../../../electron/services/interview/builtin-bank';
import { bankQuestions } from '../../../shared/interview/parse-bank';
import { smallBankInput } from './small-bank';

const refusal = (mutate: (bank: ReturnType<typeof smallBankInput>) => void): BankError => {
  const input = smallBankInput();
  mutate(input);
  try {
    parseBank(input);
  } catch (error) {
    if (error instanceof BankError) return error;
    throw error;
  }
  throw new Error('the bank was accepted');
};

// Mutations reach into the literal; these helpers keep the casts in one place.
type Loose = Record<string, unknown> & { pillars: Array<{ sections: Array<{ questions: Array<Record<string, unknown>> }> }> };
const loose = (b: unknown) => b as Loose;
const q = (b: unknown, p: number, i: number) => loose(b).pillars[p]!.sections[0]!.questions[i]!;

describe('question bank schema', () => {
  it('accepts the hand-built bank and fills defaults', () => {
    const bank = parseBank(smallBankInput());
    expect(bank.levels).toEqual({ pacesetter: 80, chaser: 60, follower: 40 });
    const question = bankQuestions(bank).find((x) => x.question.id === 'org.sponsor')!.question;
    expect(question.weight).toBe(1);
    expect(question.evidenceExpected).toBe(false);
  });

  it('refuses a wrong field type with the path of the error', () => {
    const error = refusal((b) => {
      q(b, 1, 1).options = [{ id: 'none', label: 'None', maturity: 140 }, { id: 'auto', label: 'Auto', maturity: 100 }];
    });
    expect(error.issues[0]!.path).toBe('pillars[1].sections[0].questions[1].options[0].maturity');
    expect(error.message).toContain('pillars[1].sections[0].questions[1]');
  });

  it('refuses an unknown question type and an unknown stakeholder', () => {
    expect(refusal((b) => void (q(b, 0, 2).type = 'dropdown')).issues[0]!.path).toBe('pillars[0].sections[0].questions[2].type');
    expect(refusal((b) => void (q(b, 0, 3).stakeholders = ['ceo'])).issues[0]!.path).toBe('pillars[0].sections[0].questions[3].stakeholders[0]');
  });

  it('refuses duplicate question ids', () => {
    const error = refusal((b) => void (q(b, 1, 0).id = 'org.users'));
    expect(error.issues).toContainEqual({ path: 'pillars[1].sections[0].questions[0].id', message: 'duplicate question id org.users' });
  });

  it('refuses a showIf on a later question, and on an option that does not exist', () => {
    const later = refusal((b) => void (q(b, 0, 3).showIf = { question: 'net.failover', op: 'eq', value: 'auto' }));
    expect(later.issues[0]!.path).toBe('pillars[0].sections[0].questions[3].showIf.question');
    const option = refusal((b) => void (q(b, 0, 3).showIf = { question: 'org.strategy', op: 'eq', value: 'perfect' }));
    expect(option.issues[0]).toEqual({ path: 'pillars[0].sections[0].questions[3].showIf.value', message: 'org.strategy has no option perfect' });
  });

  it('refuses a rule on a missing question, a missing pillar, or a malformed condition', () => {
    const missing = refusal((b) => {
      (b.rules as Array<Record<string, unknown>>)[1]!.when = { any: [{ question: 'net.nothing', op: 'answered' }] };
    });
    expect(missing.issues[0]!.path).toBe('rules[1].when.any[0].question');
    const pillar = refusal((b) => void ((b.rules as Array<Record<string, unknown>>)[0]!.pillar = 'nowhere'));
    expect(pillar.issues[0]!.path).toBe('rules[0].pillar');
    const noValue = refusal((b) => void ((b.rules as Array<Record<string, unknown>>)[0]!.when = { question: 'net.upload', op: 'lt' }));
    expect(noValue.issues.some((i) => i.path.startsWith('rules[0].when'))).toBe(true);
  });

  it('refuses a bad metric name, a bad SKU, and a fact that is not a number question', () => {
    expect(refusal((b) => void (q(b, 1, 0).prefill = { metric: 'upload' })).issues[0]!.path).toBe('pillars[1].sections[0].questions[0].prefill.metric');
    expect(
      refusal((b) => {
        (b.rules as Array<{ priceBook: Array<Record<string, unknown>> }>)[0]!.priceBook[0]!.sku = 'lower case';
      }).issues[0]!.path,
    ).toBe('rules[0].priceBook[0].sku');
    expect(refusal((b) => void (b.facts = { users: 'org.strategy' })).issues[0]).toEqual({
      path: 'facts.users',
      message: 'org.strategy must be a number question',
    });
  });

  it('refuses a missing version and a non-object', () => {
    expect(refusal((b) => void delete (b as { version?: string }).version).issues[0]!.path).toBe('version');
    expect(() => parseBank('not a bank')).toThrow(BankError);
  });
});

describe('the built-in bank', () => {
  const bank = builtinBank();
  const questions = bankQuestions(bank);

  it('has at least 8 pillars and 80 questions, each with help text and a stakeholder', () => {
    expect(bank.pillars.length).toBeGreaterThanOrEqual(8);
    expect(questions.length).toBeGreaterThanOrEqual(80);
    for (const { question } of questions) {
      expect(question.help.length, question.id).toBeGreaterThan(60);
      expect(question.stakeholders.length).toBeGreaterThan(0);
    }
  });

  it('covers the eight required pillars and the AI-specific risks', () => {
    expect(bank.pillars.map((p) => p.id)).toEqual(['strategy', 'data', 'compute', 'network', 'security', 'governance', 'operations', 'people']);
    const text = questions.map((q) => `${q.question.text} ${q.question.help}`).join(' ').toLowerCase();
    for (const topic of ['prompt injection', 'shadow ai', 'mcp', 'through its answers', 'cost', 'graceful']) expect(text).toContain(topic);
  });

  it('asks every stakeholder something and prefills from probe metrics', () => {
    for (const s of ['it_lead', 'operations', 'finance', 'executive', 'end_user']) {
      expect(questions.some((q) => q.question.stakeholders.includes(s as never)), s).toBe(true);
    }
    const metrics = questions.flatMap((q) => (q.question.prefill ? [q.question.prefill.metric] : []));
    expect(metrics).toEqual(expect.arrayContaining(['throughput.upload_mbps', 'latency.rtt_ms_p50', 'dns.lookup_ms_p50']));
  });

  it('has critical gating rules with price-book references', () => {
    const critical = bank.rules.filter((r) => r.severity === 'critical');
    expect(critical.length).toBeGreaterThan(0);
    for (const rule of critical) expect(rule.gate).toBeDefined();
    expect(bank.rules.some((r) => r.priceBook.some((p) => p.quantity === 'per_user'))).toBe(true);
  });
});
