import { describe, expect, it } from 'vitest';
import { describeClockOffset } from '../../../shared/sync/sync-status';

describe('the clock offset against the hub in words', () => {
  it('reads whole seconds as in step, and says which way and how far otherwise', () => {
    expect(describeClockOffset(null)).toBeNull();
    // The Date header has 1 s resolution: ±2 s is noise.
    expect(describeClockOffset(-1_999)).toBe('In step with the hub (to the second)');
    // Offset = hub − laptop: +45,000 ms means the laptop is 45 s behind.
    expect(describeClockOffset(45_000)).toBe('This laptop is 45 seconds behind the hub');
    // −7,200,000 ms = 2 h: the laptop is ahead.
    expect(describeClockOffset(-7_200_000)).toBe('This laptop is 2 hours ahead of the hub');
    // 10 min = 600,000 ms.
    expect(describeClockOffset(600_000)).toBe('This laptop is 10 minutes behind the hub');
    // 3 days = 259,200,000 ms.
    expect(describeClockOffset(259_200_000)).toBe('This laptop is 3 days behind the hub');
  });
});
