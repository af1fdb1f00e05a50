import fs from 'node:fs';
import si from 'systeminformation';
import { round } from '../../../../shared/probes/stats';
import { osSupported } from '../os-support';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { parseIbridgeJson, parseSecureBootRegQuery, saysAccessDenied } from '../parsers/hardware-output';
import { parseGetTpmJson, powershellArgs, tpmOfPnpDevices, windowsGetTpmScript, windowsTpmPnpScript } from '../parsers/powershell-output';
import { runCommand, ToolMissing, whyNoAnswer, type CommandOutput, type SourceAttempt } from '../run-command';

const gb = (bytes: number | null | undefined): number | null => (bytes ? round(bytes / 1024 ** 3, 1) : null);

/** Some facts only exist on some platforms; each is read without failing the probe. */
const settle = async <T>(ctx: ProbeContext, work: Promise<T>): Promise<T | null> => {
  try {
    return await work;
  } catch (error) {
    // The fact shows as "not available" in the result; the rest of the probe goes on.
    ctx.log.debug({ err: error }, 'hardware probe: a fact could not be read');
    return null;
  }
};

interface SecurityFacts {
  readonly tpm: boolean | null;
  readonly secureBoot: boolean | null;
  /** Why each one is null, in plain words. */
  readonly tpmWhy: string;
  readonly secureBootWhy: string;
  readonly sources: SourceAttempt[];
}

const linuxSecurity = (ctx: ProbeContext): SecurityFacts => {
  const sources: SourceAttempt[] = [];
  const tpm = fs.existsSync('/sys/class/tpm/tpm0') ? true : fs.existsSync('/sys/class/tpm') ? false : null;
  sources.push({ source: '/sys/class/tpm', outcome: tpm === null ? 'failed' : 'used' });
  let secureBoot: boolean | null = null;
  let secureBootWhy = 'the firmware exposes no Secure Boot variable (a legacy BIOS boot, or EFI variables not mounted)';
  try {
    const dir = '/sys/firmware/efi/efivars';
    const file = fs.readdirSync(dir).find((f) => f.startsWith('SecureBoot-'));
    if (file) {
      const data = fs.readFileSync(`${dir}/${file}`);
      secureBoot = data[data.length - 1] === 1;
    }
  } catch (error) {
    // No readable EFI variables (BIOS boot, no permission): Secure Boot shows as unknown, with why.
    ctx.log.debug({ err: error }, 'hardware probe: Secure Boot state not readable');
    if ((error as NodeJS.ErrnoException).code === 'EACCES') secureBootWhy = 'reading the EFI variables needs root on this machine';
  }
  sources.push({ source: '/sys/firmware/efi/efivars', outcome: secureBoot === null ? 'failed' : 'used' });
  return { tpm, secureBoot, tpmWhy: 'the kernel lists no TPM class (/sys/class/tpm is missing: no TPM driver, or a container)', secureBootWhy, sources };
};

/** One tool's run for a security fact; a missing tool or an error becomes its reason. */
const tryRun = async (ctx: ProbeContext, sources: SourceAttempt[], source: string, command: string, args: readonly string[], timeoutMs: number): Promise<{ out: CommandOutput | null; why: string }> => {
  try {
    const out = await runCommand(ctx, command, args, timeoutMs);
    return { out, why: whyNoAnswer(command, out, undefined, timeoutMs) };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    // The fact stays unknown with this reason; the other facts are still read.
    ctx.log.debug({ err: error, source }, 'hardware probe: a security fact could not be read');
    sources.push({ source, outcome: error instanceof ToolMissing ? 'missing' : 'failed', why: whyNoAnswer(command, null, error) });
    return { out: null, why: whyNoAnswer(command, null, error) };
  }
};

const secureBootKey = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecureBoot\\State';

/**
 * Windows: Secure Boot from the registry (the value line is the same in every language); the
 * TPM from the Plug and Play device list, which an unelevated shell may read, and from Get-Tpm
 * only when that list is not available (Get-Tpm needs an elevated shell).
 */
