import { describe, expect, it } from 'vitest';
import { checkAnswerValue, describeValue, maturityOf, parseTypedValue } from '../../../shared/interview/answer-values';
import { findQuestion } from '../../../shared/interview/parse-bank';
import { interviewSequence, pickForDigit, toggled } from '../../../renderer/features/interview/interview-model';
import { smallBank } from './small-bank';

const bank = smallBank();
const q = (id: string) => findQuestion(bank, id)!.question;

describe('answer values', () => {
  it('checks each type and normalises multi selections to bank order', () => {
    expect(checkAnswerValue(q('org.strategy'), 'some')).toEqual({ ok: true, value: 'some' });
    expect(checkAnswerValue(q('org.strategy'), 'most')).toMatchObject({ ok: false });
    expect(checkAnswerValue(q('net.controls'), ['monitor', 'qos', 'qos'])).toEqual({ ok: true, value: ['qos', 'monitor'] });
    expect(checkAnswerValue(q('net.quality'), 6)).toMatchObject({ ok: false, message: 'give a whole number from 1 to 5' });
    expect(checkAnswerValue(q('net.quality'), 2.5)).toMatchObject({ ok: false });
    expect(checkAnswerValue(q('org.sponsor'), 'unknown')).toEqual({ ok: true, value: null });
    expect(checkAnswerValue(q('org.sponsor'), 'maybe')).toMatchObject({ ok: false });
    expect(checkAnswerValue(q('org.users'), Number.NaN)).toMatchObject({ ok: false });
    expect(checkAnswerValue(q('org.sponsor_name'), 42)).toMatchObject({ ok: false });
    for (const id of ['org.strategy', 'net.controls', 'net.quality', 'org.users', 'org.sponsor_name']) expect(checkAnswerValue(q(id), null)).toEqual({ ok: true, value: null });
  });

  it('reads typed values: option numbers, comma lists, unknown', () => {
    expect(parseTypedValue(q('org.strategy'), '3')).toBe('full');
    expect(parseTypedValue(q('org.strategy'), 'some')).toBe('some');
    expect(parseTypedValue(q('net.controls'), '1, sdwan')).toEqual(['qos', 'sdwan']);
    expect(parseTypedValue(q('org.sponsor'), 'Y')).toBe('yes');
    expect(parseTypedValue(q('net.upload'), '?')).toBeNull();
    expect(parseTypedValue(q('net.upload'), '87.5')).toBe(87.5);
    expect(parseTypedValue(q('org.sponsor_name'), 'unknown')).toBe('unknown');
  });

  it('scores number bands (min inclusive, max exclusive) and describes values', () => {
    expect(maturityOf(q('net.upload'), 9.99)).toBe(0);
    expect(maturityOf(q('net.upload'), 10)).toBe(50);
    expect(maturityOf(q('net.upload'), 100)).toBe(100);
    expect(maturityOf(q('org.users'), 40)).toBeNull();
    expect(describeValue(q('net.upload'), 12)).toBe('12 Mbit/s');
    expect(describeValue(q('net.controls'), [])).toBe('None');
  });
});

describe('interview keyboard model', () => {
  it('maps number keys to answers per question type', () => {
    expect(pickForDigit(q('org.strategy'), 2, undefined)).toEqual({ kind: 'set', value: 'some' });
    expect(pickForDigit(q('org.strategy'), 7, undefined)).toEqual({ kind: 'none' });
    expect(pickForDigit(q('org.strategy'), 0, undefined)).toEqual({ kind: 'set', value: null });
    expect(pickForDigit(q('org.sponsor'), 2, undefined)).toEqual({ kind: 'set', value: 'no' });
    expect(pickForDigit(q('org.sponsor'), 3, undefined)).toEqual({ kind: 'set', value: null });
    expect(pickForDigit(q('net.quality'), 5, undefined)).toEqual({ kind: 'set', value: 5 });
    expect(pickForDigit(q('net.controls'), 3, undefined)).toEqual({ kind: 'toggle', option: 'monitor' });
    expect(pickForDigit(q('org.users'), 3, undefined)).toEqual({ kind: 'none' });
    expect(toggled(q('net.controls'), ['monitor'], 'qos')).toEqual(['qos', 'monitor']);
    expect(toggled(q('net.controls'), ['qos', 'monitor'], 'qos')).toEqual(['monitor']);
  });

  it('walks visible questions for the chosen stakeholder; measured values count for showIf', () => {
    const ids = (answers: Map<string, { value: string | null; measured: boolean }>, who: 'executive' | null) =>
      interviewSequence(bank, answers, new Map(), who).map((x) => x.question.id);
    expect(ids(new Map(), 'executive')).toEqual(['org.strategy', 'org.sponsor']);
    expect(ids(new Map([['org.sponsor', { value: 'yes', measured: false }]]), 'executive')).toEqual(['org.strategy', 'org.sponsor', 'org.sponsor_name']);
    expect(ids(new Map(), null)).toHaveLength(8);
  });
});
