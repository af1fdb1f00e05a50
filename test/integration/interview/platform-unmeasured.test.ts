import { describe, expect, it } from 'vitest';
import { probeTargetsSchema, type ProbeResult } from '../../../shared/probes/probe-schemas';
import { insertProbeResult, insertProbeRun } from '../../../electron/services/probes/probes-repository';
import { runProbe } from '../../../electron/services/probes/run-probes';
import { hardwareProbe } from '../../../electron/services/probes/probes/hardware-probe';
import { wifiProbe } from '../../../electron/services/probes/probes/wifi-probe';
import { buildReportSource } from '../../../electron/services/reports/build-report-source';
import { openTestServices } from '../../support/services';
import { failedWith, printed, recordedCommands, type RecordedRule } from '../../unit/probes/recorded-commands';

/** A real probe run on another platform, its tools answered from recorded outputs. */
const runAs = async (probe: typeof hardwareProbe, platform: NodeJS.Platform, rules: readonly RecordedRule[]): Promise<ProbeResult> =>
  runProbe(probe, { targets: probeTargetsSchema.parse({ includeGateway: false }), platform, commands: recordedCommands(rules).commands, gateway: async () => null });

describe('what a Windows or macOS probe could not measure reaches the Results and the report with its reason', () => {
  it('an unelevated German Windows laptop and a Spanish netsh: the TPM, secure boot and Wi-Fi signal each say why', async () => {
    const hardware = await runAs(hardwareProbe, 'win32', [
      { command: 'reg', answer: failedWith('reg-query-secureboot-missing-de.txt') },
      { command: 'powershell', argsInclude: 'Get-PnpDevice', answer: failedWith('powershell-get-pnpdevice-error-fr.txt') },
      { command: 'powershell', argsInclude: 'Get-Tpm', answer: failedWith('powershell-get-tpm-denied-de.txt') },
    ]);
    const wifi = await runAs(wifiProbe, 'win32', [
      { command: 'powershell', argsInclude: 'Get-NetAdapter', answer: printed('powershell-get-netadapter-wifi.json') },
      { command: 'netsh', answer: printed('wifi-windows-netsh-es.txt') },
    ]);
    const t = openTestServices();
    try {
      const c = await t.api.createCase({ customerName: 'Harbour Dental' });
      const startedAt = '2026-12-01T09:00:00.000Z';
      // Stored as a run is: the repository's writes go with their outbox rows in one transaction.
      t.services.db.transaction(() => {
        const runId = insertProbeRun(t.services.db, {
          caseId: c.id,
          probeIds: ['hardware', 'wifi'],
          targets: probeTargetsSchema.parse({}),
          source: 'collector',
          host: 'FRONTDESK-01',
          toolVersion: 'test',
          status: 'complete',
          startedAt,
          finishedAt: startedAt,
        });
        insertProbeResult(t.services.db, runId, hardware);
        insertProbeResult(t.services.db, runId, wifi);
      })();

      const score = await t.api.getCaseScore({ caseId: c.id });
      const reasons = Object.fromEntries(score.unmeasured.map((u) => [u.metric, u.reason]));
      expect(reasons['hardware.tpm_present']).toBe('TPM state needs an elevated shell: Get-Tpm was refused, and the device list gave no answer');
      expect(reasons['hardware.secure_boot']).toBe('Windows keeps no Secure Boot state on this machine (it booted in legacy BIOS mode, or the firmware has no Secure Boot)');
      expect(reasons['wifi.signal_dbm']).toMatch(/^netsh printed its fields in a language Groundwork does not read yet/);

      const source = buildReportSource(t.services, c.id);
      const listed = Object.fromEntries(source.unmeasured.map((u) => [u.name, u.reason]));
      expect(listed['TPM present']).toMatch(/^TPM state needs an elevated shell/);
      expect(listed['Wi-Fi signal']).toMatch(/language Groundwork does not read yet/);
      expect(JSON.stringify([score.unmeasured, source.unmeasured])).not.toMatch(/\bnull\b|\bundefined\b|NaN/);
    } finally {
      t.services.close();
    }
  });
});