const windowsSecurity = async (ctx: ProbeContext): Promise<SecurityFacts> => {
  const sources: SourceAttempt[] = [];
  const regSource = 'reg query SecureBoot\\State';
  const [reg, pnp] = await Promise.all([
    tryRun(ctx, sources, regSource, 'reg', ['query', secureBootKey, '/v', 'UEFISecureBootEnabled'], 3000),
    tryRun(ctx, sources, 'PowerShell Get-PnpDevice', 'powershell', powershellArgs(windowsTpmPnpScript), 5000),
  ]);
  const secureBoot = reg.out?.code === 0 ? parseSecureBootRegQuery(reg.out.stdout) : null;
  let secureBootWhy = reg.why;
  if (reg.out) {
    sources.push({ source: regSource, outcome: secureBoot === null ? 'failed' : 'used', ...(secureBoot === null ? { why: reg.why } : {}) });
    // The key is missing where Windows booted without UEFI Secure Boot support.
    if (reg.out.code !== null && reg.out.code !== 0) secureBootWhy = 'Windows keeps no Secure Boot state on this machine (it booted in legacy BIOS mode, or the firmware has no Secure Boot)';
  }

  let tpm: boolean | null = null;
  let pnpWhy = pnp.why;
  if (pnp.out?.code === 0) {
    try {
      tpm = tpmOfPnpDevices(pnp.out.stdout);
      sources.push({ source: 'PowerShell Get-PnpDevice', outcome: 'used' });
    } catch (error) {
      // Not JSON (a localized error text): Get-Tpm is tried next, and the reason says what happened.
      pnpWhy = whyNoAnswer('powershell', null, error);
      sources.push({ source: 'PowerShell Get-PnpDevice', outcome: 'failed', why: pnpWhy });
    }
  } else if (pnp.out) sources.push({ source: 'PowerShell Get-PnpDevice', outcome: 'failed', why: pnpWhy });
  if (tpm !== null) return { tpm, secureBoot, tpmWhy: '', secureBootWhy, sources };
  if (!pnp.out) return { tpm, secureBoot, tpmWhy: `the TPM could not be checked: ${pnpWhy}`, secureBootWhy, sources };

  const getTpm = await tryRun(ctx, sources, 'PowerShell Get-Tpm', 'powershell', powershellArgs(windowsGetTpmScript), 3500);
  const answer = getTpm.out?.code === 0 ? parseGetTpmJson(getTpm.out.stdout) : null;
  if (answer) {
    sources.push({ source: 'PowerShell Get-Tpm', outcome: 'used' });
    return { tpm: answer.present, secureBoot, tpmWhy: '', secureBootWhy, sources };
  }
  const refused = getTpm.out ? saysAccessDenied(`${getTpm.out.stdout}\n${getTpm.out.stderr}`) : false;
  if (getTpm.out) sources.push({ source: 'PowerShell Get-Tpm', outcome: 'failed', why: getTpm.why });
  const tpmWhy = refused
    ? 'TPM state needs an elevated shell: Get-Tpm was refused, and the device list gave no answer'
    : `the TPM could not be checked: the device list gave no answer (${pnpWhy}) and Get-Tpm neither (${getTpm.why})`;
  return { tpm: null, secureBoot, tpmWhy, secureBootWhy, sources };
};

const macTpmWhy = 'Macs have no TPM: the Secure Enclave (in the T2 chip or Apple silicon) does its work, and macOS reports no TPM to check';

/**
 * macOS: the T2 chip's secure boot policy from system_profiler (no admin rights needed). Apple
 * silicon keeps its boot policy where only an administrator's tools (bputil) read it.
 */
