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
  /** Swaps the shaper on both sides (null: none), keeping the namespace and what runs in it. */
  reshape(rateMbit: number | null, queueLatencyMs: number, burst?: string): void;
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

/**
 * `rateMbit` null leaves the link unshaped (no tbf on either side). `burst` is tbf's bucket: 32 kB
 * holds 100 Mbit/s; 1 Gbit/s needs about a timer tick's worth (256 kB) or tbf itself reads ~0.7 of it.
 */
export const createShapedLink = (rateMbit: number | null, queueLatencyMs: number, burst = '32kb'): ShapedLink => {
  const id = `${process.pid % 10000}${Math.floor(Math.random() * 90 + 10)}`;
  const ns = `gwns${id}`;
  const outside = `gwa${id}`;
  const inside = `gwb${id}`;
  const subnet = 1 + (Number(id) % 250);
  const localAddress = `10.231.${subnet}.1`;
  const remoteAddress = `10.231.${subnet}.2`;
  const children: ChildProcess[] = [];
  const shaper = (rate: number, latencyMs: number, bucket: string) => ['root', 'tbf', 'rate', `${rate}mbit`, 'burst', bucket, 'latency', `${latencyMs}ms`];
  /** `tc qdisc <verb> dev <each side> <spec>`: the same shaper on both sides' egress. */
  const tcBoth = (verb: 'add' | 'replace' | 'del', spec: readonly string[]) => {
    execFileSync('tc', ['qdisc', verb, 'dev', outside, ...spec], { stdio: 'pipe' });
    execFileSync('ip', ['netns', 'exec', ns, 'tc', 'qdisc', verb, 'dev', inside, ...spec], { stdio: 'pipe' });
  };
  let currentRate = rateMbit;
  ip(['netns', 'add', ns]);
  try {
    ip(['link', 'add', outside, 'type', 'veth', 'peer', 'name', inside]);
    ip(['link', 'set', inside, 'netns', ns]);
    ip(['addr', 'add', `${localAddress}/30`, 'dev', outside]);
    ip(['link', 'set', outside, 'up']);
    ip(['-n', ns, 'addr', 'add', `${remoteAddress}/30`, 'dev', inside]);
    ip(['-n', ns, 'link', 'set', inside, 'up']);
    ip(['-n', ns, 'link', 'set', 'lo', 'up']);
    if (rateMbit !== null) tcBoth('add', shaper(rateMbit, queueLatencyMs, burst));
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
    get rateMbit() {
      return currentRate;
    },
    reshape: (rate, latencyMs, bucket = '32kb') => {
      if (rate !== null) tcBoth('replace', shaper(rate, latencyMs, bucket));
      else if (currentRate !== null) tcBoth('del', ['root']);
      currentRate = rate;
    },
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

/**
 * The same, with a router namespace between us and the far end and the shaper on the router's two
 * egress links. A qdisc on the sender's own egress is held short by TCP Small Queues (a 200 ms tbf
 * queue reads ~20 ms there); a forwarding hop's queue fills the way a real bottleneck router's does.
 */
export const createRoutedShapedLink = (rateMbit: number, queueLatencyMs: number, burst = '32kb'): ShapedLink => {
  const id = `${process.pid % 10000}${Math.floor(Math.random() * 90 + 10)}`;
  const router = `gwrt${id}`;
  const ns = `gwns${id}`;
  const [hostSide, routerNear, routerFar, farSide] = [`gwa${id}`, `gwb${id}`, `gwc${id}`, `gwd${id}`];
  const subnet = 1 + (Number(id) % 250);
  const localAddress = `10.234.${subnet}.1`;
  const routerNearAddress = `10.234.${subnet}.2`;
  const routerFarAddress = `10.235.${subnet}.1`;
  const remoteAddress = `10.235.${subnet}.2`;
  const children: ChildProcess[] = [];
  const inRouter = (args: readonly string[]) => execFileSync('ip', ['netns', 'exec', router, ...args], { stdio: 'pipe' });
  const shape = (verb: 'add' | 'replace' | 'del', rate: number | null, latencyMs: number, bucket: string) => {
    const spec = rate === null ? ['root'] : ['root', 'tbf', 'rate', `${rate}mbit`, 'burst', bucket, 'latency', `${latencyMs}ms`];
    for (const dev of [routerNear, routerFar]) inRouter(['tc', 'qdisc', verb, 'dev', dev, ...spec]);
  };
  let currentRate: number | null = rateMbit;
  const teardown = () => {
    for (const child of children) child.kill('SIGKILL');
    try {
      ip(['link', 'del', hostSide]);
    } catch {
      // deleted with the router namespace, or never made
    }
    for (const name of [ns, router]) {
      try {
        ip(['netns', 'del', name]);
      } catch {
        // never made
      }
    }
  };
  try {
    ip(['netns', 'add', router]);
    ip(['netns', 'add', ns]);
    ip(['link', 'add', hostSide, 'type', 'veth', 'peer', 'name', routerNear]);
    ip(['link', 'set', routerNear, 'netns', router]);
    ip(['-n', router, 'link', 'add', routerFar, 'type', 'veth', 'peer', 'name', farSide]);
    ip(['-n', router, 'link', 'set', farSide, 'netns', ns]);
    ip(['addr', 'add', `${localAddress}/30`, 'dev', hostSide]);
    ip(['link', 'set', hostSide, 'up']);
    ip(['-n', router, 'addr', 'add', `${routerNearAddress}/30`, 'dev', routerNear]);
    ip(['-n', router, 'addr', 'add', `${routerFarAddress}/30`, 'dev', routerFar]);
    ip(['-n', router, 'link', 'set', routerNear, 'up']);
    ip(['-n', router, 'link', 'set', routerFar, 'up']);
    inRouter(['sysctl', '-qw', 'net.ipv4.ip_forward=1']);
    ip(['-n', ns, 'addr', 'add', `${remoteAddress}/30`, 'dev', farSide]);
    ip(['-n', ns, 'link', 'set', farSide, 'up']);
    ip(['-n', ns, 'link', 'set', 'lo', 'up']);
    ip(['-n', ns, 'route', 'add', 'default', 'via', routerFarAddress]);
    // Goes with hostSide on teardown.
    ip(['route', 'add', `10.235.${subnet}.0/30`, 'via', routerNearAddress]);
    shape('add', rateMbit, queueLatencyMs, burst);
  } catch (error) {
    teardown();
    throw error;
  }
  return {
    ns,
    localAddress,
    remoteAddress,
    get rateMbit() {
      return currentRate;
    },
    reshape: (rate, latencyMs, bucket = '32kb') => {
      if (rate !== null) shape('replace', rate, latencyMs, bucket);
      else if (currentRate !== null) shape('del', null, 0, bucket);
      currentRate = rate;
    },
    spawnInside: (command, args) => {
      const child = spawn('ip', ['netns', 'exec', ns, command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      return child;
    },
    execInside: (command, args, timeoutMs = 30_000) =>
      execFileSync('ip', ['netns', 'exec', ns, command, ...args], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] }),
    teardown,
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
