import fs from 'node:fs';
import { hostsOfCidr } from '../cidr';
import { timeTcpConnect } from '../net-helpers';
import { parseBsdArp, parseGetNetNeighborJson, parseIpNeigh, parseProcNetArp, parseWindowsArp, windowsArpHasTable, type Neighbour } from '../parsers/arp-output';
import { powershellArgs, windowsNeighbourScript } from '../parsers/powershell-output';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { runCommand, ToolMissing, whyNoAnswer, type SourceAttempt } from '../run-command';

export interface NeighbourTable {
  /** Null when no source could read the table (`why` says why). */
  readonly neighbours: Neighbour[] | null;
  readonly why?: string;
  readonly source: string;
  readonly attempts: SourceAttempt[];
}

/**
 * Windows: `Get-NetNeighbor` as JSON first (English property and state names in every display
 * language), `arp -a` (read in English, German and French) when PowerShell cannot answer.
 */
const windowsNeighbourTable = async (ctx: ProbeContext): Promise<NeighbourTable> => {
  const attempts: SourceAttempt[] = [];
  const psSource = 'PowerShell Get-NetNeighbor';
  try {
    const out = await runCommand(ctx, 'powershell', powershellArgs(windowsNeighbourScript), 6000);
    if (out.code === 0) return { neighbours: parseGetNetNeighborJson(out.stdout), source: psSource, attempts: [{ source: psSource, outcome: 'used' }] };
    attempts.push({ source: psSource, outcome: 'failed', why: whyNoAnswer('powershell', out, undefined, 6000) });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    // The text table below still answers; the result's details say why PowerShell did not.
    ctx.log.debug({ err: error }, 'neighbours probe: Get-NetNeighbor did not answer, using arp -a');
    attempts.push({ source: psSource, outcome: error instanceof ToolMissing ? 'missing' : 'failed', why: whyNoAnswer('powershell', null, error) });
  }
  const out = await runCommand(ctx, 'arp', ['-a'], 5000);
  // "No ARP entries found" is an empty table; any other output without a table is not a count of 0.
  const noEntries = /No ARP Entries Found|Keine ARP-Eintr.ge gefunden|Aucune entr.e ARP trouv.e/i.test(out.stdout + out.stderr);
  if (!windowsArpHasTable(out.stdout) && !noEntries) {
    const why = whyNoAnswer('arp', out, undefined, 5000);
    attempts.push({ source: 'arp -a', outcome: 'failed', why });
    return { neighbours: null, source: 'arp -a', attempts, why: `the neighbour table could not be read (${why})` };
  }
  attempts.push({ source: 'arp -a', outcome: 'used' });
  return { neighbours: parseWindowsArp(out.stdout), source: 'arp -a', attempts };
};

export const readNeighbourTable = async (ctx: ProbeContext): Promise<NeighbourTable> => {
  if (ctx.platform === 'linux') {
    try {
      return { neighbours: parseProcNetArp(fs.readFileSync('/proc/net/arp', 'utf8')), source: '/proc/net/arp', attempts: [{ source: '/proc/net/arp', outcome: 'used' }] };
    } catch (error) {
      // No /proc (a sandbox): the same table from `ip neigh`, and the result names that source.
      ctx.log.debug({ err: error }, 'neighbours probe: /proc/net/arp not readable, using ip neigh');
      const out = await runCommand(ctx, 'ip', ['neigh', 'show'], 3000);
      return { neighbours: parseIpNeigh(out.stdout), source: 'ip neigh', attempts: [{ source: '/proc/net/arp', outcome: 'failed', why: 'not readable here' }, { source: 'ip neigh', outcome: 'used' }] };
    }
  }
  // BSD arp prints the same words in every language.
  if (ctx.platform === 'darwin') return { neighbours: parseBsdArp((await runCommand(ctx, 'arp', ['-an'], 5000)).stdout), source: 'arp -an', attempts: [{ source: 'arp -an', outcome: 'used' }] };
  return windowsNeighbourTable(ctx);
};

const sweepConcurrency = 64;

/**
 * The neighbour table, and — only when the engineer authorised it for a stated scope — a TCP
 * connect sweep of that scope (any answer, even a refusal, shows a live host).
 */
export const neighboursProbe: ProbeDefinition = {
  id: 'neighbours',
  title: 'LAN neighbours',
  measures: ['neighbours.count', 'neighbours.sweep_responders'],
  platforms: allPlatforms,
  timeoutMs: (targets) => (targets.sweep ? 90_000 : 6000),
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const sweep = ctx.targets.sweep;
    let responders: string[] | null = null;
    if (sweep) {
      const hosts = hostsOfCidr(sweep.scope);
      const jobs = hosts.flatMap((host) => sweep.ports.map((port) => ({ host, port })));
      const alive = new Set<string>();
      let next = 0;
      let done = 0;
      const worker = async () => {
        while (next < jobs.length && !ctx.signal.aborted) {
          const job = jobs[next++] as { host: string; port: number };
          if (alive.has(job.host)) {
            done += 1;
            continue;
          }
          const timing = await timeTcpConnect(ctx, job.host, job.port, 500);
          if (timing) alive.add(job.host);
          done += 1;
          if (done % 16 === 0) ctx.progress((0.9 * done) / jobs.length, `swept ${done} of ${jobs.length}`);
        }
      };
      await Promise.all(Array.from({ length: Math.min(sweepConcurrency, jobs.length) }, worker));
      responders = [...alive].sort();
    }
    const table = await readNeighbourTable(ctx);
    const { source, attempts } = table;
    const neighbours = table.neighbours ?? [];
    ctx.progress(1, 'read the neighbour table');
    return {
      metrics: { 'neighbours.count': table.neighbours ? neighbours.length : null, 'neighbours.sweep_responders': responders ? responders.length : null },
      farEnd: { kind: 'lan_host', target: sweep ? sweep.scope : 'the local network' },
      reasons: { 'neighbours.sweep_responders': 'no sweep was authorised, so none ran', ...(table.why ? { 'neighbours.count': table.why } : {}) },
      details: {
        source,
        attempts,
        neighbours,
        sweep: sweep ? { authorisedBy: sweep.authorisedBy, scope: sweep.scope, reason: sweep.reason, ports: sweep.ports, responders } : null,
      },
      message: !table.neighbours
        ? `The neighbour table could not be read: ${table.why ?? 'no source answered'}.${sweep ? ` ${responders?.length ?? 0} hosts answered the sweep of ${sweep.scope} authorised by ${sweep.authorisedBy}.` : ''}`
        : sweep
        ? `${neighbours.length} neighbours in the table; ${responders?.length ?? 0} hosts answered the sweep of ${sweep.scope} authorised by ${sweep.authorisedBy}.`
        : `${neighbours.length} neighbours in the table (${source}); no sweep was run.`,
    };
  },
};
