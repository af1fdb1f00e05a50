import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api';
import { caseStatuses, caseStatusLabels, type CaseOwnership } from '../../../shared/domain/cases';
import { historySorts, type HistorySort } from '../../../shared/history/history-schemas';
import { readinessLevelLabels, readinessLevels } from '../../../shared/interview/bank-schema';
import { emptyHistoryFilters, type HistoryFilterValues } from './history-url';

const sortLabels: Record<HistorySort, string> = {
  created_desc: 'Newest first',
  created_asc: 'Oldest first',
  customer_asc: 'Customer A–Z',
  updated_desc: 'Recently changed',
  index_asc: 'Lowest readiness first',
  index_desc: 'Highest readiness first',
  relevance: 'Best match',
};

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

interface Props {
  readonly value: HistoryFilterValues;
  readonly onChange: (value: HistoryFilterValues) => void;
}

export const HistoryFilters = ({ value, onChange }: Props) => {
  const bank = useQuery({ queryKey: ['interview', 'active-bank'], queryFn: () => api.getActiveQuestionBank({}), staleTime: Infinity });
  const set = <K extends keyof HistoryFilterValues>(key: K, v: HistoryFilterValues[K]) => onChange({ ...value, [key]: v });
  return (
    <div className="history-filters">
      <label className="search">
        <span className="visually-hidden">Search customers, sites, notes and findings</span>
        <input
          type="search"
          className="input"
          placeholder="Search customers, sites, people, notes, findings"
          value={value.text}
          onChange={(e) => set('text', e.target.value)}
        />
      </label>
      <div className="filter-row">
        <label className="filter">
          Cases
          <select className="input" value={value.ownership} onChange={(e) => set('ownership', e.target.value as CaseOwnership)}>
            <option value="all">Mine and the partner&rsquo;s</option>
            <option value="mine">Mine</option>
            <option value="partner">Other engineers&rsquo;</option>
          </select>
        </label>
        <label className="filter">
          Engineer
          <input className="input" value={value.engineer} onChange={(e) => set('engineer', e.target.value)} />
        </label>
        <label className="filter">
          From
          <input type="date" className="input" value={value.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label className="filter">
          To
          <input type="date" className="input" value={value.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <label className="filter">
          Pillar
          <select className="input" value={value.pillarId} onChange={(e) => set('pillarId', e.target.value)}>
            <option value="">Any pillar</option>
            {bank.data?.pillars.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label className="filter filter-narrow">
          scoring below
          <input
            type="number"
            min={0}
            max={100}
            className="input"
            disabled={!value.pillarId}
            value={value.pillarBelow}
            onChange={(e) => set('pillarBelow', e.target.value)}
          />
        </label>
        <label className="filter">
          Sort
          <select className="input" value={value.sort} onChange={(e) => set('sort', e.target.value as HistorySort)}>
            {historySorts.map((s) => (
              <option key={s} value={s}>
                {sortLabels[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="filter-row">
        <fieldset className="chip-group">
          <legend>Level</legend>
          {readinessLevels.map((level) => (
            <label key={level} className="chip">
              <input type="checkbox" checked={value.levels.includes(level)} onChange={() => set('levels', toggle(value.levels, level))} />
              {readinessLevelLabels[level]}
            </label>
          ))}
        </fieldset>
        <fieldset className="chip-group">
          <legend>Status</legend>
          {caseStatuses.map((status) => (
            <label key={status} className="chip">
              <input type="checkbox" checked={value.statuses.includes(status)} onChange={() => set('statuses', toggle(value.statuses, status))} />
              {caseStatusLabels[status]}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button button-quiet" onClick={() => onChange(emptyHistoryFilters)}>
          Clear filters
        </button>
      </div>
    </div>
  );
};
