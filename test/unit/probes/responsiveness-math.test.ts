import { describe, expect, it } from 'vitest';
import {
  isStable,
  lowerConfidence,
  parseResponsivenessConfig,
  responsivenessBand,
  responsivenessConfidence,
  responsivenessLatencyMs,
  rpmFromLatency,
  trimmedMean,
} from '../../../shared/probes/responsiveness';
import { whereResponsivenessIsLost } from '../../../shared/probes/responsiveness';
import { probeTargetsSchema } from '../../../shared/probes/probe-schemas';
import { h2Window, loadWindowFloor, loadWindowFor, loadWindowSizer } from '../../../shared/probes/responsiveness-server';
import { describeThreshold, verdictFor } from '../../../shared/probes/verdicts';

describe('responsiveness arithmetic (draft-ietf-ippm-responsiveness)', () => {
  it('the trimmed mean keeps the fastest 95 % and drops the slowest 5 %', () => {
    const values = [...Array.from({ length: 95 }, () => 10), ...Array.from({ length: 5 }, () => 1000)];
    expect(trimmedMean(values)).toBe(10);
    // Shuffled input gives the same answer: it sorts.
    expect(trimmedMean([...values].reverse())).toBe(10);
    // Under 20 values nothing is dropped (5 % of 19 is not a whole value); 20 lose the slowest one.
    expect(trimmedMean([1, 2, 3])).toBe(2);
    expect(trimmedMean([...Array.from({ length: 19 }, () => 4), 400])).toBe(4);
    expect(trimmedMean([])).toBeNull();
  });

  it('stability needs 2·MAD−1 intervals and moving averages within 5 % of the latest', () => {
    expect(isStable([100, 100, 100, 100, 100, 100])).toBe(false);
    expect(isStable([100, 100, 100, 100, 100, 100, 100])).toBe(true);
    // Still ramping: each interval 20 % higher.
    expect(isStable([10, 12, 14.4, 17.3, 20.7, 24.9, 29.9, 35.8])).toBe(false);
    // Ramped, then flat for long enough.
    expect(isStable([10, 50, 90, 100, 100, 101, 99, 100, 100, 100, 100])).toBe(true);
    // A gap (no probe finished in an interval) inside the window is skipped, a window of gaps is not stable.
    expect(isStable([100, 100, 100, 100, null, 100, 100])).toBe(true);
    expect(isStable([null, null, null, null, null, null, null])).toBe(false);
  });

  it('latency is half foreign (mean of TCP, TLS, HTTP trimmed means) and half self; RPM = 60000 / ms', () => {
    const latency = responsivenessLatencyMs({ tcp: [30, 30], tls: [60, 60], http: [90, 90], self: [100, 100] });
    expect(latency).toBe((30 + 60 + 90) / 3 / 2 + 100 / 2);
    expect(rpmFromLatency(latency)).toBeCloseTo(60000 / 80, 6);
    // Cleartext: no TLS component, TCP and HTTP share the foreign half.
    expect(responsivenessLatencyMs({ tcp: [20], tls: [], http: [40], self: [60] })).toBe(30 / 2 + 60 / 2);
    expect(responsivenessLatencyMs({ tcp: [], tls: [], http: [], self: [] })).toBeNull();
    expect(rpmFromLatency(null)).toBeNull();
  });

  it('bands, confidence and the verdicts shown beside them', () => {
    expect(responsivenessBand(2400)).toBe('High');
    expect(responsivenessBand(1000)).toBe('High');
    expect(responsivenessBand(999)).toBe('Medium');
    expect(responsivenessBand(300)).toBe('Medium');
    expect(responsivenessBand(299)).toBe('Low');
    expect(verdictFor('responsiveness.band', 'High')).toBe('good');
    expect(verdictFor('responsiveness.band', 'Low')).toBe('problem');
    expect(verdictFor('responsiveness.rpm', 500)).toBe('watch');
    expect(describeThreshold('responsiveness.rpm', 'rpm')).toBe('good ≥ 1000 RPM, problem < 300 RPM');
    expect(responsivenessConfidence({ goodputStable: true, responsivenessStable: true, foreignProbes: 40, selfProbes: 40 })).toBe('High');
    expect(responsivenessConfidence({ goodputStable: true, responsivenessStable: true, foreignProbes: 4, selfProbes: 40 })).toBe('Medium');
    expect(responsivenessConfidence({ goodputStable: false, responsivenessStable: true, foreignProbes: 40, selfProbes: 40 })).toBe('Medium');
    expect(responsivenessConfidence({ goodputStable: false, responsivenessStable: false, foreignProbes: 40, selfProbes: 40 })).toBe('Low');
    expect(lowerConfidence('High', 'Medium')).toBe('Medium');
    expect(lowerConfidence('Low', 'High')).toBe('Low');
  });
});

