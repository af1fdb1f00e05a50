import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeScore, type AnswerValue, type RecordedAnswer } from '../../../shared/interview/index';
import { bankQuestions } from '../../../shared/interview/parse-bank';
import type { Question } from '../../../shared/interview/bank-schema';
import { builtinBank } from '../../../electron/services/interview/builtin-bank';

const bank = builtinBank();
const questions = bankQuestions(bank).map((q) => q.question);

/** Any valid value for a question, including "don't know". */
const valueFor = (q: Question): fc.Arbitrary<AnswerValue> => {
  const unknown = fc.constant(null);
  switch (q.type) {
    case 'single':
      return fc.oneof(unknown, fc.constantFrom(...q.options.map((o) => o.id)));
    case 'multi':
      return fc.oneof(unknown, fc.subarray(q.options.map((o) => o.id)));
    case 'scale':
      return fc.oneof(unknown, fc.integer({ min: q.min, max: q.max }));
    case 'number':
      return fc.oneof(unknown, fc.double({ min: q.minValue ?? 0, max: Math.min(q.maxValue ?? 1e6, 1e6), noNaN: true }));
    case 'yes_no_unknown':
      return fc.constantFrom<AnswerValue>('yes', 'no', null);
    case 'text':
      return fc.oneof(unknown, fc.string({ maxLength: 40 }));
  }
};

const answersArb: fc.Arbitrary<RecordedAnswer[]> = fc
  .tuple(...questions.map((q) => fc.option(valueFor(q), { nil: undefined }).map((value) => ({ questionId: q.id, value }))))
  .map((all) => all.filter((a): a is RecordedAnswer => a.value !== undefined));

const metricsArb = fc.record(
  {
    'throughput.upload_mbps': fc.double({ min: 0, max: 2000, noNaN: true }),
    'throughput.download_mbps': fc.double({ min: 0, max: 2000, noNaN: true }),
    'latency.rtt_ms_p50': fc.double({ min: 0, max: 2000, noNaN: true }),
    'dns.lookup_ms_p50': fc.double({ min: 0, max: 2000, noNaN: true }),
    'ai.tls_intercepted': fc.constantFrom(0, 1),
  },
  { requiredKeys: [] },
);

describe('scoring properties (built-in bank)', () => {
  it('every score, the index and the confidences stay within their ranges', () => {
    fc.assert(
      fc.property(answersArb, metricsArb, (answers, metrics) => {
        const result = computeScore(bank, { answers, metrics });
        expect(result.index).toBeGreaterThanOrEqual(0);
        expect(result.index).toBeLessThanOrEqual(100);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        for (const p of result.pillars) {
          expect(p.score).toBeGreaterThanOrEqual(0);
          expect(p.score).toBeLessThanOrEqual(100);
          expect(p.confidence).toBeGreaterThanOrEqual(0);
          expect(p.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the result does not depend on the order the answers were given in', () => {
    fc.assert(
      fc.property(
        answersArb.chain((answers) => fc.tuple(fc.constant(answers), fc.shuffledSubarray(answers, { minLength: answers.length, maxLength: answers.length }))),
        metricsArb,
        ([answers, shuffled], metrics) => {
          expect(computeScore(bank, { answers: shuffled, metrics })).toEqual(computeScore(bank, { answers, metrics }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('turning a known answer into "don\'t know" never raises the confidence', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), (answers, pick) => {
        const known = answers.filter((a) => a.value !== null);
        if (known.length === 0) return;
        const target = known[pick % known.length]!;
        const before = computeScore(bank, { answers });
        const after = computeScore(bank, { answers: answers.map((a) => (a === target ? { ...a, value: null } : a)) });
        // Hiding follow-up questions can change the denominator, so compare only when visibility is unchanged.
        if (after.progress.visible !== before.progress.visible) return;
        expect(after.confidence).toBeLessThanOrEqual(before.confidence);
      }),
      { numRuns: 100 },
    );
  });

  it('an active gate always leaves the level at or below its cap', () => {
    const order = ['pacesetter', 'chaser', 'follower', 'laggard'];
    fc.assert(
      fc.property(answersArb, (answers) => {
        const result = computeScore(bank, { answers });
        for (const gate of result.gates.filter((g) => g.active)) {
          expect(order.indexOf(result.level)).toBeGreaterThanOrEqual(order.indexOf(gate.cap));
        }
      }),
      { numRuns: 100 },
    );
  });
});
