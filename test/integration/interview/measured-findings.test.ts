import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/interview/score-types';
import { healthySite, recordRun, troubledSite } from '../../support/recorded-site';
import { openTestServices } from '../../support/services';

/** A case at a site, interviewed just enough for the rules that weigh measurements against plans. */
const siteCase = async (answers: Array<[string, unknown]>) => {
  const t = openTestServices();
  const created = await t.api.createCase({ customerName: 'Harbour Dental' });
  for (const [questionId, value] of answers) await t.api.answerQuestion({ caseId: created.id, questionId, value: value as never });
  return { ...t, caseId: created.id };
};

const plans: Array<[string, unknown]> = [
  ['strategy.use_case_types', ['copilots']],
  ['compute.local_inference', 'yes'],
];

const metricEvidence = (f: Finding) => f.evidence.filter((e) => e.kind === 'metric');

describe('measured problems become findings with their evidence', () => {
  it('a troubled site: every measured problem is a finding with metric, value, threshold and far end; the gates cap the level', async () => {
    const { api, services, caseId } = await siteCase(plans);
    recordRun(services.db, caseId, troubledSite);
    const score = await api.getCaseScore({ caseId });
    const byId = new Map(score.findings.map((f) => [f.id, f]));
    const ids = [...byId.keys()];
    expect(ids).toEqual(
      expect.arrayContaining([
        'network.measured_dns_failing', // 100 % failed ≥ 50 %
        'compute.measured_os_unsupported', // Windows 10 21H2
        'compute.measured_memory_small_copilot', // 7.7 GB < 15 GB with copilots in scope
        'compute.measured_memory_small_local', // 7.7 GB < 30 GB with local models planned
        'compute.measured_vram_small', // 0 GB dedicated < 8 GB with local models planned
        'compute.measured_disk_low', // 12.4 GB < 20 GB
        'network.measured_wifi_weak', // -78 dBm < -67 dBm
        'network.measured_wifi_24ghz', // 2.4 GHz < 5 GHz
        'network.measured_wifi_slow_rate', // 54 Mbit/s < 100 Mbit/s
        'network.measured_loss', // 3 % ≥ 1 % on the internet path
        'network.measured_jitter', // 45 ms ≥ 30 ms
        'network.measured_gateway_slow', // 35 ms > 20 ms to the gateway
        'network.high_latency', // 180 ms median, prefilled from the internet path, > 100 ms
        'operations.measured_clock_wrong', // +300 s > 30 s
        'network.measured_ai_unreachable', // 0 of 4
        'network.measured_tls_intercepted',
        'network.measured_lan_slow', // 45 Mbit/s < 100 Mbit/s to a LAN reflector
        'network.measured_single_path', // one gateway, one interface, no failover answered
      ]),
    );
    // The LAN reflector's figures never stand in for the internet line, and 100 % failing DNS is
    // not also "some lookups fail"; the clock off by minutes is not also "drifts".
    for (const absent of ['network.low_upload', 'network.bufferbloat', 'network.measured_dns_unreliable', 'operations.measured_clock_drift', 'network.slow_dns']) {
      expect(ids).not.toContain(absent);
    }

    expect(metricEvidence(byId.get('network.measured_loss')!)).toEqual([
      expect.objectContaining({
        metric: 'latency.loss_pct',
        label: 'Packet loss',
        value: 3,
        valueLabel: '3 %',
        threshold: '≥ 1 %',
        scope: 'internet',
        farEnd: { kind: 'internet_host', target: 'teams.microsoft.com:443' },
        state: 'measured',
      }),
    ]);
    expect(metricEvidence(byId.get('network.measured_wifi_weak')!)).toContainEqual(
      expect.objectContaining({ metric: 'wifi.signal_dbm', valueLabel: '-78 dBm', threshold: '< -67 dBm', scope: 'lan', farEnd: { kind: 'lan_host', target: 'access point of Reception' } }),
    );
    expect(metricEvidence(byId.get('operations.measured_clock_wrong')!)).toContainEqual(
      expect.objectContaining({ metric: 'ntp.offset_ms', valueLabel: '+300000 ms', threshold: '> 30000 ms', farEnd: { kind: 'internet_host', target: 'pool.ntp.org' } }),
    );
    expect(metricEvidence(byId.get('network.measured_dns_failing')!)).toEqual([expect.objectContaining({ metric: 'dns.failure_pct', valueLabel: '100 %', threshold: '≥ 50 %' })]);
    expect(metricEvidence(byId.get('network.measured_tls_intercepted')!)).toEqual([expect.objectContaining({ valueLabel: 'yes', threshold: '= yes', scope: 'ai_endpoints' })]);
    expect(metricEvidence(byId.get('network.measured_lan_slow')!)).toContainEqual(
      expect.objectContaining({ metric: 'throughput.download_mbps', valueLabel: '45 Mbit/s', scope: 'lan', farEnd: { kind: 'lan_host', target: '192.168.1.20:5299' } }),
    );
    // Every measured finding states its threshold in the words a customer reads.
    for (const f of score.findings.filter((x) => metricEvidence(x).length > 0)) expect(f.description, f.id).toMatch(/threshold/);

    // Two measured critical findings gate at Follower; the level is no better than that.
    const active = score.gates.filter((g) => g.active).map((g) => g.findingId);
    expect(active).toEqual(expect.arrayContaining(['network.measured_dns_failing', 'network.measured_ai_unreachable']));
    expect(['follower', 'laggard']).toContain(score.level);

    // What could not be measured is listed, never a pass or a fail: DNS lookup time (nothing answered).
    expect(score.unmeasured).toContainEqual(expect.objectContaining({ metric: 'dns.lookup_ms_p50', scope: 'internet', state: 'not_measurable', reason: 'no lookup was answered' }));
    const network = score.pillars.find((p) => p.pillarId === 'network')!;
    expect(network.contributions.find((c) => c.questionId === 'network.dns_ms')).toMatchObject({ status: 'unanswered', valueLabel: 'Could not be measured: no lookup was answered' });
    // The internet speed questions stay open: only the LAN was measured.
    expect(network.contributions.find((c) => c.questionId === 'network.upload_mbps')).toMatchObject({ status: 'unanswered', valueLabel: 'Not answered' });
    services.close();
  });

  it('the same site healthy: no findings at all', async () => {
    const { api, services, caseId } = await siteCase([...plans, ['network.wan_redundancy', 'auto_diverse']]);
    recordRun(services.db, caseId, healthySite);
    const score = await api.getCaseScore({ caseId });
    expect(score.findings.map((f) => f.id)).toEqual([]);
    expect(score.unmeasured).toEqual([]);
    // The internet figures answered the internet questions, from the iperf3 server they were measured against.
    const upload = score.pillars.find((p) => p.pillarId === 'network')!.contributions.find((c) => c.questionId === 'network.upload_mbps')!;
    expect(upload).toMatchObject({ source: 'measurement', value: 190, provenance: { scope: 'internet', farEnd: { kind: 'iperf3_server', target: 'speedtest.example.net:5201' } } });
    services.close();
  });
});
