import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A laptop namespace behind a router namespace, for the offline scenarios: the router answers
 * on the LAN but forwards nothing (everything beyond it is black-holed), the laptop's DNS server
 * is set through /etc/netns/<ns>/resolv.conf (which `ip netns exec` mounts over /etc/resolv.conf).
 * Every address is one we create; no packet leaves these namespaces.
 */
export interface OfflineSite {
  readonly laptop: string;
  readonly router: string;
  readonly routerAddress: string;
  readonly laptopAddress: string;
  /** An address beyond the router: routed there and dropped. */
  readonly beyondAddress: string;
  /** The argv prefix that runs a command inside the laptop namespace. */
  readonly exec: readonly string[];
  teardown(): void;
}

export interface OfflineSiteOptions {
  /** `silent`: a server beyond the router (dropped); `refused`: the router itself (nothing on port 53); `none`: no nameserver line. */
  readonly dns: 'silent' | 'refused' | 'none';
  /** `dead`: the default route names an address on the LAN that nothing answers (no ARP reply). */
  readonly gateway: 'up' | 'dead';
}

const ip = (args: readonly string[]) => execFileSync('ip', args, { stdio: 'pipe' });

const quietly = (what: () => void): void => {
  try {
    what();
  } catch {
    // teardown: already gone with its namespace
  }
};

export const createOfflineSite = (options: OfflineSiteOptions): OfflineSite => {
  const id = `${process.pid % 1000}${Math.floor(Math.random() * 900 + 100)}`;
  const laptop = `gwlap${id}`;
  const router = `gwrtr${id}`;
  const subnet = 1 + (Number(id) % 250);
  const laptopAddress = `10.233.${subnet}.2`;
  const routerAddress = `10.233.${subnet}.1`;
  const deadGateway = `10.233.${subnet}.9`;
  const beyondAddress = `10.234.${subnet}.53`;
  const netnsDir = path.join('/etc/netns', laptop);
  const teardown = () => {
    quietly(() => ip(['netns', 'del', laptop]));
    quietly(() => ip(['netns', 'del', router]));
    fs.rmSync(netnsDir, { recursive: true, force: true });
  };
  try {
    ip(['netns', 'add', laptop]);
    ip(['netns', 'add', router]);
    ip(['-n', laptop, 'link', 'add', 'lan0', 'type', 'veth', 'peer', 'name', 'lan1', 'netns', router]);
    ip(['-n', laptop, 'link', 'set', 'lo', 'up']);
    ip(['-n', router, 'link', 'set', 'lo', 'up']);
    ip(['-n', laptop, 'addr', 'add', `${laptopAddress}/24`, 'dev', 'lan0']);
    ip(['-n', router, 'addr', 'add', `${routerAddress}/24`, 'dev', 'lan1']);
    ip(['-n', laptop, 'link', 'set', 'lan0', 'up']);
    ip(['-n', router, 'link', 'set', 'lan1', 'up']);
    ip(['-n', laptop, 'route', 'add', 'default', 'via', options.gateway === 'dead' ? deadGateway : routerAddress]);
    // The router drops everything not for itself, without an ICMP error: a black hole.
    ip(['-n', router, 'route', 'add', 'blackhole', 'default']);
    fs.mkdirSync(netnsDir, { recursive: true });
    const nameserver = options.dns === 'silent' ? `nameserver ${beyondAddress}\n` : options.dns === 'refused' ? `nameserver ${routerAddress}\n` : '';
    fs.writeFileSync(path.join(netnsDir, 'resolv.conf'), `# groundwork offline test\n${nameserver}options timeout:5 attempts:2\n`);
  } catch (error) {
    teardown();
    throw error;
  }
  return { laptop, router, routerAddress, laptopAddress, beyondAddress, exec: ['ip', 'netns', 'exec', laptop], teardown };
};
