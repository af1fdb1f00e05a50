import { Command } from 'commander';
import { readinessLevelLabels } from '../../../shared/interview/bank-schema';
import type { ScoreResult } from '../../../shared/interview/score-types';
import { printJson, withDataDir, withSession } from '../cli-context';

const percent = (n: number) => `${Math.round(n * 100)}%`;

const printSummary = (score: ScoreResult): void => {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`Readiness index ${score.index} / 100 — ${readinessLevelLabels[score.level]} (confidence ${percent(score.confidence)})`);
  if (score.level !== score.levelBeforeGates) out(`  capped from ${readinessLevelLabels[score.levelBeforeGates]} by critical findings`);
  for (const p of score.pillars) {
    const shown = p.knownCount > 0 ? String(p.score) : '—';
    out(`  ${p.title.padEnd(32)} ${shown.padStart(5)}   confidence ${percent(p.confidence)}`);
  }
  for (const g of score.gates) out(`Gate: ${g.title} caps at ${readinessLevelLabels[g.cap]}${g.active ? '' : ' (lifted by an exception)'}`);
  if (score.findings.length > 0) out(`Findings (${score.findings.length}):`);
  for (const f of score.findings) out(`  [${f.severity}] ${f.title}${f.exception ? ` — exception: ${f.exception.compensatingControl}` : ''}`);
  out(`Answered ${score.progress.answered} of ${score.progress.visible}; about ${Math.ceil(score.progress.secondsLeft / 60)} min left`);
};

export const scoreCommand = (): Command =>
  withDataDir(new Command('score'))
    .description("print a case's pillar scores, readiness level, confidence, gates, exceptions and findings")
    .requiredOption('--case <id>', 'the case id')
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; case: string; json?: boolean }) => {
      await withSession(opts, async ({ api }) => {
        const score = await api.getCaseScore({ caseId: opts.case });
        if (opts.json) printJson(score);
        else printSummary(score);
      });
    });
