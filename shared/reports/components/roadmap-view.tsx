/** @jsxRuntime automatic @jsxImportSource react */
import { emptyRoadmapText, firstActions, horizonDates, isEmptyRoadmap, moreActionsText, roadmapHorizons, roadmapLabels, type Roadmap, type RoadmapItem } from '../roadmap';
import type { Translator } from '../../i18n/translator';
import { EmptyNote, effortMessages, SeverityBadge } from './report-parts';
import { useReportText } from './report-text';

export const effortText = ({ t }: Translator, item: Pick<RoadmapItem, 'effort' | 'effortDays'>): string =>
  item.effortDays > 0 ? t('effort.days', { days: item.effortDays }) : t(effortMessages[item.effort]);

export const costText = ({ t, fmt }: Translator, cost: RoadmapItem['cost']): string => {
  if (!cost) return t('roadmap.notPriced');
  const oneTime = cost.oneTimeMinor > 0 ? fmt.money(cost.oneTimeMinor, cost.currency) : '';
  const monthly = cost.monthlyMinor > 0 ? t('roadmap.perMonth', { amount: fmt.money(cost.monthlyMinor, cost.currency) }) : '';
  if (oneTime && monthly) return t('roadmap.costBoth', { oneTime, monthly });
  return oneTime || monthly || t('roadmap.notPriced');
};

const HorizonTable = ({ items, limit }: { items: readonly RoadmapItem[]; limit: number }) => {
  const tr = useReportText();
  const { t } = tr;
  const { shown, more } = firstActions(items, limit);
  return (
    <>
      <table className="gw-table gw-roadmap-table">
        <thead>
          <tr>
            <th>{t('roadmap.action')}</th>
            <th>{t('roadmap.owner')}</th>
            <th>{t('roadmap.effort')}</th>
            <th className="gw-num">{t('roadmap.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((item) => (
            <tr key={item.id}>
              <td>
                <SeverityBadge severity={item.severity} /> {item.title}
              </td>
              <td>{item.owner}</td>
              <td className="gw-nowrap">{effortText(tr, item)}</td>
              <td className="gw-num">{costText(tr, item.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? <p className="gw-muted gw-small">{moreActionsText(tr, more)}</p> : null}
    </>
  );
};

/** The plan by horizon: each item with owner, effort and cost, dated from the report; at most `limit` items a horizon. */
export const RoadmapView = ({ roadmap, date, limit = Number.POSITIVE_INFINITY }: { roadmap: Roadmap; date: string; limit?: number }) => {
  const tr = useReportText();
  const { t } = tr;
  return isEmptyRoadmap(roadmap) ? (
    <EmptyNote>{emptyRoadmapText(tr)}</EmptyNote>
  ) : (
    <div className="gw-roadmap-plan">
      {roadmapHorizons.map((h) => (
        <div key={h} className="gw-horizon">
          <h3>
            {t(roadmapLabels[h])} <span className="gw-muted gw-small">· {horizonDates(h, date, tr)}</span>
          </h3>
          {roadmap[h].length === 0 ? <EmptyNote>{t('roadmap.nothing')}</EmptyNote> : <HorizonTable items={roadmap[h]} limit={limit} />}
        </div>
      ))}
    </div>
  );
};
