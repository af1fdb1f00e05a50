import { describe, expect, it } from 'vitest';
import { emptyHistoryFilters, filtersFromParams, paramsFromFilters } from '../../../renderer/features/history/history-url';

describe('history filters in the URL', () => {
  it('round-trip every filter', () => {
    const filters = {
      text: 'north wind',
      engineer: 'Sam',
      from: '2026-01-01',
      to: '2026-12-31',
      levels: ['laggard', 'follower'] as const,
      statuses: ['complete'] as const,
      pillarId: 'network',
      pillarBelow: '40',
      sort: 'index_asc' as const,
      ownership: 'partner' as const,
    };
    const params = paramsFromFilters({ ...filters, levels: [...filters.levels], statuses: [...filters.statuses] });
    expect(filtersFromParams(new URLSearchParams(params.toString()))).toEqual({ ...filters, levels: [...filters.levels], statuses: [...filters.statuses] });
  });

  it('an empty filter set is an empty query string', () => {
    expect(paramsFromFilters(emptyHistoryFilters).toString()).toBe('');
    expect(filtersFromParams(new URLSearchParams())).toEqual(emptyHistoryFilters);
  });

  it('drops values that are not ours instead of trusting them', () => {
    const f = filtersFromParams(new URLSearchParams('levels=laggard,owner&cases=everyone&sort=drop_table&from=yesterday&pillar=../x&below=-5'));
    expect(f).toMatchObject({ levels: ['laggard'], ownership: 'all', sort: 'created_desc', from: '', pillarId: '', pillarBelow: '' });
  });
});