const macSecurity = async (ctx: ProbeContext): Promise<SecurityFacts> => {
  const sources: SourceAttempt[] = [];
  const [ibridge, arm] = await Promise.all([
    tryRun(ctx, sources, 'system_profiler SPiBridgeDataType -json', 'system_profiler', ['SPiBridgeDataType', '-json'], 6000),
    tryRun(ctx, sources, 'sysctl hw.optional.arm64', 'sysctl', ['-n', 'hw.optional.arm64'], 2000),
  ]);
  // Intel Macs answer "unknown oid" (non-zero) or 0; Apple silicon 1, even under Rosetta.
  const appleSilicon = arm.out ? arm.out.code === 0 && arm.out.stdout.trim() === '1' : null;
  const base = { tpm: null, tpmWhy: macTpmWhy };
  if (appleSilicon) {
    sources.push({ source: 'sysctl hw.optional.arm64', outcome: 'used' });
    return { ...base, secureBoot: null, secureBootWhy: 'macOS does not expose secure boot state to unprivileged tools on Apple silicon (only bputil, as an administrator, reads the boot policy)', sources };
  }
  if (!ibridge.out || ibridge.out.code !== 0) {
    if (ibridge.out) sources.push({ source: 'system_profiler SPiBridgeDataType -json', outcome: 'failed', why: ibridge.why });
    return { ...base, secureBoot: null, secureBootWhy: `the secure boot policy could not be read: ${ibridge.why}`, sources };
  }
  let info;
  try {
    info = parseIbridgeJson(ibridge.out.stdout);
  } catch (error) {
    // Not JSON: an older system_profiler without -json; the reason says so.
    const why = whyNoAnswer('system_profiler', null, error);
    sources.push({ source: 'system_profiler SPiBridgeDataType -json', outcome: 'failed', why });
    return { ...base, secureBoot: null, secureBootWhy: `the secure boot policy could not be read: ${why}`, sources };
  }
  sources.push({ source: 'system_profiler SPiBridgeDataType -json', outcome: 'used' });
  if (info?.secureBoot !== undefined && info.secureBoot !== null) return { ...base, secureBoot: info.secureBoot, secureBootWhy: '', sources };
  if (info) return { ...base, secureBoot: null, secureBootWhy: `the ${info.chip ?? 'security chip'} reported a secure boot policy Groundwork does not know (${info.policy ?? 'none given'})`, sources };
  // No T2 and not Apple silicon: an Intel Mac without a security chip has no secure boot to enable.
  if (appleSilicon === false) return { ...base, secureBoot: false, secureBootWhy: '', sources };
  return { ...base, secureBoot: null, secureBootWhy: `no security chip is listed, and whether this is Apple silicon could not be told (${arm.why})`, sources };
};

const securityFacts = (ctx: ProbeContext): Promise<SecurityFacts> | SecurityFacts =>
  ctx.platform === 'win32' ? windowsSecurity(ctx) : ctx.platform === 'darwin' ? macSecurity(ctx) : linuxSecurity(ctx);

