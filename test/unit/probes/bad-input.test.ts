import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/result';
import { checkHostPort } from '../../../shared/probes/host-port';
import { bundleEncodingOf } from '../../../shared/probes/bundle-encoding';
import { probeTargetsSchema, type ProbeResult, type ProbeTargets } from '../../../shared/probes/probe-schemas';
import { buildBundle, parseBundleText } from '../../../electron/services/probes/bundle';
import { decodeBundleBytes } from '../../../electron/services/probes/read-bundle-file';
import { argvHost, dfPingCommand, pingCommand } from '../../../electron/services/probes/parsers/ping-output';
import { probesById } from '../../../electron/services/probes/probe-registry';
import { runProbes } from '../../../electron/services/probes/run-probes';
import { openTestServices } from '../../support/services';

const refusedTarget = (targets: Record<string, unknown>): string => {
  const parsed = probeTargetsSchema.safeParse(targets);
  expect(parsed.success).toBe(false);
  return parsed.error?.issues.map((i) => i.message).join('; ') ?? '';
};

describe('targets: ports 1–65535 and hosts that cannot read as options', () => {
  it('refuses out-of-range ports everywhere a target is taken, and says which', () => {
    expect(refusedTarget({ hosts: ['h:999999'] })).toMatch(/outside 1–65535/);
    expect(refusedTarget({ hosts: ['h:65536'] })).toMatch(/65536 is outside 1–65535/);
    expect(refusedTarget({ hosts: ['h:0'] })).toMatch(/0 is outside 1–65535/);
    expect(refusedTarget({ reflector: 'h:999999' })).toMatch(/outside/);
    expect(refusedTarget({ iperf3: '[::1]:70000' })).toMatch(/outside/);
    expect(refusedTarget({ ntpServer: 'h:' })).toMatch(/not a number/);
    expect(refusedTarget({ resolvers: ['10.0.0.1:abc'] })).toMatch(/must be a host name|not a number/);
  });

  it('accepts the edges and every address form', () => {
    const parsed = probeTargetsSchema.parse({ hosts: ['h:1', 'h:65535', '[::1]:5299', 'fe80::1', 'example.com'], reflector: '10.0.0.5:5299' });
    expect(parsed.hosts).toHaveLength(5);
    expect(checkHostPort('[::1]:5299')).toEqual({ ok: true, value: { host: '::1', port: 5299 } });
    expect(checkHostPort('fe80::1')).toEqual({ ok: true, value: { host: 'fe80::1', port: null } });
  });

  it('refuses a host that starts with "-" (it would reach ping as an option)', () => {
    expect(refusedTarget({ mtuTargets: ['-c'] })).toMatch(/starts with "-"/);
    expect(refusedTarget({ hosts: ['-oProxyCommand'] })).toMatch(/starts with "-"/);
    expect(refusedTarget({ dnsNames: ['-x'] })).toMatch(/never starts with "-"/);
    // Defence in depth: the command builders refuse too, whatever validated the target.
    expect(() => argvHost('-c')).toThrow(/not a host/);
    expect(() => pingCommand('linux', '-f', 3, 1000)).toThrow(RangeError);
    expect(() => dfPingCommand('darwin', '--help', 1400)).toThrow(RangeError);
    expect(pingCommand('linux', '10.0.0.1', 3, 1000)[1].at(-1)).toBe('10.0.0.1');
  });

  it('a bad port that bypassed the schema fails its own probe with the reason; the other probes still report', async () => {
    // Built by hand, not parsed: what a caller skipping validation would pass.
    const targets: ProbeTargets = { ...probeTargetsSchema.parse({ includeGateway: false }), hosts: ['127.0.0.1:999999'] };
    const results = await runProbes(probesById(['latency', 'hardware']), { targets });
    const latency = results.find((r) => r.probeId === 'latency') as ProbeResult;
    expect(latency.status).toBe('failed');
    expect(latency.message).toMatch(/999999 is outside 1–65535/);
    expect(results.find((r) => r.probeId === 'hardware')?.status).toBe('ok');
  });

  it('the contract refuses a run with a bad port and starts nothing', async () => {
    const t = openTestServices();
    try {
      const created = await t.api.createCase({ customerName: 'Contoso' });
      const error = await t.api.startProbeRun({ caseId: created.id, targets: { hosts: ['h:65536'] } }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiFailure);
      expect((error as ApiFailure).code).toBe('validation');
      expect(JSON.stringify((error as ApiFailure).issues)).toMatch(/65536 is outside 1–65535/);
      expect((t.services.db.prepare('SELECT count(*) AS n FROM probe_runs').get() as { n: number }).n).toBe(0);
    } finally {
      t.services.close();
    }
  });
});

describe('bundles in every encoding Windows tools write', () => {
  const result: ProbeResult = {
    probeId: 'dns',
    title: 'DNS timing',
    status: 'ok',
    message: 'Zürich résolveur 名前',
    startedAt: '2026-01-01T10:00:00.000Z',
    durationMs: 12,
    metrics: { 'dns.lookup_ms_p50': 3.2 },
    samples: [],
    details: {},
  };
  const text = `${JSON.stringify(buildBundle({ results: [result], targets: probeTargetsSchema.parse({}), toolVersion: '0.1.0' }), null, 2)}\n`;
  const utf16be = (s: string): Buffer => {
    const le = Buffer.from(s, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
    return le;
  };
  const encodings: [string, Buffer][] = [
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16LE with BOM (PowerShell 5 >)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
    ['UTF-16LE without BOM', Buffer.from(text, 'utf16le')],
    ['UTF-16BE without BOM', utf16be(text)],
  ];

  it.each(encodings)('%s decodes to the same bundle, hash intact, non-ASCII text intact', (_name, bytes) => {
    const parsed = parseBundleText(decodeBundleBytes(bytes));
    expect(parsed.results[0]?.message).toBe('Zürich résolveur 名前');
  });

  it('a BOM left on the text by another decoder is not taken for JSON', () => {
    expect(parseBundleText(`\uFEFF${text}`).results).toHaveLength(1);
  });

  it('names the encoding it detected, and refuses bytes invalid in it', () => {
    expect(bundleEncodingOf(new Uint8Array([0xff, 0xfe, 0x7b, 0x00])).encoding).toBe('utf-16le');
    expect(bundleEncodingOf(new Uint8Array([0x7b, 0x0a])).encoding).toBe('utf-8');
    expect(() => decodeBundleBytes(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]))).toThrow(/not valid UTF-8/);
  });
});