describe('the /.well-known/nq configuration', () => {
  it('reads the field names goresponsiveness and networkQuality read (*_https_*), byte for byte as such a server publishes them', () => {
    // Shaped as goresponsiveness's config struct reads it: version, urls.{small,large}_https_download_url, urls.https_upload_url, test_endpoint.
    const text = '{"version":1,"urls":{"small_https_download_url":"https://nq.example.net/api/v1/gm/small","large_https_download_url":"https://nq.example.net/api/v1/gm/large","https_upload_url":"https://nq.example.net/api/v1/gm/slurp"},"test_endpoint":"nq-edge-7.example.net"}';
    const parsed = parseResponsivenessConfig(JSON.parse(text));
    expect(parsed).toEqual({
      ok: true,
      urls: { small: 'https://nq.example.net/api/v1/gm/small', large: 'https://nq.example.net/api/v1/gm/large', upload: 'https://nq.example.net/api/v1/gm/slurp', testEndpoint: 'nq-edge-7.example.net' },
    });
  });

  it("reads the draft's own names, and prefers them when both are present", () => {
    const parsed = parseResponsivenessConfig({
      version: 1,
      urls: { large_download_url: 'http://a/l', small_download_url: 'http://a/s', upload_url: 'http://a/u', large_https_download_url: 'https://b/l', small_https_download_url: 'https://b/s', https_upload_url: 'https://b/u' },
    });
    expect(parsed.ok && parsed.urls.large).toBe('http://a/l');
  });

  it('hostile or incomplete documents get a plain reason, never a throw', () => {
    expect(parseResponsivenessConfig(null)).toMatchObject({ ok: false });
    expect(parseResponsivenessConfig({ version: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/urls/) });
    expect(parseResponsivenessConfig({ urls: { large_download_url: 'http://a/l', small_download_url: 'http://a/s' } })).toEqual({ ok: false, reason: 'the configuration has no upload URL' });
    expect(parseResponsivenessConfig({ urls: { large_download_url: 'javascript:alert(1)', small_download_url: 'http://a/s', upload_url: 'http://a/u' } })).toMatchObject({ ok: false });
    expect(parseResponsivenessConfig({ urls: { large_download_url: 'file:///etc/passwd', small_download_url: 'http://a/s', upload_url: 'http://a/u' } })).toMatchObject({ ok: false });
    expect(parseResponsivenessConfig({ urls: { large_download_url: `http://a/${'é'.repeat(5000)}`, small_download_url: 'http://a/s', upload_url: 'http://a/u' } })).toMatchObject({ ok: true });
  });

  it('probe targets take only an http(s) config URL, a known mode and 5–60 s', () => {
    expect(probeTargetsSchema.parse({}).responsivenessMode).toBe('both');
    expect(probeTargetsSchema.parse({}).responsivenessSeconds).toBe(20);
    expect(probeTargetsSchema.safeParse({ responsivenessUrl: 'file:///etc/passwd' }).success).toBe(false);
    expect(probeTargetsSchema.safeParse({ responsivenessUrl: '<script>alert(1)</script>' }).success).toBe(false);
    expect(probeTargetsSchema.safeParse({ responsivenessMode: 'parallel' }).success).toBe(false);
    expect(probeTargetsSchema.safeParse({ responsivenessSeconds: 2 }).success).toBe(false);
    expect(probeTargetsSchema.safeParse({ responsivenessUrl: 'https://nq.example.net/.well-known/nq' }).success).toBe(true);
  });
});

