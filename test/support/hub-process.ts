import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { freePort } from './postgres';
import { repoRoot } from './run-cli';

export const hubBin = path.join(repoRoot, 'bin/groundwork-hub');

export interface HubLocation {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
}

const envFor = (where: HubLocation): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (where.databaseUrl) env.DATABASE_URL = where.databaseUrl;
  return env;
};

/** Runs an admin command of `bin/groundwork-hub` against the given store, as an operator would. */
export const runHubCli = (where: HubLocation, args: readonly string[]): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [hubBin, ...args, '--data-dir', where.dataDir], { encoding: 'utf8', env: envFor(where), timeout: 60_000 });

export const hubCliOk = (where: HubLocation, args: readonly string[]): string => {
  const result = runHubCli(where, args);
  if (result.status !== 0) throw new Error(`groundwork-hub ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
};

/** A fresh one-time code: the last line the command prints. */
export const enrollCode = (where: HubLocation, partner: string, role: string): string =>
  hubCliOk(where, ['enroll-code', '--partner', partner, '--role', role]).trim().split('\n').at(-1) as string;

/**
 * A real hub process (`bin/groundwork-hub serve`) on a loopback port that stays the same across
 * restarts, so a device can be pointed at it once and the hub killed and started under it.
 */
export class HubProcess {
  private child: ChildProcess | undefined;
  /** Everything the current process wrote to stdout and stderr (its JSON log included). */
  output = '';
  readonly url: string;

  private constructor(
    readonly where: HubLocation,
    readonly port: number,
    private readonly extraArgs: readonly string[],
    scheme: string,
  ) {
    this.url = `${scheme}://127.0.0.1:${port}`;
  }

  static async start(where: HubLocation, extraArgs: readonly string[] = [], scheme = 'http'): Promise<HubProcess> {
    const hub = new HubProcess(where, await freePort(), extraArgs, scheme);
    await hub.restart();
    return hub;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves once it says it is listening. */
  restart(): Promise<void> {
    const child = spawn(process.execPath, [hubBin, 'serve', '--port', String(this.port), '--data-dir', this.where.dataDir, ...this.extraArgs], {
      env: envFor(this.where),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    return new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`hub did not start in time: ${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        this.output += chunk.toString();
        if (output.includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        this.output += chunk.toString();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`hub exited with ${code}: ${output}`));
      });
    });
  }

  /** Sends `signal` and resolves with the exit code once the process has ended. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }

  /** SIGKILL: no shutdown handler runs, as in a power cut or the OOM killer. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}