export const hardwareProbe: ProbeDefinition = {
  id: 'hardware',
  title: 'Hardware and OS',
  measures: [
    'hardware.cpu_cores',
    'hardware.cpu_physical_cores',
    'hardware.cpu_speed_ghz',
    'hardware.memory_gb',
    'hardware.memory_free_gb',
    'hardware.gpu_count',
    'hardware.gpu_vram_gb_max',
    'hardware.disk_free_gb',
    'hardware.disk_nvme_count',
    'hardware.disk_ssd_count',
    'hardware.disk_hdd_count',
    'hardware.os',
    'hardware.os_supported',
    'hardware.tpm_present',
    'hardware.secure_boot',
    'hardware.on_battery',
  ],
  platforms: allPlatforms,
  timeoutMs: 9000,
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    ctx.progress(0.05, 'reading CPU, memory and OS');
    const [cpu, mem, os] = await Promise.all([settle(ctx, si.cpu()), settle(ctx, si.mem()), settle(ctx, si.osInfo())]);
    ctx.progress(0.4, 'reading GPUs and disks');
    const [graphics, disks, fsSizes, battery, security] = await Promise.all([
      settle(ctx, si.graphics()),
      settle(ctx, si.diskLayout()),
      settle(ctx, si.fsSize()),
      settle(ctx, si.battery()),
      securityFacts(ctx),
    ]);
    ctx.progress(0.95, 'summarising');
    const gpus = (graphics?.controllers ?? []).map((g) => ({ vendor: g.vendor, model: g.model, vramMb: g.vram ?? null, dynamicVram: g.vramDynamic }));
    const dedicated = gpus.filter((g) => g.vramMb && g.vramMb > 0 && !g.dynamicVram).map((g) => g.vramMb as number);
    const diskList = (disks ?? []).map((d) => ({
      name: d.name,
      type: d.interfaceType === 'NVMe' || /nvme/i.test(d.device ?? '') ? 'NVMe' : d.type === 'SSD' ? 'SSD' : d.type === 'HD' ? 'HDD' : d.type || 'unknown',
      sizeGb: gb(d.size),
    }));
    // Count each file system once (bind mounts and overlays repeat the same device).
    const seen = new Set<string>();
    const volumes = (fsSizes ?? []).filter((f) => {
      if (seen.has(f.fs) || f.size === 0 || /^(tmpfs|devtmpfs|overlay|squashfs)$/i.test(f.type)) return false;
      seen.add(f.fs);
      return true;
    });
    const osName = os ? `${os.distro} ${os.release}`.trim() : null;
    return {
      metrics: {
        'hardware.cpu_cores': cpu?.cores ?? null,
        'hardware.cpu_physical_cores': cpu?.physicalCores ?? null,
        'hardware.cpu_speed_ghz': cpu?.speed ?? null,
        'hardware.memory_gb': gb(mem?.total),
        'hardware.memory_free_gb': gb(mem?.available),
        'hardware.gpu_count': graphics ? gpus.length : null,
        // Adapters were listed and none has memory of its own: 0 GB dedicated is a measured fact.
        'hardware.gpu_vram_gb_max': !graphics ? null : dedicated.length > 0 ? round(Math.max(...dedicated) / 1024, 1) : 0,
        'hardware.disk_free_gb': volumes.length > 0 ? gb(volumes.reduce((s, v) => s + v.available, 0)) : null,
        'hardware.disk_nvme_count': diskList.filter((d) => d.type === 'NVMe').length,
        'hardware.disk_ssd_count': diskList.filter((d) => d.type === 'SSD').length,
        'hardware.disk_hdd_count': diskList.filter((d) => d.type === 'HDD').length,
        'hardware.os': osName,
        'hardware.os_supported': os ? osSupported(`${os.distro} ${os.release}`, ctx.platform, os.release) : null,
        'hardware.tpm_present': security.tpm,
        'hardware.secure_boot': security.secureBoot,
        'hardware.on_battery': battery ? (battery.hasBattery ? !battery.acConnected : false) : null,
      },
      reasons: {
        'hardware.cpu_speed_ghz': 'the platform reports no nominal clock for this CPU (common in virtual machines and on some ARM chips)',
        'hardware.gpu_count': 'the graphics adapters could not be listed',
        'hardware.gpu_vram_gb_max': 'the graphics adapters could not be listed',
        'hardware.os_supported': 'this OS release is not in Groundwork\'s support table',
        'hardware.tpm_present': security.tpmWhy || 'the platform does not tell',
        'hardware.secure_boot': security.secureBootWhy || 'the platform does not tell',
        'hardware.disk_free_gb': 'no local file system reported its free space',
      },
      details: {
        cpu: cpu ? { brand: `${cpu.manufacturer} ${cpu.brand}`.trim(), cores: cpu.cores, physicalCores: cpu.physicalCores } : null,
        gpus,
        disks: diskList,
        volumes: volumes.map((v) => ({ mount: v.mount, type: v.type, sizeGb: gb(v.size), freeGb: gb(v.available) })),
        security: security.sources,
        os: os ? { distro: os.distro, release: os.release, kernel: os.kernel, arch: os.arch, hostname: os.hostname } : null,
      },
      message: [cpu ? `${cpu.cores} cores` : null, mem ? `${gb(mem.total)} GB memory` : null, `${gpus.length} GPU${gpus.length === 1 ? '' : 's'}`, osName]
        .filter(Boolean)
        .join(', '),
    };
  },
};