describe('where responsiveness is lost, segment by segment', () => {
  const at = (lan: number | null, hub: number | null, internet: number | null) =>
    whereResponsivenessIsLost([
      { segment: 'lan', rpm: lan },
      { segment: 'hub', rpm: hub },
      { segment: 'internet', rpm: internet },
    ]);

  it('names the first pair going outward where the band drops', () => {
    // LAN 2 400 RPM (25 ms loaded: High), hub 200 (300 ms: Low): lost between LAN and hub, even
    // though the internet (150, Low) is lower still: it is no worse a band than the hub.
    expect(at(2400, 200, 150)).toEqual({ from: 'lan', to: 'hub' });
    // LAN High, hub 1 200 (High), internet 450 (Medium): lost past the hub.
    expect(at(2400, 1200, 450)).toEqual({ from: 'hub', to: 'internet' });
    // Medium (500) then Low (299): a drop too.
    expect(at(500, 299, null)).toEqual({ from: 'lan', to: 'hub' });
  });

  it('skips a segment that was not measured, and needs two measured segments', () => {
    // No hub figure: LAN High (1 000 is the High line) against internet Low (250).
    expect(at(1000, null, 250)).toEqual({ from: 'lan', to: 'internet' });
    expect(at(null, null, 250)).toBeNull();
    expect(at(2400, null, null)).toBeNull();
  });

  it('is null when the band holds or rises outward (a slow laptop LAN is not a loss beyond it)', () => {
    expect(at(1500, 1100, 1000)).toBeNull();
    expect(at(250, 600, 1500)).toBeNull();
    // 999 and 300 are both Medium: a fall within a band is not a drop of band.
    expect(at(999, 300, null)).toBeNull();
  });

  it('probe targets take an http(s) hub address only', () => {
    expect(probeTargetsSchema.safeParse({ responsivenessHub: 'https://hub.partner.example' }).success).toBe(true);
    expect(probeTargetsSchema.safeParse({ responsivenessHub: 'ftp://hub.partner.example' }).success).toBe(false);
    expect(probeTargetsSchema.safeParse({ responsivenessHub: '-o /tmp/x' }).success).toBe(false);
  });

  it('a load window is three round trips of what arrived, within the HTTP/2 default and 64 MiB', () => {
    // 20 Mbit/s over three connections (~0.83 bytes/µs each), 45 ms loaded round trip: ~110 kB.
    expect(loadWindowFor(833, 45)).toBe(Math.round(3 * 833 * 45));
    expect(loadWindowFor(0, 45)).toBe(loadWindowFloor);
    expect(loadWindowFor(1e9, 1000)).toBe(h2Window * 4);
  });

  it('a load window is resized once per round trip, grows while it is the limit and shrinks when the path is', () => {
    const set: number[] = [];
    const sizer = loadWindowSizer((bytes) => set.push(bytes), 0);
    // Before a round trip has passed nothing changes.
    sizer.update(64 * 1024, 200, 150);
    expect(set).toEqual([]);
    // A full 64 KiB window each 200 ms round trip (the window was the limit): 3x the bytes per round trip.
    sizer.update(64 * 1024, 200, 200);
    expect(set).toEqual([3 * 64 * 1024]);
    // The path then carries only 10 kB per round trip: cut back, but not below the floor.
    sizer.update(64 * 1024 + 10_000, 200, 400);
    expect(set).toEqual([3 * 64 * 1024, loadWindowFloor]);
    // The same size again sets nothing.
    sizer.update(64 * 1024 + 20_000, 200, 600);
    expect(set).toHaveLength(2);
  });
});
