import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ApiFailure, validationFailure } from '../../../shared/contract/result';
import { probeIdSchema, probeTargetsSchema, type ProbeId, type ProbeResult } from '../../../shared/probes/probe-schemas';
import { appVersion } from '../../../shared/app-version';
import { describeCollectPlan } from '../../services/probes/collect-plan';
import { buildBundle } from '../../services/probes/bundle';
import { defaultProbeIds, probesById } from '../../services/probes/probe-registry';
import { runProbes } from '../../services/probes/run-probes';

const collectList = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
};

interface CollectOptions {
  probes?: string[];
  target?: string[];
  reflector?: string;
  iperf3?: string;
  loadedLatency?: string;
  ntp?: string;
  resolver?: string[];
  dnsName?: string[];
  aiEndpoint?: string[];
  mtuTarget?: string[];
  latencyCount?: number;
  latencyInterval?: number;
  gateway: boolean;
  seconds?: number;
  streams?: number;
  rpmUrl?: string;
  rpmHub?: string;
  rpmMode?: string;
  rpmSeconds?: number;
  out?: string;
  json?: boolean;
  case?: string;
  dataDir?: string;
}

/**
 * Attaching a bundle to a case needs the case database (SQLite, a native module); the single-file
 * collector has none, so the full CLI passes this in and the collector leaves --case out.
 */
/** Where the case history is and how its key is given (see cli-context's DataDirFlags). */
export interface CaseHistoryFlags {
  readonly dataDir?: string;
  readonly passphraseFile?: string;
}

export interface CaseAttacher {
  /** Throws (an ApiFailure) when the case does not exist, before any probe runs. */
  check(flags: CaseHistoryFlags, caseId: string): Promise<void>;
  attach(flags: CaseHistoryFlags, caseId: string, bundleText: string): Promise<{ caseId: string; runId: string }>;
}

/** --out names a file in a folder that exists, and not a folder itself. */
const assertWritableTarget = (out: string): void => {
  const dir = path.dirname(out);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ApiFailure('validation', `--out: the folder ${dir} does not exist; no probe was run.`);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new ApiFailure('validation', `--out: ${out} is a folder; give a file name in it. No probe was run.`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new ApiFailure('validation', `--out: the folder ${dir} is not writable (${(error as NodeJS.ErrnoException).code ?? 'refused'}); no probe was run.`);
  }
};

/** Written beside the target and renamed: a failed write leaves neither a partial file nor a half bundle. */
const writeBundleAtomically = (file: string, text: string): void => {
  const temp = `${file}.partial`;
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
};

const describeResult = (r: ProbeResult): string => `${r.status.padEnd(11)} ${r.title}: ${r.message}`;

