import fs from 'node:fs';
import { hostsOfCidr } from '../cidr';
import { timeTcpConnect } from '../net-helpers';
import { parseBsdArp, parseIpNeigh, parseProcNetArp, parseWindowsArp, type Neighbour } from '../parsers/arp-output';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { runCommand } from '../run-command';

export const readNeighbourTable = async (ctx: ProbeContext): Promise<{ neighbours: Neighbour[]; source: string }> => {
  if (ctx.platform === 'linux') {
    try {
      return { neighbours: parseProcNetArp(fs.readFileSync('/proc/net/arp', 'utf8')), source: '/proc/net/arp' };
    } catch (error) {
      // No /proc (a sandbox): the same table from `ip neigh`, and the result names that source.
      ctx.log.debug({ err: error }, 'neighbours probe: /proc/net/arp not readable, using ip neigh');
      const out = await runCommand(ctx, 'ip', ['neigh', 'show'], 3000);
      return { neighbours: parseIpNeigh(out.stdout), source: 'ip neigh' };
    }
  }
  if (ctx.platform === 'darwin') return { neighbours: parseBsdArp((await runCommand(ctx, 'arp', ['-an'], 5000)).stdout), source: 'arp -an' };
  return { neighbours: parseWindowsArp((await runCommand(ctx, 'arp', ['-a'], 5000)).stdout), source: 'arp -a' };
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
    const { neighbours, source } = await readNeighbourTable(ctx);
    ctx.progress(1, 'read the neighbour table');
    return {
      metrics: { 'neighbours.count': neighbours.length, 'neighbours.sweep_responders': responders ? responders.length : null },
      farEnd: { kind: 'lan_host', target: sweep ? sweep.scope : 'the local network' },
      reasons: { 'neighbours.sweep_responders': 'no sweep was authorised, so none ran' },
      details: {
        source,
        neighbours,
        sweep: sweep ? { authorisedBy: sweep.authorisedBy, scope: sweep.scope, reason: sweep.reason, ports: sweep.ports, responders } : null,
      },
      message: sweep
        ? `${neighbours.length} neighbours in the table; ${responders?.length ?? 0} hosts answered the sweep of ${sweep.scope} authorised by ${sweep.authorisedBy}.`
        : `${neighbours.length} neighbours in the table (${source}); no sweep was run.`,
    };
  },
};
