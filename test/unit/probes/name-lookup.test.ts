import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lookupBudgetMs, makeNameLookup, NameLookupError, parseHostsFile } from '../../../electron/services/probes/name-lookup';
import { tempDir } from '../../support/temp-dir';
import { startDnsServer } from './local-servers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A UDP port that swallows every query: a DNS server that is up but silent. */
const silentServer = async (): Promise<string> => {
  const socket = dgram.createSocket('udp4');
  socket.on('message', () => undefined);
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  cleanups.push(() => new Promise<void>((r) => socket.close(() => r())));
  return `127.0.0.1:${socket.address().port}`;
};

const failure = async (work: Promise<unknown>): Promise<NameLookupError> => {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(NameLookupError);
  return error as NameLookupError;
};

describe('name lookup through c-ares', () => {
  it('reads the hosts file first, then asks DNS; a name DNS does not know says so', async () => {
    const dns = await startDnsServer({ 'api.example.test': '192.0.2.7' });
    cleanups.push(() => dns.close());
    const hostsFile = path.join(tempDir(), 'hosts');
    fs.writeFileSync(hostsFile, '# comment\n10.1.2.3  proxy.corp  proxy # inline\n::1 v6only.test\n');
    const lookup = makeNameLookup({ timeoutMs: 500, tries: 1, servers: [dns.server], hostsFile });
    expect(await lookup('PROXY.corp')).toBe('10.1.2.3');
    expect(await lookup('localhost')).toBe('127.0.0.1');
    expect(await lookup('192.0.2.1')).toBe('192.0.2.1');
    expect(dns.queries()).toBe(0);
    expect(await lookup('api.example.test')).toBe('192.0.2.7');
    const missing = await failure(lookup('nope.example.test'));
    expect(missing.code).toBe('NO_SUCH_NAME');
    expect(missing.message).toMatch(/nope\.example\.test does not exist in DNS/);
  });

  it('a silent server is named as silent within the stated budget, not left hanging', async () => {
    const server = await silentServer();
    const options = { timeoutMs: 200, tries: 2, servers: [server], hostsFile: null };
    const started = performance.now();
    const error = await failure(makeNameLookup(options)('example.com'));
    expect(error.code).toBe('DNS_SILENT');
    // 200 ms with two tries: c-ares waits 4 × 200 = 800 ms (lookupBudgetMs), said in the message.
    expect(error.message).toMatch(/DNS silent: 127\.0\.0\.1:\d+ did not answer for example\.com within 0\.8 s/);
    expect(lookupBudgetMs(options)).toBe(800);
    // Generous upper bound (a loaded machine): far below getaddrinfo's 10 s and more.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('no server configured is a plain sentence, and cancel ends a pending query', async () => {
    expect((await failure(makeNameLookup({ timeoutMs: 200, tries: 1, servers: [], hostsFile: null })('example.com'))).code).toBe('NO_DNS_SERVER');
    const server = await silentServer();
    const closers: { close?: () => void }[] = [];
    const pending = makeNameLookup({ timeoutMs: 5000, tries: 3, servers: [server], hostsFile: null }, (c) => closers.push(c))('example.com');
    await new Promise((r) => setTimeout(r, 50));
    for (const c of closers) c.close?.();
    expect((await failure(pending)).message).toMatch(/ECANCELLED|DNS failed/);
  });

  it('parses hosts files the way the OS does (first address wins, comments dropped)', () => {
    const map = parseHostsFile('127.0.0.1 a b\n10.0.0.1 a\r\nnot-an-ip c\n');
    expect([...map.entries()]).toEqual([
      ['a', '127.0.0.1'],
      ['b', '127.0.0.1'],
    ]);
  });
});