export const collectCommand = (attacher?: CaseAttacher): Command => {
  const command = new Command('collect');
  if (attacher) {
    command.addOption(new Option('--data-dir <dir>', "the case history --case attaches the bundle to (default: GROUNDWORK_DATA_DIR, then the app's user-data folder)"));
    command.addOption(new Option('--passphrase-file <file>', 'passphrase mode for that case history (also GROUNDWORK_PASSPHRASE)'));
  }
  command
    .option('--probes <ids>', `comma-separated probe ids (default: ${defaultProbeIds.join(',')})`, collectList)
    .option('--target <host[:port]>', 'a latency target, TCP connect (repeatable)', collectList)
    .option('--reflector <host[:port]>', 'a groundwork reflector (UDP echo latency; throughput far end)')
    .option('--iperf3 <host[:port]>', 'an iperf3 server for the throughput probe')
    .option('--loaded-latency <host[:port]>', 'latency under load by TCP connect to this host (default: UDP echo to the reflector, else TCP connect to the iperf3 server)')
    .option('--ntp <server>', 'NTP server for the clock-offset probe')
    .option('--resolver <ip>', 'a DNS server to query directly (repeatable)', collectList)
    .option('--dns-name <name>', 'a name for the DNS probe (repeatable)', collectList)
    .option('--ai-endpoint <url>', 'an AI service URL to check (repeatable)', collectList)
    .option('--mtu-target <host>', 'a host for the path-MTU probe (repeatable; default: the gateway)', collectList)
    .option('--no-gateway', 'never contact the default gateway (latency, path MTU)')
    .option('--latency-count <n>', 'latency probes per target (default 200: one lost probe is 0.5 %)', positive)
    .option('--latency-interval <ms>', 'milliseconds between latency probes (default 20)', positive)
    .option('--seconds <n>', 'throughput seconds per direction', positive)
    .option('--streams <n>', 'throughput streams per direction', positive)
    .option('--rpm-url <url>', 'a responsiveness server on the internet (its /.well-known/nq URL): the responsiveness probe\'s internet segment')
    .option('--rpm-hub <url>', "the partner hub's address: the responsiveness probe's hub segment")
    .addOption(new Option('--rpm-mode <mode>', 'responsiveness runs: download and upload one after the other, both at once, or all three').choices(['both', 'sequential', 'concurrent']))
    .option('--rpm-seconds <n>', 'time limit of each responsiveness run (5–60, default 20)', positive)
    .option('--out <file>', 'where to write the bundle (default: groundwork-<host>-<time>.json here)')
    .option('--json', 'print the bundle to stdout (and write --out only if given)')
    .action(async (opts: CollectOptions) => {
      // A wrong case id should stop us before the probes run, not after.
      if (opts.case && attacher) await attacher.check(opts, opts.case);
      const ids: ProbeId[] = [];
      for (const id of opts.probes ?? defaultProbeIds) {
        const parsed = probeIdSchema.safeParse(id);
        if (!parsed.success) throw new ApiFailure('validation', `Unknown probe "${id}". Known probes: ${probeIdSchema.options.join(', ')}`);
        ids.push(parsed.data);
      }
      const targetsInput = {
        includeGateway: opts.gateway,
        ...(opts.target ? { hosts: opts.target } : {}),
        ...(opts.reflector ? { reflector: opts.reflector } : {}),
        ...(opts.iperf3 ? { iperf3: opts.iperf3 } : {}),
        ...(opts.loadedLatency ? { loadedLatencyTarget: opts.loadedLatency } : {}),
        ...(opts.ntp ? { ntpServer: opts.ntp } : {}),
        ...(opts.resolver ? { resolvers: opts.resolver } : {}),
        ...(opts.dnsName ? { dnsNames: opts.dnsName } : {}),
        ...(opts.aiEndpoint ? { aiEndpoints: opts.aiEndpoint } : {}),
        ...(opts.mtuTarget ? { mtuTargets: opts.mtuTarget } : {}),
        ...(opts.latencyCount ? { latencyCount: opts.latencyCount } : {}),
        ...(opts.latencyInterval ? { latencyIntervalMs: opts.latencyInterval } : {}),
        ...(opts.seconds ? { throughputSeconds: opts.seconds } : {}),
        ...(opts.streams ? { throughputStreams: Math.round(opts.streams) } : {}),
        ...(opts.rpmUrl ? { responsivenessUrl: opts.rpmUrl } : {}),
        ...(opts.rpmHub ? { responsivenessHub: opts.rpmHub } : {}),
        ...(opts.rpmMode ? { responsivenessMode: opts.rpmMode } : {}),
        ...(opts.rpmSeconds ? { responsivenessSeconds: opts.rpmSeconds } : {}),
      };
      const targets = probeTargetsSchema.safeParse(targetsInput);
      if (!targets.success) throw validationFailure(targets.error, 'targets');

      const out = opts.out ? path.resolve(opts.out) : undefined;
      // The bundle's folder is checked before minutes of probing, not found missing after them.
      if (out) assertWritableTarget(out);

      const probes = probesById(ids);
      process.stderr.write(`${describeCollectPlan(probes, targets.data).join('\n')}\n`);
      const controller = new AbortController();
      const onSignal = () => {
        process.stderr.write('\nCancelling…\n');
        controller.abort();
      };
      process.once('SIGINT', onSignal);
      const started = performance.now();
      const results = await runProbes(probes, {
        targets: targets.data,
        signal: controller.signal,
        onResult: (r) => process.stderr.write(`${describeResult(r)}\n`),
      });
      process.off('SIGINT', onSignal);
      if (controller.signal.aborted) throw new ApiFailure('conflict', 'Collection cancelled; no bundle was written.');

      const bundle = buildBundle({ results, targets: targets.data, toolVersion: appVersion });
      const text = `${JSON.stringify(bundle, null, 2)}\n`;
      const stamp = bundle.createdAt.replace(/[:.]/g, '-');
      const file = out ?? (opts.json ? undefined : path.resolve(`groundwork-${os.hostname().replace(/[^\w.-]/g, '_')}-${stamp}.json`));
      if (file) writeBundleAtomically(file, text);
      if (opts.case && attacher) {
        // The case can change while the probes run (completed, taken over); the bundle written
        // above is the site visit's only record, so it is kept and the refusal says where.
        const run = await attacher.attach(opts, opts.case, text).catch((error: unknown) => {
          if (!file || !(error instanceof ApiFailure)) throw error;
          throw new ApiFailure(error.code, `${error.message} The bundle is kept at ${file}; import it with: groundwork import ${JSON.stringify(file)} --case <case id>`, error.issues);
        });
        if (!opts.json) process.stdout.write(`Attached to case ${run.caseId} (run ${run.runId}).\n`);
      }
      if (opts.json) process.stdout.write(text);
      else {
        process.stdout.write(
          `Collected ${results.length} probe${results.length === 1 ? '' : 's'} in ${((performance.now() - started) / 1000).toFixed(1)} s.\n` +
            `Bundle: ${file}\nsha256: ${bundle.sha256}\n` +
            (opts.case ? '' : `Import it with: groundwork import ${JSON.stringify(file)} --case <case id>\n`),
        );
      }
      // The results are written: nothing the probes left behind may hold the process open. Every
      // socket and query is closed with its probe, but an OS call that cannot be cancelled (a
      // getaddrinfo inside a library, a stuck child) would keep the loop alive; an unref'd timer
      // fires only then, once stdout has drained, and never delays a clean exit.
      process.stdout.write('', () => {
        setTimeout(() => process.exit(process.exitCode ?? 0), 300).unref();
      });
    });
  if (attacher) {
    command.option('--case <id>', "also attach the bundle to this case in the local case history (on the engineer's own laptop)");
  }
  return command;
};
