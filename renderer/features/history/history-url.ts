import { caseOwnerships, caseStatuses, type CaseOwnership, type CaseStatus } from '../../../shared/domain/cases';
import { historySorts, type HistorySort } from '../../../shared/history/history-schemas';
import { readinessLevels, type ReadinessLevel } from '../../../shared/interview/bank-schema';

export interface HistoryFilterValues {
  text: string;
  engineer: string;
  from: string;
  to: string;
  levels: ReadinessLevel[];
  statuses: CaseStatus[];
  pillarId: string;
  pillarBelow: string;
  sort: HistorySort;
  ownership: CaseOwnership;
}

export const emptyHistoryFilters: HistoryFilterValues = {
  text: '',
  engineer: '',
  from: '',
  to: '',
  levels: [],
  statuses: [],
  pillarId: '',
  pillarBelow: '',
  sort: 'created_desc',
  ownership: 'all',
};

const listOf = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));

/**
 * History filters live in the URL, so a reload, the back button or a bookmark keeps the search.
 * Unknown or malformed values are dropped rather than trusted.
 */
export const filtersFromParams = (params: URLSearchParams): HistoryFilterValues => {
  const sort = params.get('sort');
  return {
    text: params.get('q') ?? '',
    engineer: params.get('engineer') ?? '',
    from: /^\d{4}-\d{2}-\d{2}$/.test(params.get('from') ?? '') ? (params.get('from') as string) : '',
    to: /^\d{4}-\d{2}-\d{2}$/.test(params.get('to') ?? '') ? (params.get('to') as string) : '',
    levels: listOf<ReadinessLevel>(params.get('levels'), readinessLevels),
    statuses: listOf<CaseStatus>(params.get('statuses'), caseStatuses),
    pillarId: /^[a-z0-9_-]{1,80}$/.test(params.get('pillar') ?? '') ? (params.get('pillar') as string) : '',
    pillarBelow: /^\d{1,3}(\.\d+)?$/.test(params.get('below') ?? '') ? (params.get('below') as string) : '',
    sort: (historySorts as readonly string[]).includes(sort ?? '') ? (sort as HistorySort) : emptyHistoryFilters.sort,
    ownership: (caseOwnerships as readonly string[]).includes(params.get('cases') ?? '') ? (params.get('cases') as CaseOwnership) : 'all',
  };
};

export const paramsFromFilters = (f: HistoryFilterValues): URLSearchParams => {
  const params = new URLSearchParams();
  const set = (key: string, value: string) => {
    if (value) params.set(key, value);
  };
  set('q', f.text);
  set('engineer', f.engineer);
  if (f.ownership !== 'all') set('cases', f.ownership);
  set('from', f.from);
  set('to', f.to);
  set('levels', f.levels.join(','));
  set('statuses', f.statuses.join(','));
  set('pillar', f.pillarId);
  set('below', f.pillarBelow);
  if (f.sort !== emptyHistoryFilters.sort) params.set('sort', f.sort);
  return params;
};
