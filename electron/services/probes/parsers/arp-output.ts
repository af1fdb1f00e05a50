export interface Neighbour {
  readonly ip: string;
  readonly mac: string;
  readonly device: string | null;
}

const normaliseMac = (mac: string): string =>
  mac
    .toLowerCase()
    .replace(/-/g, ':')
    .split(':')
    .map((part) => part.padStart(2, '0'))
    .join(':');

/** Broadcast, multicast and all-zero entries are not neighbours. */
const isRealNeighbour = (ip: string, mac: string): boolean => {
  if (mac === '00:00:00:00:00:00' || mac === 'ff:ff:ff:ff:ff:ff') return false;
  if (mac.startsWith('01:00:5e') || mac.startsWith('33:33')) return false;
  const first = Number(ip.split('.')[0]);
  if (first >= 224 && first <= 239) return false;
  return !ip.endsWith('.255');
};

const keep = (list: Neighbour[]): Neighbour[] => {
  const seen = new Set<string>();
  return list.filter((n) => {
    const key = `${n.ip}|${n.mac}`;
    if (seen.has(key) || !isRealNeighbour(n.ip, n.mac)) return false;
    seen.add(key);
    return true;
  });
};

/** Linux /proc/net/arp: flags 0x2 = complete. */
export const parseProcNetArp = (text: string): Neighbour[] =>
  keep(
    text
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols.length >= 6 && (Number(cols[2]) & 0x2) !== 0)
      .map((cols) => ({ ip: cols[0] as string, mac: normaliseMac(cols[3] as string), device: cols[5] ?? null })),
  );

/** Linux `ip neigh`: entries with a link-layer address that are not FAILED/INCOMPLETE. */
export const parseIpNeigh = (text: string): Neighbour[] =>
  keep(
    text
      .split('\n')
      .map((line) => /^(\S+)\s+dev\s+(\S+)\s+lladdr\s+([0-9a-f:]+)(?:\s+router)?\s+(\S+)/i.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null && !/FAILED|INCOMPLETE/.test(m[4] as string))
      .map((m) => ({ ip: m[1] as string, mac: normaliseMac(m[3] as string), device: m[2] as string })),
  );

/** macOS/BSD `arp -an`: `? (192.168.1.1) at aa:bb:cc:dd:ee:ff on en0 ifscope [ethernet]`. */
export const parseBsdArp = (text: string): Neighbour[] =>
  keep(
    [...text.matchAll(/\((\d+\.\d+\.\d+\.\d+)\) at ([0-9a-f:]+) on (\S+)/gi)].map((m) => ({
      ip: m[1] as string,
      mac: normaliseMac(m[2] as string),
      device: m[3] as string,
    })),
  );

/**
 * Windows `arp -a` in any display language: per-interface tables of `address  physical  type`.
 * The interface line is "<word> : <address> --- 0x<n>" in every language (Interface,
 * Schnittstelle); a row is an address, a MAC and a type word (dynamic, dynamisch, dynamique,
 * dinámico...), so the type is not read: static rows are broadcast and multicast entries, which
 * `keep` drops, or hosts someone pinned, which are neighbours too.
 */
export const parseWindowsArp = (text: string): Neighbour[] => {
  const out: Neighbour[] = [];
  let device: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const iface = windowsArpInterface.exec(line);
    if (iface) {
      device = iface[1] as string;
      continue;
    }
    const row = /^\s+(\d+\.\d+\.\d+\.\d+)\s+([0-9a-f]{2}(?:-[0-9a-f]{2}){5})\s+\S/i.exec(line);
    if (row) out.push({ ip: row[1] as string, mac: normaliseMac(row[2] as string), device });
  }
  return keep(out);
};

const windowsArpInterface = /^\S[^:]*?\s*:\s*(\d+\.\d+\.\d+\.\d+)\s+---\s+0x[0-9a-f]+/i;

/** Whether an `arp -a` output holds a table at all (an interface line), so "no neighbours" is told from "not read". */
export const windowsArpHasTable = (text: string): boolean => text.split(/\r?\n/).some((line) => windowsArpInterface.test(line));

/** `Get-NetNeighbor` states that are learnt entries (arp -a's "dynamic"); numbers are the enum's values. */
const learntStates = new Set(['reachable', 'stale', 'delay', 'probe', '2', '3', '4', '5']);

/**
 * Windows `Get-NetNeighbor -AddressFamily IPv4 | Select-Object IPAddress, LinkLayerAddress,
 * State, InterfaceAlias | ConvertTo-Json`: the same table as arp -a, with English property
 * names and enum values whatever the display language.
 */
export const parseGetNetNeighborJson = (json: string): Neighbour[] => {
  const parsed = JSON.parse(json.replace(/^\uFEFF/, '').trim() || '[]') as unknown;
  const rows = (Array.isArray(parsed) ? parsed : [parsed]) as { IPAddress?: unknown; LinkLayerAddress?: unknown; State?: unknown; InterfaceAlias?: unknown }[];
  return keep(
    rows
      .filter((r) => typeof r.IPAddress === 'string' && typeof r.LinkLayerAddress === 'string' && /^[0-9a-f]{2}(?:-[0-9a-f]{2}){5}$/i.test(r.LinkLayerAddress))
      .filter((r) => learntStates.has(String(r.State).toLowerCase()))
      .map((r) => ({ ip: r.IPAddress as string, mac: normaliseMac(r.LinkLayerAddress as string), device: typeof r.InterfaceAlias === 'string' ? r.InterfaceAlias : null })),
  );
};
