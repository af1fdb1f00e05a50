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
