import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRemoteHlc, compareHlc, formatHlc, hlcPattern, maxCounter, maxWallMs, parseHlc, receiveHlc, tickHlc, type Hlc } from '../../../shared/sync/hlc';

describe('hybrid logical clock', () => {
  it('round-trips through its text form', () => {
    const hlc: Hlc = { wallMs: 1_763_000_000_123, counter: 42, node: 'device-a' };
    expect(parseHlc(formatHlc(hlc))).toEqual(hlc);
    expect(() => parseHlc('yesterday')).toThrow(/Not an HLC/);
  });

  it('never goes backwards, whatever the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000_000_000 }), { minLength: 1, maxLength: 200 }), (clock) => {
        let previous: Hlc | null = null;
        for (const now of clock) {
          const next = tickHlc(previous, now, 'n');
          if (previous) expect(compareHlc(formatHlc(previous), formatHlc(next))).toBe(-1);
          previous = next;
        }
      }),
    );
  });

  it('after receiving a remote timestamp, the next local one sorts after it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        (localWall, remoteWall, remoteCounter, now) => {
          const local = tickHlc(null, localWall, 'a');
          const remote: Hlc = { wallMs: remoteWall, counter: remoteCounter, node: 'b' };
          const merged = receiveHlc(local, remote, now, 'a');
          const next = tickHlc(merged, now, 'a');
          expect(formatHlc(next) > formatHlc(remote) || next.wallMs > remote.wallMs).toBe(true);
          expect(formatHlc(next) > formatHlc(local)).toBe(true);
        },
      ),
    );
  });
});

/** Anything a caller, a database or a hostile hub might hand the clock. */
const wildWall = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000_000_000 }),
  fc.constantFrom(0, -1, maxWallMs - 1, maxWallMs, maxWallMs + 1, 99_999_999_999_999, Number.MAX_SAFE_INTEGER, Infinity, -Infinity, NaN),
  fc.double(),
);
const wildCounter = fc.oneof(fc.integer({ min: 0, max: maxCounter }), fc.constantFrom(maxCounter, maxCounter + 1, -1, 1e12, NaN), fc.double());
const wildNode = fc.oneof(
  fc.uuid(),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', '\u0000', 'a b', 'x-y-z', '-', '\n', 'é😀', 'x'.repeat(5_000)),
);
const wildHlc = fc.record({ wallMs: wildWall, counter: wildCounter, node: wildNode });

describe('the clock never reaches a state that fails to parse', () => {
  it('formats any state, however wild, to a timestamp that parses back to itself', () => {
    fc.assert(
      fc.property(wildHlc, (hlc) => {
        const text = formatHlc(hlc);
        expect(text).toMatch(hlcPattern);
        expect(formatHlc(parseHlc(text))).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('ticks and receives through any sequence of inputs: always parseable, never backwards', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), now: wildWall }),
      fc.record({ kind: fc.constant('receive' as const), now: wildWall, remote: wildHlc }),
    );
    fc.assert(
      fc.property(fc.option(wildHlc, { nil: null }), wildNode, fc.array(step, { minLength: 1, maxLength: 100 }), (start, node, steps) => {
        let state: Hlc | null = start;
        let previousText = start ? formatHlc(start) : '';
        for (const s of steps) {
          const next: Hlc = s.kind === 'tick' ? tickHlc(state, s.now, node) : receiveHlc(state, s.remote, s.now, node);
          const text = formatHlc(next);
          expect(text).toMatch(hlcPattern);
          // Wall and counter never go back; strictly forward except at the end of time.
          const prev = previousText ? parseHlc(previousText) : null;
          if (prev) {
            const p = [prev.wallMs, prev.counter];
            const n = [next.wallMs, next.counter];
            const saturated = n[0] === maxWallMs && n[1] === maxCounter;
            expect(n[0]! > p[0]! || (n[0] === p[0] && (n[1]! > p[1]! || saturated))).toBe(true);
          }
          state = parseHlc(text);
          previousText = text;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the tester’s poisoned clock 9999999999999-99999-x, received, still formats and ticks', () => {
    const poisoned = parseHlc('9999999999999-99999-x');
    const merged = receiveHlc(null, poisoned, Date.now(), 'device');
    // Before: the counter rolled into wall 10000000000000 (14 digits) and nothing parsed again.
    expect(formatHlc(merged)).toBe('9999999999999-99999-device');
    expect(formatHlc(tickHlc(merged, Date.now(), 'device'))).toBe('9999999999999-99999-device');
  });

  it('refuses remote clocks beyond the skew bound and unreadable ones, with a reason', () => {
    const now = 1_763_000_000_000;
    const bound = 5 * 60_000;
    expect(checkRemoteHlc(formatHlc({ wallMs: now + bound, counter: 99_999, node: 'b' }), now, bound).ok).toBe(true);
    // One millisecond past the bound: refused.
    const ahead = checkRemoteHlc(formatHlc({ wallMs: now + bound + 1, counter: 0, node: 'b' }), now, bound);
    expect(ahead).toEqual({ ok: false, reason: 'its clock is 5 minutes ahead of this one (at most 5 minutes is accepted)' });
    // 9999999999999 ms is 2286-11-20; now is 2025-11-13: about 261 years ahead.
    expect(checkRemoteHlc('9999999999999-99999-x', now, bound)).toEqual({
      ok: false,
      reason: 'its clock is 261 years ahead of this one (at most 5 minutes is accepted)',
    });
    // Offline edits from long ago are fine.
    expect(checkRemoteHlc('0000000000001-00000-b', now, bound).ok).toBe(true);
    for (const bad of ['10000000000000-00000-x', '9999999999999-999999-x', '1763000000000-00000-', '1763000000000-00000-a\u0000b', 'x', '']) {
      expect(checkRemoteHlc(bad, now, bound)).toEqual({ ok: false, reason: 'its clock is not a readable timestamp' });
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.integer({ min: 0, max: maxWallMs }), (text, nowMs) => {
        const result = checkRemoteHlc(text, nowMs, bound);
        if (result.ok) expect(result.hlc.wallMs - nowMs).toBeLessThanOrEqual(bound);
      }),
    );
  });
});
