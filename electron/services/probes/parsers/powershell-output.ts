import type { PingSummary } from './ping-output';

/**
 * Windows sources that do not depend on the display language: PowerShell objects as JSON (their
 * property names and enum values are English everywhere), where the text tools translate.
 */

/** PowerShell with no profile, its output in UTF-8 (else the console's OEM code page). */
export const powershellArgs = (script: string): string[] => [
  '-NoProfile',
  '-NonInteractive',
  '-ExecutionPolicy',
  'Bypass',
  '-Command',
  `[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ${script}`,
];

/** A host placed inside a PowerShell script: letters, digits and `.:-_%` only, never an option. */
export const psHost = (host: string): string => {
  if (!/^[A-Za-z0-9._:%-]{1,253}$/.test(host) || host.startsWith('-')) throw new RangeError(`"${host.slice(0, 40)}" is not a host name or address`);
  return host;
};

/**
 * Echo requests through .NET's Ping class rather than Test-Connection: Windows PowerShell 5.1's
 * Test-Connection drops lost echoes (they become error records) and PowerShell 7's has other
 * objects; this script gives one object per echo, lost ones included, with the status's name.
 */
export const windowsPingScript = (host: string, count: number, timeoutMs: number, intervalMs: number): string =>
  [
    `$p = New-Object System.Net.NetworkInformation.Ping`,
    `$r = @(for ($i = 1; $i -le ${Math.round(count)}; $i++) {`,
    `  try { $x = $p.Send('${psHost(host)}', ${Math.round(timeoutMs)}); [pscustomobject]@{ Status = [string]$x.Status; RoundtripTime = [long]$x.RoundtripTime; Error = $null } }`,
    `  catch { $e = $_.Exception; while ($e.InnerException) { $e = $e.InnerException }; [pscustomobject]@{ Status = 'Error'; RoundtripTime = $null; Error = [string]$(if ($e.SocketErrorCode) { $e.SocketErrorCode } else { $e.GetType().Name }) } }`,
    `  if ($i -lt ${Math.round(count)}) { Start-Sleep -Milliseconds ${Math.round(intervalMs)} }`,
    `})`,
    `ConvertTo-Json -InputObject $r -Compress`,
  ].join('\n');

interface EchoRow {
  readonly Status?: unknown;
  readonly StatusCode?: unknown;
  readonly RoundtripTime?: unknown;
  readonly Latency?: unknown;
  readonly ResponseTime?: unknown;
  readonly Error?: unknown;
}

const asRows = (json: string): EchoRow[] => {
  const parsed = JSON.parse(json.replace(/^\uFEFF/, '').trim() || '[]') as unknown;
  return (Array.isArray(parsed) ? parsed : [parsed]) as EchoRow[];
};

/** IPStatus.Success is 0 as a number (Test-Connection) and "Success" as our script's name. */
const succeeded = (row: EchoRow): boolean => row.Status === 'Success' || row.Status === 0 || (row.Status === undefined && row.StatusCode === 0);

/**
 * Echo objects as JSON: our script's (Status name, RoundtripTime), PowerShell 7's Test-Connection
 * (Status number, Latency) or 5.1's Win32_PingStatus (StatusCode, ResponseTime). Windows gives whole
 * milliseconds; 0 means under 1 ms and counts as half a millisecond, as `time<1ms` does.
 */
export const parsePowerShellPing = (json: string): PingSummary & { readonly error: string | null } => {
  const rows = asRows(json);
  const rtts: number[] = [];
  for (const row of rows) {
    if (!succeeded(row)) continue;
    const ms = Number(row.RoundtripTime ?? row.Latency ?? row.ResponseTime);
    if (Number.isFinite(ms)) rtts.push(ms === 0 ? 0.5 : ms);
  }
  const errors = rows.map((r) => (typeof r.Error === 'string' ? r.Error : null)).filter((e): e is string => e !== null);
  const hostNotFound = errors.includes('HostNotFound') || errors.includes('NoData');
  const unreachableStatus = rows.some((r) => typeof r.Status === 'string' && /Unreachable|NoResources|BadRoute/i.test(r.Status));
  return {
    sent: rows.length,
    received: rtts.length,
    lossPct: rows.length === 0 ? null : Math.round(((rows.length - rtts.length) / rows.length) * 100),
    rtts,
    minMs: rtts.length ? Math.min(...rtts) : null,
    avgMs: rtts.length ? rtts.reduce((a, b) => a + b, 0) / rtts.length : null,
    maxMs: rtts.length ? Math.max(...rtts) : null,
    unreachable: rtts.length === 0 && (hostNotFound || unreachableStatus),
    error: hostNotFound ? 'the name could not be resolved' : (errors[0] ?? null),
  };
};

export const windowsNeighbourScript =
  "Get-NetNeighbor -AddressFamily IPv4 -ErrorAction Stop | Select-Object IPAddress, LinkLayerAddress, @{ n = 'State'; e = { [string]$_.State } }, InterfaceAlias | ConvertTo-Json -Compress";

export const windowsIpInterfaceScript =
  "Get-NetIPInterface -AddressFamily IPv4 -ErrorAction Stop | Select-Object InterfaceAlias, InterfaceIndex, NlMtu, @{ n = 'ConnectionState'; e = { [string]$_.ConnectionState } }, @{ n = 'Dhcp'; e = { [string]$_.Dhcp } }, InterfaceMetric | ConvertTo-Json -Compress";

