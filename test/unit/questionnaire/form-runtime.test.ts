import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../shared/interview/answer-values';
import type { Condition } from '../../../shared/interview/bank-schema';
import { evaluateCondition } from '../../../shared/interview/effective-answers';
import { conditionEvaluatorSource } from '../../../shared/questionnaire/form-runtime';

// The form's evaluator, loaded exactly as the customer's browser runs it.
const formEvaluate = new Function(`${conditionEvaluatorSource}; return gwEvaluate;`)() as (c: Condition, answerOf: (id: string) => AnswerValue | undefined) => boolean;

const questionIds = ['q.a', 'q.b', 'q.c'];
const scalar = fc.oneof(fc.constantFrom('yes', 'no', 'cloud', 'local'), fc.integer({ min: -5, max: 50 }));
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ question: fc.constantFrom(...questionIds), op: fc.constantFrom('answered', 'unknown', 'unanswered') as fc.Arbitrary<'answered'> }),
  fc.record({ question: fc.constantFrom(...questionIds), op: fc.constantFrom('eq', 'neq') as fc.Arbitrary<'eq'>, value: scalar }),
  fc.record({ question: fc.constantFrom(...questionIds), op: fc.constant('in' as const), value: fc.array(scalar, { minLength: 1, maxLength: 3 }) }),
  fc.record({ question: fc.constantFrom(...questionIds), op: fc.constant('includes' as const), value: fc.oneof(scalar, fc.array(scalar, { minLength: 1, maxLength: 3 })) }),
  fc.record({ question: fc.constantFrom(...questionIds), op: fc.constantFrom('gt', 'gte', 'lt', 'lte') as fc.Arbitrary<'gt'>, value: fc.integer({ min: -5, max: 50 }) }),
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('c') }),
  ),
})).c;
const answer: fc.Arbitrary<AnswerValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  scalar,
  fc.array(fc.constantFrom('yes', 'no', 'cloud', 'local', '3'), { maxLength: 3 }),
);

describe('the questionnaire form decides visibility exactly as the app does', () => {
  it('agrees with evaluateCondition on random conditions and answers', () => {
    fc.assert(
      fc.property(condition, fc.tuple(answer, answer, answer), (c, values) => {
        const answerOf = (id: string) => values[questionIds.indexOf(id)];
        expect(formEvaluate(c, answerOf)).toBe(evaluateCondition(c, answerOf, {}));
      }),
      { numRuns: 2000 },
    );
  });

  it('shows a question whose condition needs a probe metric the customer cannot know', () => {
    expect(formEvaluate({ metric: 'dns.lookup_ms', op: 'gt', value: 100 }, () => undefined)).toBe(true);
  });
});
