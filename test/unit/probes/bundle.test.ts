import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/result';
import { probeTargetsSchema, type ProbeResult } from '../../../shared/probes/probe-schemas';
import { buildBundle, parseBundleText } from '../../../electron/services/probes/bundle';

const result: ProbeResult = {
  probeId: 'dns',
  title: 'DNS timing',
  status: 'ok',
  message: 'fine',
  startedAt: '2026-01-01T10:00:00.000Z',
  durationMs: 12,
  metrics: { 'dns.lookup_ms_p50': 3.2 },
  samples: [{ series: 'warm:os', t: 1, value: 3.2 }],
  details: {},
};

const bundle = () => buildBundle({ results: [result], targets: probeTargetsSchema.parse({ hosts: ['127.0.0.1:1'] }), toolVersion: '0.1.0' });

const refusal = (text: string): string => {
  try {
    parseBundleText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiFailure);
    return (error as ApiFailure).message;
  }
  throw new Error('the bundle was accepted');
};

describe('collector bundles', () => {
  it('round-trips and survives re-formatting and key reordering', () => {
    const b = bundle();
    expect(parseBundleText(JSON.stringify(b)).sha256).toBe(b.sha256);
    const reordered = Object.fromEntries(Object.entries(b).reverse());
    expect(parseBundleText(JSON.stringify(reordered, null, 2)).results).toEqual([result]);
  });

  it('refuses a truncated file', () => {
    const text = JSON.stringify(bundle());
    expect(refusal(text.slice(0, Math.floor(text.length * 0.7)))).toMatch(/truncated/);
  });

  it('refuses an altered file (hash mismatch)', () => {
    const b = bundle();
    const altered = { ...b, results: [{ ...result, metrics: { 'dns.lookup_ms_p50': 1.0 } }] };
    expect(refusal(JSON.stringify(altered))).toMatch(/altered after it was written/);
  });

  it('refuses a bundle from a newer Groundwork before anything else', () => {
    expect(refusal(JSON.stringify({ ...bundle(), schemaVersion: 99, results: 'new shape' }))).toMatch(/newer Groundwork \(bundle schema 99/);
  });

  it('refuses non-JSON, empty files and JSON that is not a bundle', () => {
    expect(refusal('PK\u0003\u0004 zip')).toMatch(/not JSON/);
    expect(refusal('')).toMatch(/empty/);
    expect(refusal('[1,2]')).toMatch(/not a Groundwork probe bundle/);
    expect(refusal(JSON.stringify({ ...bundle(), toolVersion: 7 }))).toMatch(/Invalid bundle: toolVersion/);
  });
});
