import { execFileSync } from 'node:child_process';

/**
 * A routed path we build ourselves: this namespace → a router namespace (veth, MTU 1500) → one
 * far namespace per far link, each with its own MTU, IPv4 and IPv6. The router forwards and so
 * sends "fragmentation needed" / "packet too big" like a real one. A far end can be silent
 * (answers no echo), to stand for a target that times out.
 */
export interface FarLink {
  readonly mtu: number;
  readonly v4: string;
  /** Null below 1280 bytes, where IPv6 cannot run. */
  readonly v6: string | null;
}

export interface RoutedPath {
  readonly router: string;
  readonly far: readonly FarLink[];
  teardown(): void;
}

const run = (args: readonly string[]) => execFileSync(args[0] as string, args.slice(1), { stdio: 'pipe' });

export interface RoutedPathOptions {
  /** The router's ICMP errors never reach us (a policy rule black-holes its own ICMP): a PMTU black hole, IPv4. */
  readonly icmpBlackHole?: boolean;
}

export const createRoutedPath = (farLinks: readonly { mtu: number; silent?: boolean }[], options: RoutedPathOptions = {}): RoutedPath => {
  const id = `${process.pid % 1000}${Math.floor(Math.random() * 90 + 10)}`;
  const s = 1 + (Number(id) % 250);
  const router = `gwr${id}`;
  const outside = `gwra${id}`;
  const namespaces = [router];
  const far: FarLink[] = [];
  const teardown = () => {
    try {
      run(['ip', 'link', 'del', outside]);
    } catch {
      // deleted with the router namespace, or never made
    }
    for (const ns of namespaces) {
      try {
        run(['ip', 'netns', 'del', ns]);
      } catch {
        // never made
      }
    }
  };
  try {
    run(['ip', 'netns', 'add', router]);
    run(['ip', 'link', 'add', outside, 'type', 'veth', 'peer', 'name', `gwrb${id}`]);
    run(['ip', 'link', 'set', `gwrb${id}`, 'netns', router]);
    run(['ip', 'addr', 'add', `10.232.${s}.1/30`, 'dev', outside]);
    run(['ip', '-6', 'addr', 'add', `fd00:232:${s}::1/64`, 'dev', outside, 'nodad']);
    run(['ip', 'link', 'set', outside, 'up']);
    run(['ip', '-n', router, 'addr', 'add', `10.232.${s}.2/30`, 'dev', `gwrb${id}`]);
    run(['ip', '-n', router, '-6', 'addr', 'add', `fd00:232:${s}::2/64`, 'dev', `gwrb${id}`, 'nodad']);
    run(['ip', '-n', router, 'link', 'set', `gwrb${id}`, 'up']);
    // Before any far link exists: links made later take conf.default, not conf.all.
    run(['ip', 'netns', 'exec', router, 'sysctl', '-qw', 'net.ipv4.ip_forward=1', 'net.ipv6.conf.default.forwarding=1', 'net.ipv6.conf.all.forwarding=1']);
    farLinks.forEach((link, i) => {
      const ns = `gwf${id}${i}`;
      namespaces.push(ns);
      const [r, f] = [`gwrc${id}${i}`, `gwrd${id}${i}`];
      const v4 = `10.233.${s}.${4 * i + 2}`;
      const v6 = `fd00:233:${s}:${i}::2`;
      run(['ip', 'netns', 'add', ns]);
      run(['ip', '-n', router, 'link', 'add', r, 'type', 'veth', 'peer', 'name', f]);
      run(['ip', '-n', router, 'link', 'set', f, 'netns', ns]);
      run(['ip', '-n', router, 'link', 'set', r, 'mtu', String(link.mtu), 'up']);
      run(['ip', '-n', router, 'addr', 'add', `10.233.${s}.${4 * i + 1}/30`, 'dev', r]);
      // IPv6 needs 1280 on every link: a smaller far link is IPv4 only.
      const v6Capable = link.mtu >= 1280;
      if (v6Capable) run(['ip', '-n', router, '-6', 'addr', 'add', `fd00:233:${s}:${i}::1/64`, 'dev', r, 'nodad']);
      run(['ip', '-n', ns, 'link', 'set', f, 'mtu', String(link.mtu), 'up']);
      run(['ip', '-n', ns, 'link', 'set', 'lo', 'up']);
      run(['ip', '-n', ns, 'addr', 'add', `${v4}/30`, 'dev', f]);
      if (v6Capable) run(['ip', '-n', ns, '-6', 'addr', 'add', `${v6}/64`, 'dev', f, 'nodad']);
      run(['ip', '-n', ns, 'route', 'add', 'default', 'via', `10.233.${s}.${4 * i + 1}`]);
      if (v6Capable) run(['ip', '-n', ns, '-6', 'route', 'add', 'default', 'via', `fd00:233:${s}:${i}::1`]);
      if (link.silent) run(['ip', 'netns', 'exec', ns, 'sysctl', '-qw', 'net.ipv4.icmp_echo_ignore_all=1', 'net.ipv6.icmp.echo_ignore_all=1']);
      far.push({ mtu: link.mtu, v4, v6: v6Capable ? v6 : null });
    });
    if (options.icmpBlackHole) {
      // ICMP the router itself sends toward us (its errors; forwarded echo replies come in elsewhere) is routed into a black hole.
      run(['ip', '-n', router, 'rule', 'add', 'iif', 'lo', 'to', `10.232.${s}.1`, 'ipproto', 'icmp', 'blackhole']);
    }
    // Routes in this namespace to the far links, via the router; they go with the veth on teardown.
    run(['ip', 'route', 'add', `10.233.${s}.0/24`, 'via', `10.232.${s}.2`]);
    run(['ip', '-6', 'route', 'add', `fd00:233:${s}::/48`, 'via', `fd00:232:${s}::2`]);
    // Neighbour discovery and routes settle before a test times anything: every far end answers once.
    for (const [i, link] of far.entries()) {
      if (farLinks[i]?.silent) continue;
      for (const address of [link.v4, link.v6]) {
        if (address) run(['ping', '-c', '1', '-w', '3', address]);
      }
    }
  } catch (error) {
    teardown();
    throw error;
  }
  return { router, far, teardown };
};
