import { addDays } from './format';
import { defaultLocale } from '../i18n/locales';
import type { MessageId } from '../i18n/messages-en';
import { createTranslator, type Translator } from '../i18n/translator';
import type { Proposal } from './proposal';
import type { Effort, FindingSource, PillarSource, RecommendationSource, Severity } from './report-source';

export const roadmapHorizons = ['now', 'next', 'later'] as const;
export type RoadmapHorizon = (typeof roadmapHorizons)[number];

export const roadmapLabels: Record<RoadmapHorizon, MessageId> = {
  now: 'roadmap.now',
  next: 'roadmap.next',
  later: 'roadmap.later',
};

/** Months after the report date each horizon starts and ends at. */
const horizonMonths: Record<RoadmapHorizon, [number, number]> = { now: [0, 3], next: [3, 6], later: [6, 12] };

/**
 * How many items a horizon holds before the rest moves one horizon on: a quarter in which twelve
 * things are "now" is a list, not a plan. Critical items are never moved out of "now".
 */
export const horizonCapacity: Record<RoadmapHorizon, number> = { now: 5, next: 6, later: Number.POSITIVE_INFINITY };

export const severityRank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
const effortRank: Record<Effort, number> = { low: 0, medium: 1, high: 2 };

/**
 * Where an item goes on the roadmap: critical risks and cheap high risks first; big projects and
 * minor issues later. Quick wins (low effort) move one step earlier, never past "now".
 */
export const horizonFor = (severity: Severity, effort: Effort): RoadmapHorizon => {
  if (severity === 'critical') return 'now';
  if (severity === 'high') return effort === 'high' ? 'next' : 'now';
  if (severity === 'medium') return effort === 'low' ? 'now' : effort === 'medium' ? 'next' : 'later';
  if (severity === 'low') return effort === 'low' ? 'next' : 'later';
  return 'later';
};

/** Who on the customer's side owns an item, by the pillar it belongs to (the built-in bank's pillars). */
const pillarOwners: Record<string, MessageId> = {
  strategy: 'owner.strategy',
  data: 'owner.data',
  compute: 'owner.compute',
  network: 'owner.network',
  security: 'owner.security',
  governance: 'owner.governance',
  operations: 'owner.operations',
  people: 'owner.people',
};
export const ownerFor = (pillarId: string, tr: Translator = createTranslator(defaultLocale)): string => tr.t(pillarOwners[pillarId] ?? 'owner.default');

export interface RoadmapItem {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly severity: Severity;
  readonly effort: Effort;
  readonly horizon: RoadmapHorizon;
  readonly owner: string;
  /** Estimated days of work, 0 when the bank gives none. */
  readonly effortDays: number;
  /** From the proposal's lines that answer this item, in the proposal's currency; null when nothing is priced. */
  readonly cost: { readonly oneTimeMinor: number; readonly monthlyMinor: number; readonly currency: string } | null;
}

export type Roadmap = Record<RoadmapHorizon, RoadmapItem[]>;

const byPriority = (a: RoadmapItem, b: RoadmapItem): number =>
  severityRank[a.severity] - severityRank[b.severity] || effortRank[a.effort] - effortRank[b.effort] || a.title.localeCompare(b.title);

export interface RoadmapOptions {
  readonly proposal?: Proposal | null;
  /** The partner delivering priced items: "Acme IT with the Security lead". */
  readonly partnerName?: string;
  readonly pillars?: readonly PillarSource[];
  /** The report's language, for owners ("Security lead"); English when absent. */
  readonly tr?: Translator;
}

/** "Dec 2026 – Feb 2027" for a horizon, counted from the report date. */
export const horizonDates = (horizon: RoadmapHorizon, reportDate: string, tr: Translator = createTranslator(defaultLocale)): string => {
  const [from, to] = horizonMonths[horizon];
  return tr.t('roadmap.dates', { from: tr.fmt.monthYear(addDays(reportDate, Math.round(from * 30.5))), to: tr.fmt.monthYear(addDays(reportDate, Math.round(to * 30.5) - 1)) });
};

