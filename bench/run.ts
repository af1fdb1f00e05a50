import fs from 'node:fs';
import path from 'node:path';
import type { BenchRow } from './bench-row';
import { runFoundationBench } from './foundation-bench';
import { runHistoryBench } from './history-bench';
import { runProbesBench } from './probes-bench';
import { runLoadedLatencyBench } from './loaded-latency-bench';
import { runSyncBench } from './sync-bench';
import { runSyncLoadBench } from './sync-load-bench';
import { runInterviewBench } from './interview-bench';
import { runReportsBench } from './reports-bench';
import { runCliStartBench } from './cli-start-bench';
import { runDeskBench } from './desk-bench';

/** Every benchmark suite, in the order the table prints them. */
const suites: Array<{ name: string; run: () => Promise<BenchRow[]> }> = [
  { name: 'foundation', run: runFoundationBench },
  { name: 'probes', run: runProbesBench },
  { name: 'loaded-latency', run: runLoadedLatencyBench },
  { name: 'interview', run: runInterviewBench },
  { name: 'reports', run: runReportsBench },
  { name: 'history', run: runHistoryBench },
  { name: 'sync', run: runSyncBench },
  { name: 'sync-load', run: runSyncLoadBench },
  { name: 'desk', run: runDeskBench },
  { name: 'cli', run: runCliStartBench },
];

/** BENCH_ONLY=reports,sync runs just those suites (a helper timing its own rows on a shared machine). */
const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only.filter((name) => !suites.some((suite) => suite.name === name));
if (unknown.length > 0) {
  process.stderr.write(`BENCH_ONLY names no suite: ${unknown.join(', ')} (suites: ${suites.map((s) => s.name).join(', ')})\n`);
  process.exit(2);
}
const selected = only.length > 0 ? suites.filter((suite) => only.includes(suite.name)) : suites;

const formatNumber = (n: number | null): string => (n === null ? '—' : String(n));

const main = async (): Promise<void> => {
  const started = Date.now();
  const results: Array<BenchRow & { suite: string }> = [];
  for (const suite of selected) {
    process.stdout.write(`running ${suite.name}…\n`);
    try {
      for (const r of await suite.run()) results.push({ suite: suite.name, ...r });
    } catch (error) {
      results.push({ suite: suite.name, workload: `${suite.name} (failed)`, ours: Number.NaN, reference: null, unit: '', ratio: null, note: String(error) });
    }
  }
  const header = ['suite', 'workload', 'ours', 'reference', 'unit', 'ratio', 'target', 'note'];
  const lines = results.map((r) => [r.suite, r.workload, formatNumber(r.ours), formatNumber(r.reference), r.unit, formatNumber(r.ratio), r.target ?? '', r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const print = (cells: string[]) => process.stdout.write(`${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}\n`);
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  lines.forEach(print);
  const out = path.resolve(import.meta.dirname, 'results.json');
  fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), seconds: (Date.now() - started) / 1000, rows: results }, null, 2)}\n`);
  process.stdout.write(`\nwrote ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
};

await main();
