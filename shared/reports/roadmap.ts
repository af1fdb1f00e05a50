import type { Effort, FindingSource, RecommendationSource, Severity } from './report-source';

export const roadmapHorizons = ['now', 'next', 'later'] as const;
export type RoadmapHorizon = (typeof roadmapHorizons)[number];

export const roadmapLabels: Record<RoadmapHorizon, string> = {
  now: 'Now (0–3 months)',
  next: 'Next (3–6 months)',
  later: 'Later (6–12 months)',
};

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

export interface RoadmapItem {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly severity: Severity;
  readonly effort: Effort;
  readonly horizon: RoadmapHorizon;
}

export type Roadmap = Record<RoadmapHorizon, RoadmapItem[]>;

const byPriority = (a: RoadmapItem, b: RoadmapItem): number =>
  severityRank[a.severity] - severityRank[b.severity] || effortRank[a.effort] - effortRank[b.effort] || a.title.localeCompare(b.title);

/**
 * The roadmap from the recommendations; findings that no recommendation covers appear with
 * their own recommendation text so nothing found is left off the plan.
 */
export const buildRoadmap = (recommendations: readonly RecommendationSource[], findings: readonly FindingSource[]): Roadmap => {
  const covered = new Set(recommendations.flatMap((r) => r.findingIds));
  const items: RoadmapItem[] = [
    ...recommendations.map((r) => ({ id: r.id, title: r.title, detail: r.detail, severity: r.severity, effort: r.effort })),
    ...findings
      .filter((f) => !covered.has(f.id) && f.severity !== 'info')
      .map((f) => ({ id: f.id, title: f.title, detail: f.recommendation || f.detail, severity: f.severity, effort: f.effort })),
  ].map((item) => ({ ...item, horizon: horizonFor(item.severity, item.effort) }));
  const roadmap: Roadmap = { now: [], next: [], later: [] };
  for (const item of items) roadmap[item.horizon].push(item);
  for (const horizon of roadmapHorizons) roadmap[horizon].sort(byPriority);
  return roadmap;
};