/**
 * The roadmap from the recommendations; findings that no recommendation covers appear with
 * their own recommendation text so nothing found is left off the plan. Each horizon holds at most
 * its capacity (critical items excepted); the rest, lowest priority first, move one horizon on.
 */
export const buildRoadmap = (recommendations: readonly RecommendationSource[], findings: readonly FindingSource[], options: RoadmapOptions = {}): Roadmap => {
  const covered = new Set(recommendations.flatMap((r) => r.findingIds));
  const findingById = new Map(findings.map((f) => [f.id, f]));
  const groupCost = new Map((options.proposal?.groups ?? []).map((g) => [g.title, g]));
  const currency = options.proposal?.currency ?? '';
  const costOf = (title: string): RoadmapItem['cost'] => {
    const g = options.proposal?.refusal ? undefined : groupCost.get(title);
    return g ? { oneTimeMinor: g.oneTimeMinor, monthlyMinor: g.monthlyMinor, currency } : null;
  };
  const tr = options.tr ?? createTranslator(defaultLocale);
  const ownerWith = (pillarId: string, cost: RoadmapItem['cost']) =>
    cost && options.partnerName ? tr.t('owner.withPartner', { partner: options.partnerName, owner: ownerFor(pillarId, tr) }) : ownerFor(pillarId, tr);
  const items: RoadmapItem[] = [
    ...recommendations.map((r) => {
      const pillarId = findingById.get(r.findingIds[0] ?? '')?.pillarId ?? '';
      const cost = costOf(r.title);
      const days = r.findingIds.reduce((a, id) => a + (findingById.get(id)?.effortDays ?? 0), 0);
      return { id: r.id, title: r.title, detail: r.detail, severity: r.severity, effort: r.effort, owner: ownerWith(pillarId, cost), effortDays: days, cost };
    }),
    ...findings
      .filter((f) => !covered.has(f.id) && f.severity !== 'info')
      .map((f) => {
        const cost = costOf(f.title);
        return { id: f.id, title: f.title, detail: f.recommendation || f.detail, severity: f.severity, effort: f.effort, owner: ownerWith(f.pillarId, cost), effortDays: f.effortDays, cost };
      }),
  ].map((item) => ({ ...item, horizon: horizonFor(item.severity, item.effort) }));
  const roadmap: Roadmap = { now: [], next: [], later: [] };
  for (const item of items) roadmap[item.horizon].push(item);
  for (const [i, horizon] of roadmapHorizons.entries()) {
    roadmap[horizon].sort(byPriority);
    const next = roadmapHorizons[i + 1];
    if (!next) continue;
    const keep = roadmap[horizon].filter((item, k) => k < horizonCapacity[horizon] || item.severity === 'critical');
    const moved = roadmap[horizon].filter((item) => !keep.includes(item)).map((item) => ({ ...item, horizon: next }));
    roadmap[horizon] = keep;
    roadmap[next].push(...moved);
  }
  return roadmap;
};

/**
 * How many actions a horizon lists in the reports a CEO reads (executive, re-assessment): a page of
 * sixty "later" items is a backlog, not a plan. The technical report and the PSA CSV carry every one.
 */
export const shortRoadmapRows = 6;

/** The first `limit` actions of a horizon (they are sorted by priority) and how many were left out. */
export const firstActions = (items: readonly RoadmapItem[], limit: number): { shown: readonly RoadmapItem[]; more: number } => ({
  shown: items.slice(0, limit),
  more: Math.max(0, items.length - limit),
});

export const isEmptyRoadmap = (roadmap: Roadmap): boolean => roadmapHorizons.every((h) => roadmap[h].length === 0);

export const moreActionsText = ({ t }: Translator, more: number): string => t('roadmap.more', { count: more });

export const emptyRoadmapText = ({ t }: Translator): string => t('roadmap.empty');
