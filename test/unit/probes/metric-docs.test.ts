import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricCatalog, metricNames } from '../../../shared/probes/metric-names';
import { allProbes } from '../../../electron/services/probes/probe-registry';

describe('metric names', () => {
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/metrics.md'), 'utf8');

  it('every catalogued metric is documented in docs/metrics.md, and nothing else is', () => {
    for (const name of metricNames) expect(doc, name).toContain(`\`${name}\``);
    const documented = [...doc.matchAll(/^\| `([a-z_]+\.[a-z0-9_]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...metricNames].sort());
  });

  it('every metric a probe declares is in the catalogue, dotted and lower-case', () => {
    for (const probe of allProbes) {
      for (const name of probe.measures) {
        expect(Object.prototype.hasOwnProperty.call(metricCatalog, name), `${probe.id}: ${name}`).toBe(true);
        expect(name).toMatch(/^[a-z]+\.[a-z0-9_]+$/);
      }
    }
  });
});

describe('every metric leads somewhere', () => {
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/metrics.md'), 'utf8');

  it('each catalogued metric feeds a built-in rule or prefill, or is informational with a reason — never both, never neither', async () => {
    const { builtinBank } = await import('../../../electron/services/interview/builtin-bank');
    const { conditionLeaves } = await import('../../../shared/interview/measured-evidence');
    const bank = builtinBank();
    const read = new Set<string>();
    for (const rule of bank.rules) for (const leaf of conditionLeaves(rule.when)) if (leaf.metric) read.add(leaf.metric);
    for (const p of bank.pillars) for (const s of p.sections) for (const q of s.questions) if (q.prefill) read.add(q.prefill.metric);
    for (const name of metricNames) {
      const info: { informational?: string } = metricCatalog[name];
      expect(read.has(name) !== (info.informational !== undefined), `${name}: read by the bank xor informational`).toBe(true);
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${name}\``)) ?? '';
      // The doc row says which rule or prefill reads it, or why none does.
      if (info.informational) expect(row, name).toContain('informational:');
      else for (const rule of bank.rules.filter((r) => conditionLeaves(r.when).some((l) => l.metric === name))) expect(row, name).toContain(`\`${rule.id}\``);
    }
  });
});
