/**
 * Was a throughput figure limited by a CPU rather than by the link? Each end's CPU use is given in
 * percent of one core over the test (user + system time / wall time, as iperf3 reports its
 * cpu_util_total), so 100 is one core fully busy and a multi-threaded process can read above 100.
 * An end at or above the threshold could not have gone faster: the rate reads as a lower bound of
 * what the link carries.
 */

/** 90 % of one core: near enough to saturation that the event loop (or iperf3's one thread) is the limit. */
export const cpuBoundThresholdPct = 90;

/** Percent of one core from a process.cpuUsage() difference (microseconds) over `wallMs`; null without a span. */
export const cpuPercentOfOneCore = (usage: { readonly user: number; readonly system: number }, wallMs: number): number | null =>
  wallMs > 0 ? Math.round(((usage.user + usage.system) / 1000 / wallMs) * 1000) / 10 : null;

export type CpuEnd = 'client' | 'server';

export interface CpuBoundReading {
  /** Our process, percent of one core; null when not measured. */
  readonly clientPct: number | null;
  /** The far end's own figure (iperf3's results exchange); null when the far end does not report one. */
  readonly serverPct: number | null;
  /** The ends at or above the threshold. */
  readonly bound: readonly CpuEnd[];
  /** A sentence for the message when an end was CPU-bound; null otherwise. */
  readonly text: string | null;
}

const endName: Record<CpuEnd, string> = { client: 'this laptop', server: 'the far end' };

export const cpuBoundReading = (clientPct: number | null, serverPct: number | null, thresholdPct = cpuBoundThresholdPct): CpuBoundReading => {
  const bound: CpuEnd[] = [];
  if (clientPct !== null && clientPct >= thresholdPct) bound.push('client');
  if (serverPct !== null && serverPct >= thresholdPct) bound.push('server');
  const figure = (pct: number | null, missing: string) => (pct === null ? missing : `at ${pct} % of one core`);
  const figures = `this laptop ${figure(clientPct, 'not measured')}, the far end ${figure(serverPct, 'not reporting its CPU')}`;
  const text =
    bound.length === 0
      ? null
      : `${bound.map((end) => endName[end]).join(' and ')} ${bound.length === 1 ? 'was' : 'were'} CPU-bound (${figures}; ${thresholdPct} % or more counts), so the rate is a lower bound of what the link carries`;
  return { clientPct, serverPct, bound, text };
};
