import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../../../shared/sync/hlc';

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