export interface WindowsIpInterface {
  readonly alias: string;
  readonly index: number;
  /** Null for the loopback pseudo-interface (it reports 2^32 − 1). */
  readonly mtu: number | null;
  readonly connected: boolean;
  readonly dhcp: boolean | null;
  readonly metric: number | null;
}

/** `Get-NetIPInterface` as JSON: per-interface IPv4 MTU, state, DHCP and route metric. */
export const parseGetNetIPInterfaceJson = (json: string): WindowsIpInterface[] =>
  (asRows(json) as Record<string, unknown>[])
    .filter((r) => typeof r.InterfaceAlias === 'string')
    .map((r) => {
      const mtu = Number(r.NlMtu);
      const state = String(r.ConnectionState);
      const dhcp = String(r.Dhcp);
      return {
        alias: r.InterfaceAlias as string,
        index: Number(r.InterfaceIndex),
        mtu: Number.isInteger(mtu) && mtu > 0 && mtu < 65_536 ? mtu : null,
        connected: state === 'Connected' || state === '1',
        dhcp: dhcp === 'Enabled' || dhcp === '1' ? true : dhcp === 'Disabled' || dhcp === '0' ? false : null,
        metric: Number.isFinite(Number(r.InterfaceMetric)) ? Number(r.InterfaceMetric) : null,
      };
    });

/**
 * `Get-PnpDevice -Class SecurityDevices -PresentOnly | Select-Object FriendlyName, InstanceId |
 * ConvertTo-Json`, which needs no elevation: a TPM 2.0 enumerates as ACPI\MSFT0101, a 1.2 one
 * carries the PNP0C31 compatible id. Null when the list could not be read.
 */
export const tpmOfPnpDevices = (json: string): boolean => {
  const rows = asRows(json) as { InstanceId?: unknown; HardwareID?: unknown; CompatibleID?: unknown }[];
  return rows.some((r) => /MSFT0101|PNP0C31/i.test([r.InstanceId, r.HardwareID, r.CompatibleID].flat().map(String).join(' ')));
};

/** `-InputObject @(...)`: an empty list prints `[]` rather than nothing, so "no TPM listed" is told apart from "no output". */
export const windowsTpmPnpScript =
  'ConvertTo-Json -Compress -InputObject @(Get-PnpDevice -Class SecurityDevices -PresentOnly -ErrorAction SilentlyContinue | Select-Object FriendlyName, InstanceId)';

/** Elevated only: `Get-Tpm` refuses an unelevated shell (access denied). */
export const windowsGetTpmScript = 'ConvertTo-Json -Compress -InputObject (Get-Tpm -ErrorAction Stop | Select-Object TpmPresent, TpmReady)';

/** `Get-Tpm`'s answer, or null when it printed no object (refused, or an error). */
export const parseGetTpmJson = (json: string): { present: boolean; ready: boolean | null } | null => {
  try {
    const [row] = asRows(json) as { TpmPresent?: unknown; TpmReady?: unknown }[];
    if (!row || typeof row.TpmPresent !== 'boolean') return null;
    return { present: row.TpmPresent, ready: typeof row.TpmReady === 'boolean' ? row.TpmReady : null };
  } catch (error) {
    // Not JSON: PowerShell printed its (localized) error text instead; the caller says why from the exit code.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
};

/**
 * The Wi-Fi adapters (NDIS physical medium 9, native 802.11) with their state as enum names,
 * which are English whatever the display language: the locale-independent answer to "is there
 * Wi-Fi, and is it connected". `TransmitLinkSpeed` is in bit/s.
 */
export const windowsWifiAdapterScript =
  "ConvertTo-Json -Compress -InputObject @(Get-NetAdapter -ErrorAction Stop | Where-Object { $_.NdisPhysicalMedium -eq 9 } | Select-Object Name, InterfaceDescription, @{ n = 'Status'; e = { [string]$_.Status } }, @{ n = 'MediaConnectionState'; e = { [string]$_.MediaConnectionState } }, TransmitLinkSpeed)";

export interface WindowsWifiAdapter {
  readonly name: string;
  readonly description: string | null;
  /** Disabled in Windows or switched off (airplane mode): the adapter is down, not merely unassociated. */
  readonly enabled: boolean;
  readonly connected: boolean;
  readonly txRateMbps: number | null;
}

export const parseWifiAdapterJson = (json: string): WindowsWifiAdapter[] =>
  (asRows(json) as Record<string, unknown>[])
    .filter((r) => typeof r.Name === 'string')
    .map((r) => {
      const status = String(r.Status);
      const media = String(r.MediaConnectionState);
      const bps = Number(r.TransmitLinkSpeed);
      const connected = media === 'Connected' || media === '1' || (media !== 'Disconnected' && status === 'Up');
      return {
        name: r.Name as string,
        description: typeof r.InterfaceDescription === 'string' ? r.InterfaceDescription : null,
        enabled: !/^(Disabled|Not Present)$/i.test(status),
        connected,
        txRateMbps: connected && Number.isFinite(bps) && bps > 0 ? Math.round(bps / 100_000) / 10 : null,
      };
    });
