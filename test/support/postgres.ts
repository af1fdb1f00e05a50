import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const binDir = process.env.GROUNDWORK_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  /** A connection string for a fresh, empty database in the cluster. */
  newDatabase(): Promise<string>;
  /** `pg_ctl -m fast stop`, as an operator's restart does: sessions are ended with 57P01. */
  pause(): void;
  /** Starts the same cluster again on the same port. */
  resume(): void;
  stop(): void;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export const postgresAvailable = (): boolean => fs.existsSync(path.join(binDir, 'initdb'));

/**
 * A throwaway PostgreSQL cluster on a loopback port: initdb into a temp directory, pg_ctl start,
 * stopped (and the directory removed) by stop(). As root the server runs as the `postgres` OS
 * user (PostgreSQL refuses root); otherwise as the current user.
 */
export interface StartPostgresOptions {
  /** Keep fsync and synchronous commit on, as a production server runs (the bench); tests turn them off. */
  readonly durable?: boolean;
}

export const startPostgres = async (options: StartPostgresOptions = {}): Promise<TestPostgres> => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-pg-'));
  const dataDir = path.join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (bin: string, args: string[]): void => {
    const command = asRoot ? 'runuser' : path.join(binDir, bin);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', path.join(binDir, bin), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${bin} failed: ${result.stderr || result.stdout || result.error?.message}`);
  };
  if (asRoot) execFileSync('chown', ['postgres:', root]);
  fs.chmodSync(root, 0o700);
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const start = (): void =>
    run('pg_ctl', [
      '-D', dataDir, '-l', path.join(root, 'log'), '-w', '-t', '60', 'start',
      '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 ${options.durable ? '' : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off '}-c max_connections=100`,
    ]);
  start();
  const base = `postgresql://postgres@127.0.0.1:${port}`;
  let n = 0;
  let stopped = false;
  return {
    newDatabase: async () => {
      n += 1;
      const name = `hub_test_${process.pid}_${n}`;
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `${base}/${name}`;
    },
    pause: () => run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
    resume: start,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        spawnSync(asRoot ? 'runuser' : path.join(binDir, 'pg_ctl'), [...(asRoot ? ['-u', 'postgres', '--', path.join(binDir, 'pg_ctl')] : []), '-D', dataDir, '-m', 'immediate', '-w', 'stop'], { timeout: 60_000 });
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
};
