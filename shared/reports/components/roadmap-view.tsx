/** @jsxRuntime automatic @jsxImportSource react */
import { formatMoney } from '../format';
import { emptyRoadmapText, firstActions, horizonDates, isEmptyRoadmap, moreActionsText, roadmapHorizons, roadmapLabels, type Roadmap, type RoadmapItem } from '../roadmap';
import { effortLabels } from '../report-source';
import { EmptyNote, SeverityBadge } from './report-parts';

export const effortText = (item: Pick<RoadmapItem, 'effort' | 'effortDays'>): string =>
  item.effortDays > 0 ? `${item.effortDays} day${item.effortDays === 1 ? '' : 's'}` : effortLabels[item.effort];

export const costText = (cost: RoadmapItem['cost']): string => {
  if (!cost) return 'Not priced';
  const parts = [
    ...(cost.oneTimeMinor > 0 ? [formatMoney(cost.oneTimeMinor, cost.currency)] : []),
    ...(cost.monthlyMinor > 0 ? [`${formatMoney(cost.monthlyMinor, cost.currency)} / month`] : []),
  ];
  return parts.length > 0 ? parts.join(' + ') : 'Not priced';
};

const HorizonTable = ({ items, limit }: { items: readonly RoadmapItem[]; limit: number }) => {
  const { shown, more } = firstActions(items, limit);
  return (
    <>
      <table className="gw-table gw-roadmap-table">
        <thead>
          <tr>
            <th>Action</th>
            <th>Owner</th>
            <th>Effort</th>
            <th className="gw-num">Cost</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((item) => (
            <tr key={item.id}>
              <td>
                <SeverityBadge severity={item.severity} /> {item.title}
              </td>
              <td>{item.owner}</td>
              <td className="gw-nowrap">{effortText(item)}</td>
              <td className="gw-num">{costText(item.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? <p className="gw-muted gw-small">{moreActionsText(more)}</p> : null}
    </>
  );
};

/** The plan by horizon: each item with owner, effort and cost, dated from the report; at most `limit` items a horizon. */
export const RoadmapView = ({ roadmap, date, limit = Number.POSITIVE_INFINITY }: { roadmap: Roadmap; date: string; limit?: number }) =>
  isEmptyRoadmap(roadmap) ? (
    <EmptyNote>{emptyRoadmapText}</EmptyNote>
  ) : (
    <div className="gw-roadmap-plan">
      {roadmapHorizons.map((h) => (
        <div key={h} className="gw-horizon">
          <h3>
            {roadmapLabels[h]} <span className="gw-muted gw-small">· {horizonDates(h, date)}</span>
          </h3>
          {roadmap[h].length === 0 ? <EmptyNote>Nothing planned.</EmptyNote> : <HorizonTable items={roadmap[h]} limit={limit} />}
        </div>
      ))}
    </div>
  );
