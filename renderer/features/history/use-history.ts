import { useCallback, useMemo, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api';
import type { HistoryQuery, HistoryRow } from '../../../shared/history/history-schemas';

export const historyPageSize = 100;

/**
 * A history query read in pages of 100 as the list scrolls: the first page tells the total,
 * further pages load when their rows come into view.
 */
export const useHistoryPages = (query: HistoryQuery) => {
  const [wanted, setWanted] = useState<readonly number[]>([0]);
  const key = JSON.stringify(query);
  const first = useQuery({
    queryKey: ['history', 'page', key, 0],
    queryFn: () => api.searchHistory({ ...query, offset: 0, limit: historyPageSize }),
    placeholderData: (previous) => previous,
  });
  const pages = useQueries({
    queries: wanted
      .filter((page) => page > 0)
      .map((page) => ({
        queryKey: ['history', 'page', key, page],
        queryFn: () => api.searchHistory({ ...query, offset: page * historyPageSize, limit: historyPageSize }),
        staleTime: 30_000,
      })),
  });
  const byPage = useMemo(() => {
    const map = new Map<number, HistoryRow[]>();
    if (first.data) map.set(0, first.data.rows);
    for (const page of pages) if (page.data) map.set(page.data.offset / historyPageSize, page.data.rows);
    return map;
  }, [first.data, pages]);
  const rowAt = useCallback((index: number) => byPage.get(Math.floor(index / historyPageSize))?.[index % historyPageSize], [byPage]);
  const onRangeChange = useCallback((from: number, to: number) => {
    const needed: number[] = [];
    for (let page = Math.floor(from / historyPageSize); page <= Math.floor(to / historyPageSize); page += 1) needed.push(page);
    setWanted((current) => (current.join() === needed.join() ? current : needed));
  }, []);
  return { first, total: first.data?.total ?? 0, rowAt, onRangeChange };
};
