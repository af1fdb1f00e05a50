import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

/**
 * A link we shape ourselves: a network namespace joined to this one by a veth pair, with a
 * token-bucket shaper (tc tbf) on each side's egress. Traffic goes only to addresses we create.
 */
export interface ShapedLink {
  readonly ns: string;
  readonly localAddress: string;
  readonly remoteAddress: string;
  /** Null: no shaper, the veth pair's own (CPU-bound) rate. */
  readonly rateMbit: number | null;
  /** Runs a command inside the namespace (killed on teardown). */
  spawnInside(command: string, args: readonly string[]): ChildProcess;
  execInside(command: string, args: readonly string[], timeoutMs?: number): string;
  teardown(): void;
}

const ip = (args: readonly string[]) => execFileSync('ip', args, { stdio: 'pipe' });

/** Null when this machine does not let us create namespaces (not root, no CAP_NET_ADMIN, container limits). */
export const netnsUnavailableReason = (): string | null => {
  const probe = `gwprobe${process.pid % 100000}`;
  try {
    ip(['netns', 'add', probe]);
    ip(['netns', 'del', probe]);
    execFileSync('tc', ['-V'], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? 'ip netns failed';
  }
};

/** `rateMbit` null leaves the link unshaped (no tbf on either side). */
export const createShapedLink = (rateMbit: number | null, queueLatencyMs: number): ShapedLink => {
  const id = `${process.pid % 10000}${Math.floor(Math.random() * 90 + 10)}`;
  const ns = `gwns${id}`;
  const outside = `gwa${id}`;
  const inside = `gwb${id}`;
  const subnet = 1 + (Number(id) % 250);
  const localAddress = `10.231.${subnet}.1`;
  const remoteAddress = `10.231.${subnet}.2`;
  const children: ChildProcess[] = [];
  const shaper = ['root', 'tbf', 'rate', `${rateMbit}mbit`, 'burst', '32kb', 'latency', `${queueLatencyMs}ms`];
  ip(['netns', 'add', ns]);
  try {
    ip(['link', 'add', outside, 'type', 'veth', 'peer', 'name', inside]);
    ip(['link', 'set', inside, 'netns', ns]);
    ip(['addr', 'add', `${localAddress}/30`, 'dev', outside]);
    ip(['link', 'set', outside, 'up']);
    ip(['-n', ns, 'addr', 'add', `${remoteAddress}/30`, 'dev', inside]);
    ip(['-n', ns, 'link', 'set', inside, 'up']);
    ip(['-n', ns, 'link', 'set', 'lo', 'up']);
    if (rateMbit !== null) {
      execFileSync('tc', ['qdisc', 'add', 'dev', outside, ...shaper], { stdio: 'pipe' });
      execFileSync('ip', ['netns', 'exec', ns, 'tc', 'qdisc', 'add', 'dev', inside, ...shaper], { stdio: 'pipe' });
    }
  } catch (error) {
    try {
      ip(['link', 'del', outside]);
    } catch {
      // never created
    }
    ip(['netns', 'del', ns]);
    throw error;
  }
  return {
    ns,
    localAddress,
    remoteAddress,
    rateMbit,
    spawnInside: (command, args) => {
      const child = spawn('ip', ['netns', 'exec', ns, command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      return child;
    },
    execInside: (command, args, timeoutMs = 30_000) =>
      execFileSync('ip', ['netns', 'exec', ns, command, ...args], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] }),
    teardown: () => {
      for (const child of children) child.kill('SIGKILL');
      try {
        ip(['link', 'del', outside]);
      } catch {
        // deleted with the namespace
      }
      try {
        ip(['netns', 'del', ns]);
      } catch {
        // already gone
      }
    },
  };
};

/** Waits until a child prints a line matching `pattern` on stdout or stderr. */
export const waitForOutput = (child: ChildProcess, pattern: RegExp, timeoutMs = 15_000): Promise<void> =>
  new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got: ${seen.slice(-500)}`)), timeoutMs);
    const check = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}: ${seen.slice(-500)}`));
    });
  });

/** What stock `iperf3 -c` reads (receiver side) on the same link; retried if the server is between tests. */
export const iperfClientMbps = (host: string, port: number, options: { seconds: number; streams: number; reverse: boolean }): number => {
  let error = '';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let out: string;
    try {
      out = execFileSync(
        'iperf3',
        ['-c', host, '-p', String(port), '-t', String(options.seconds), '-P', String(options.streams), '-J', ...(options.reverse ? ['-R'] : [])],
        { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (failure) {
      // iperf3 -J exits non-zero on a failed test; its JSON still says why.
      out = String((failure as { stdout?: string }).stdout ?? '');
    }
    let parsed: { end?: { sum_received?: { bits_per_second: number } }; error?: string } = {};
    try {
      parsed = JSON.parse(out || '{}') as typeof parsed;
    } catch {
      parsed = { error: out.slice(0, 200) };
    }
    if (parsed.end?.sum_received) return parsed.end.sum_received.bits_per_second / 1e6;
    error = parsed.error ?? out.slice(0, 200);
    execFileSync('sleep', ['1']);
  }
  throw new Error(`iperf3 -c failed three times: ${error}`);
};
