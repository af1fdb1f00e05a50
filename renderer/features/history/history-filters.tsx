import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api';
import { caseStatuses, type CaseOwnership } from '../../../shared/domain/cases';
import { historySorts, type HistorySort } from '../../../shared/history/history-schemas';
import { readinessLevels } from '../../../shared/interview/bank-schema';
import { emptyHistoryFilters, type HistoryFilterValues } from './history-url';
import { useText } from '../../i18n/app-intl';
import { levelIds, statusIds } from '../../i18n/label-ids';
import type { UiMessageId } from '../../../shared/i18n/ui-messages-en';

const sortLabels: Record<HistorySort, UiMessageId> = {
  created_desc: 'history.sort.created_desc',
  created_asc: 'history.sort.created_asc',
  customer_asc: 'history.sort.customer_asc',
  updated_desc: 'history.sort.updated_desc',
  index_asc: 'history.sort.index_asc',
  index_desc: 'history.sort.index_desc',
  relevance: 'history.sort.relevance',
};

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

interface Props {
  readonly value: HistoryFilterValues;
  readonly onChange: (value: HistoryFilterValues) => void;
}

export const HistoryFilters = ({ value, onChange }: Props) => {
  const { t, locale } = useText();
  // Pillar names in the app's language: the key carries it, so switching language reloads them.
  const bank = useQuery({ queryKey: ['interview', 'active-bank', locale], queryFn: () => api.getActiveQuestionBank({ inAppLanguage: true }), staleTime: Infinity });
  const set = <K extends keyof HistoryFilterValues>(key: K, v: HistoryFilterValues[K]) => onChange({ ...value, [key]: v });
  return (
    <div className="history-filters">
      <label className="search">
        <span className="visually-hidden">{t('history.searchLabel')}</span>
        <input
          type="search"
          className="input"
          placeholder={t('history.searchPlaceholder')}
          value={value.text}
          onChange={(e) => set('text', e.target.value)}
        />
      </label>
      <div className="filter-row">
        <label className="filter">
          {t('history.filter.cases')}
          <select className="input" value={value.ownership} onChange={(e) => set('ownership', e.target.value as CaseOwnership)}>
            <option value="all">{t('history.filter.all')}</option>
            <option value="mine">{t('history.filter.mine')}</option>
            <option value="partner">{t('history.filter.partner')}</option>
          </select>
        </label>
        <label className="filter">
          {t('history.filter.engineer')}
          <input className="input" value={value.engineer} onChange={(e) => set('engineer', e.target.value)} />
        </label>
        <label className="filter">
          {t('history.filter.from')}
          <input type="date" className="input" value={value.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label className="filter">
          {t('history.filter.to')}
          <input type="date" className="input" value={value.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <label className="filter">
          {t('history.filter.pillar')}
          <select className="input" value={value.pillarId} onChange={(e) => set('pillarId', e.target.value)}>
            <option value="">{t('history.filter.anyPillar')}</option>
            {bank.data?.pillars.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label className="filter filter-narrow">
          {t('history.filter.below')}
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
          {t('history.filter.sort')}
          <select className="input" value={value.sort} onChange={(e) => set('sort', e.target.value as HistorySort)}>
            {historySorts.map((s) => (
              <option key={s} value={s}>
                {t(sortLabels[s])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="filter-row">
        <fieldset className="chip-group">
          <legend>{t('history.filter.level')}</legend>
          {readinessLevels.map((level) => (
            <label key={level} className="chip">
              <input type="checkbox" checked={value.levels.includes(level)} onChange={() => set('levels', toggle(value.levels, level))} />
              {t(levelIds[level])}
            </label>
          ))}
        </fieldset>
        <fieldset className="chip-group">
          <legend>{t('history.filter.status')}</legend>
          {caseStatuses.map((status) => (
            <label key={status} className="chip">
              <input type="checkbox" checked={value.statuses.includes(status)} onChange={() => set('statuses', toggle(value.statuses, status))} />
              {t(statusIds[status])}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button button-quiet" onClick={() => onChange(emptyHistoryFilters)}>
          {t('history.filter.clear')}
        </button>
      </div>
    </div>
  );
};
