import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTargetsSchema } from '../../../shared/probes/probe-schemas';
import { responsivenessBand, whereResponsivenessIsLost } from '../../../shared/probes/responsiveness';
import { fetchHubResponsivenessConfigUrl, fetchResponsivenessConfig } from '../../../electron/services/probes/responsiveness/rpm-client';
import { responsivenessProbe } from '../../../electron/services/probes/probes/responsiveness-probe';
import { startReflector, type RunningReflector } from '../../../electron/services/probes/throughput/reflector-server';
import { runProbe } from '../../../electron/services/probes/run-probes';
import { HubProcess, hubBin } from '../../support/hub-process';
import { freePort } from '../../support/postgres';
import { cliPath } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';
import { createShapedLink, netnsUnavailableReason, waitForOutput, type ShapedLink } from './shaped-link';

const loopbackEnv = { signal: new AbortController().signal, track: <T>(h: T) => h, lookup: async () => '127.0.0.1' };

describe('the hub serves the responsiveness test on its own port (real hub process)', () => {
  let hub: HubProcess;
  let plainHub: HubProcess;
  let reflector: RunningReflector;
  let rpmPort: number;
  beforeAll(async () => {
    rpmPort = await freePort();
    [hub, plainHub, reflector] = await Promise.all([
      HubProcess.start({ dataDir: tempDir(), databaseUrl: undefined }, ['--responsiveness-port', String(rpmPort)]),
      HubProcess.start({ dataDir: tempDir(), databaseUrl: undefined }),
      startReflector({ port: 0, host: '127.0.0.1' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([hub?.stop(), plainHub?.stop(), reflector?.close()]);
  });

  it('names its responsiveness port at /responsiveness, on the host the laptop used, and serves the draft\'s endpoints there', async () => {
    expect(hub.output).toContain(`responsiveness test on http://127.0.0.1:${rpmPort}/.well-known/nq`);
    const found = await fetchHubResponsivenessConfigUrl(loopbackEnv, hub.url);
    expect(found).toEqual({ configUrl: `http://127.0.0.1:${rpmPort}/.well-known/nq` });
    const byName = (await (await fetch(`http://localhost:${hub.port}/responsiveness`)).json()) as { configUrl: string };
    expect(byName.configUrl).toBe(`http://localhost:${rpmPort}/.well-known/nq`);
    const urls = await fetchResponsivenessConfig(loopbackEnv, found.configUrl as string);
    expect(urls).toMatchObject({ large: `http://127.0.0.1:${rpmPort}/api/v1/large`, small: `http://127.0.0.1:${rpmPort}/api/v1/small`, upload: `http://127.0.0.1:${rpmPort}/api/v1/upload` });
  });

  it('a hub started without it says so, and the probe measures the other segments and names the missing one', async () => {
    const response = await fetch(`${plainHub.url}/responsiveness`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'not_found', message: 'This hub does not serve the responsiveness test (start it with --responsiveness-port).' } });

    const result = await runProbe(responsivenessProbe, {
      targets: probeTargetsSchema.parse({ includeGateway: false, reflector: `127.0.0.1:${reflector.port}`, responsivenessHub: plainHub.url, responsivenessMode: 'concurrent', responsivenessSeconds: 5 }),
    });
    expect(result.status, result.message).toBe('ok');
    expect(result.metrics['responsiveness.lan_rpm']).toBeGreaterThan(0);
    expect(result.metrics['responsiveness.rpm']).toBe(result.metrics['responsiveness.lan_rpm']);
    expect(result.measurements?.['responsiveness.hub_rpm']).toMatchObject({
      state: 'not_measurable',
      reason: 'This hub does not serve the responsiveness test (start it with --responsiveness-port).',
    });
    expect(result.measurements?.['responsiveness.internet_rpm']).toMatchObject({ state: 'not_measurable', reason: 'not measured: no internet responsiveness server was given' });
    expect(result.message).toMatch(/By segment: the site's LAN \(reflector\) (High|Medium|Low) \(\d+ RPM, confidence \w+\); the partner's hub: not measured \(This hub does not serve/);
  });

  it('a wrong hub port fails that segment in plain words and keeps the rest', async () => {
    const dead = await freePort();
    const result = await runProbe(responsivenessProbe, {
      targets: probeTargetsSchema.parse({ includeGateway: false, reflector: `127.0.0.1:${reflector.port}`, responsivenessHub: `http://127.0.0.1:${dead}`, responsivenessMode: 'concurrent', responsivenessSeconds: 5 }),
    });
    expect(result.status).toBe('ok');
    expect(result.measurements?.['responsiveness.hub_rpm']).toMatchObject({ state: 'not_measurable', reason: `failed at the hub's answer against http://127.0.0.1:${dead}: connection refused` });
  });
});

const unavailable = netnsUnavailableReason();

/**
 * Two links from this laptop: one to a reflector on the "LAN" (a veth pair with no shaper), one to
 * a hub across a slow link with a deep buffer (10 Mbit/s behind a 1 s tbf queue, the bufferbloat
 * of an ISP router): loaded, its latency is in the hundreds of milliseconds (60 000 / 300 ms = 200
 * RPM, Low) however busy this machine is. What the unshaped LAN reads depends on the CPU this 2-core
 * machine has left (60–170 RPM with seven test runs beside it: the load generator and the probes
 * wait for the scheduler), so the test checks that each segment is measured, the headline is the
 * farthest, and the message says what the figures say; which pairs of bands count as a loss is the
 * unit test's (test/unit/probes/responsiveness-math.test.ts).
 */
describe.skipIf(unavailable !== null)('responsiveness by segment: a LAN reflector and a hub behind a bloated link (ip netns + tc tbf)', () => {
  let lan: ShapedLink;
  let wan: ShapedLink;
  const reflectorPort = 5299;
  const hubPort = 8787;
  const rpmPort = 8788;
  beforeAll(async () => {
    lan = createShapedLink(null, 0);
    wan = createShapedLink(10, 1000);
    const reflector = lan.spawnInside(process.execPath, [cliPath, 'reflector', '--port', String(reflectorPort), '--host', lan.remoteAddress]);
    const hub = wan.spawnInside(process.execPath, [hubBin, 'serve', '--data-dir', tempDir(), '--host', wan.remoteAddress, '--port', String(hubPort), '--responsiveness-port', String(rpmPort)]);
    await Promise.all([waitForOutput(reflector, /listening on/), waitForOutput(hub, /responsiveness test on/, 30_000)]);
  });
  afterAll(() => {
    lan?.teardown();
    wan?.teardown();
  });

  it('measures each segment, heads with the farthest, and says where the band drops', { timeout: 90_000 }, async () => {
    const result = await runProbe(responsivenessProbe, {
      targets: probeTargetsSchema.parse({
        includeGateway: false,
        reflector: `${lan.remoteAddress}:${reflectorPort}`,
        responsivenessHub: `http://${wan.remoteAddress}:${hubPort}`,
        responsivenessMode: 'concurrent',
        responsivenessSeconds: 8,
      }),
    });
    process.stdout.write(`segments: LAN ${result.metrics['responsiveness.lan_rpm']} RPM, hub ${result.metrics['responsiveness.hub_rpm']} RPM\n${result.message}\n`);
    expect(result.status, result.message).toBe('ok');
    const lanRpm = result.metrics['responsiveness.lan_rpm'] as number;
    const hubRpm = result.metrics['responsiveness.hub_rpm'] as number;
    expect(hubRpm).toBeLessThan(300);
    expect(lanRpm).toBeGreaterThan(0);
    // The headline is the farthest segment measured: the hub.
    expect(result.metrics['responsiveness.rpm']).toBe(hubRpm);
    expect(result.metrics['responsiveness.band']).toBe('Low');
    expect(result.message).toContain(`By segment: the site's LAN (reflector) ${responsivenessBand(lanRpm)} (${lanRpm} RPM, confidence `);
    expect(result.message).toContain(`the partner's hub Low (${hubRpm} RPM, confidence `);
    const lost = whereResponsivenessIsLost([
      { segment: 'lan', rpm: lanRpm },
      { segment: 'hub', rpm: hubRpm },
    ]);
    expect(result.message).toContain(lost ? "Responsiveness is lost between the site's LAN (reflector) and the partner's hub." : 'It holds from segment to segment.');
    expect(result.measurements?.['responsiveness.rpm']).toMatchObject({ state: 'measured', farEnd: { target: `${wan.remoteAddress}:${rpmPort}` } });
  });
});
