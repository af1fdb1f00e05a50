import { readinessLevelLabels, type LevelThresholds } from '../interview';

/** The built-in bank's thresholds, used when a source comes without its bank's. */
const builtinThresholds: LevelThresholds = { pacesetter: 80, chaser: 60, follower: 40 };

/** What each level means for a business deciding on AI, in words a CEO reads without a glossary. */
export const levelMeanings = {
  pacesetter: 'Ready to use AI broadly: the foundations are in place and well run.',
  chaser: 'Ready for chosen AI projects; a few gaps to close along the way.',
  follower: 'Basics in place, but gaps that make AI at scale risky today.',
  laggard: 'Foundations missing: AI would add risk before it adds value.',
} as const;

export interface ScaleLevel {
  readonly label: string;
  readonly minIndex: number;
  readonly meaning: string;
}

/** The four levels, best first, with the index each starts at. */
export const readinessScale = (thresholds: LevelThresholds = builtinThresholds): ScaleLevel[] => [
  { label: readinessLevelLabels.pacesetter, minIndex: thresholds.pacesetter, meaning: levelMeanings.pacesetter },
  { label: readinessLevelLabels.chaser, minIndex: thresholds.chaser, meaning: levelMeanings.chaser },
  { label: readinessLevelLabels.follower, minIndex: thresholds.follower, meaning: levelMeanings.follower },
  { label: readinessLevelLabels.laggard, minIndex: 0, meaning: levelMeanings.laggard },
];

/** "60–79" for a level, from its start and the start of the next better one. */
export const scaleRange = (scale: readonly ScaleLevel[], i: number): string => {
  const level = scale[i];
  if (!level) return '';
  const upper = i === 0 ? 100 : (scale[i - 1]?.minIndex ?? 100) - 1;
  return `${level.minIndex}–${upper}`;
};
