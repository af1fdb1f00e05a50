import fs from 'node:fs';
import si from 'systeminformation';
import { round } from '../../../../shared/probes/stats';
import { osSupported } from '../os-support';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { runCommand } from '../run-command';

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

const linuxSecureBoot = (ctx: ProbeContext): boolean | null => {
  try {
    const dir = '/sys/firmware/efi/efivars';
    const file = fs.readdirSync(dir).find((f) => f.startsWith('SecureBoot-'));
    if (!file) return null;
    const data = fs.readFileSync(`${dir}/${file}`);
    return data[data.length - 1] === 1;
  } catch (error) {
    // No readable EFI variables (BIOS boot, no permission): Secure Boot shows as unknown.
    ctx.log.debug({ err: error }, 'hardware probe: Secure Boot state not readable');
    return null;
  }
};

const tpmAndSecureBoot = async (ctx: ProbeContext): Promise<{ tpm: boolean | null; secureBoot: boolean | null }> => {
  if (ctx.platform === 'linux') {
    return { tpm: fs.existsSync('/sys/class/tpm/tpm0') ? true : fs.existsSync('/sys/class/tpm') ? false : null, secureBoot: linuxSecureBoot(ctx) };
  }
  if (ctx.platform === 'win32') {
    const state = await settle(ctx, runCommand(ctx, 'reg', ['query', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecureBoot\\State', '/v', 'UEFISecureBootEnabled'], 3000));
    const match = state ? /UEFISecureBootEnabled\s+REG_DWORD\s+0x(\d+)/i.exec(state.stdout) : null;
    // Get-Tpm needs an elevated shell; without one the answer stays unknown rather than guessed.
    const tpm = await settle(ctx, runCommand(ctx, 'powershell', ['-NoProfile', '-NonInteractive', '-Command', '(Get-Tpm).TpmPresent'], 6000));
    const tpmText = tpm?.code === 0 ? tpm.stdout.trim().toLowerCase() : '';
    return { tpm: tpmText === 'true' ? true : tpmText === 'false' ? false : null, secureBoot: match ? match[1] !== '0' : null };
  }
  // macOS: every Apple-silicon and T2 Mac has a secure enclave; the settings are not readable without admin.
  return { tpm: null, secureBoot: null };
};

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
      tpmAndSecureBoot(ctx),
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
        'hardware.tpm_present': ctx.platform === 'win32' ? 'reading the TPM needs an elevated shell' : 'the platform does not tell without admin rights',
        'hardware.secure_boot': 'the firmware setting is not readable here',
        'hardware.disk_free_gb': 'no local file system reported its free space',
      },
      details: {
        cpu: cpu ? { brand: `${cpu.manufacturer} ${cpu.brand}`.trim(), cores: cpu.cores, physicalCores: cpu.physicalCores } : null,
        gpus,
        disks: diskList,
        volumes: volumes.map((v) => ({ mount: v.mount, type: v.type, sizeGb: gb(v.size), freeGb: gb(v.available) })),
        os: os ? { distro: os.distro, release: os.release, kernel: os.kernel, arch: os.arch, hostname: os.hostname } : null,
      },
      message: [cpu ? `${cpu.cores} cores` : null, mem ? `${gb(mem.total)} GB memory` : null, `${gpus.length} GPU${gpus.length === 1 ? '' : 's'}`, osName]
        .filter(Boolean)
        .join(', '),
    };
  },
};
