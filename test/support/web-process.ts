import { spawn, type ChildProcess } from 'node:child_process';
import { cliPath } from './run-cli';

export interface WebProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly token: string;
  stop(): Promise<void>;
}

/** Starts `groundwork web` as its own process and waits for the address it prints. */
export const startWebProcess = (dataDir: string): Promise<WebProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'web', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`groundwork web did not start in time:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        child,
        url: match[1] as string,
        token: match[2] as string,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`groundwork web exited (${code}) before it was ready:\n${output}`));
    });
  });

/** One API call over the bridge, as the browser makes it. */
export const callBridge = async (url: string, token: string, channel: string, input: unknown, init: RequestInit = {}) => {
  const response = await fetch(`${url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
    ...init,
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
};
