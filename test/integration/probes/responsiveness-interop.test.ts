import { execFileSync, execFile } from 'node:child_process';
import fs from 'node:fs';
import http2 from 'node:http2';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTargetsSchema } from '../../../shared/probes/probe-schemas';
import { responsivenessBands, confidenceLevels } from '../../../shared/probes/responsiveness';
import { fetchResponsivenessConfig, runResponsivenessPhase } from '../../../electron/services/probes/responsiveness/rpm-client';
import { responsivenessProbe } from '../../../electron/services/probes/probes/responsiveness-probe';
import { startReflector, type RunningReflector } from '../../../electron/services/probes/throughput/reflector-server';
import { runProbe } from '../../../electron/services/probes/run-probes';
import { tempDir } from '../../support/temp-dir';

const run = promisify(execFile);

/**
 * Interoperability of the responsiveness test with what others implement. No Go toolchain (for
 * goresponsiveness) and no macOS (for networkQuality) is here, so: our server is driven by curl, a
 * client that knows nothing of ours, using only the URLs the config names under the field names
 * goresponsiveness reads; our client is run against a server written here from the public config
 * format alone (HTTPS + HTTP/2 like Apple's and goresponsiveness's servers, Apple-style paths).
 */

const curl = async (args: string[]): Promise<string> => (await run('curl', ['-s', '--max-time', '10', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;

describe('our reflector serves the responsiveness endpoints to a client that is not ours (curl)', () => {
  let reflector: RunningReflector;
  beforeAll(async () => {
    reflector = await startReflector({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => reflector?.close());

  it.each([
    ['HTTP/2 (prior knowledge)', ['--http2-prior-knowledge'], '2'],
    ['HTTP/1.1', ['--http1.1'], '1.1'],
  ])('over %s: config, small object, large download, upload sink', async (_name, flags, version) => {
    const base = `http://127.0.0.1:${reflector.port}`;
    const config = JSON.parse(await curl([...flags, `${base}/.well-known/nq`])) as { version: number; urls: Record<string, string> };
    expect(config.version).toBe(1);
    // The field names goresponsiveness's config struct reads (and Apple's networkQuality -C), and the draft's.
    for (const key of ['small_https_download_url', 'large_https_download_url', 'https_upload_url', 'small_download_url', 'large_download_url', 'upload_url']) {
      expect(config.urls[key], key).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${reflector.port}/`));
    }
    const small = await curl([...flags, '-o', '/dev/null', '-w', '%{http_code} %{http_version} %{size_download}', config.urls.small_https_download_url as string]);
    expect(small).toBe(`200 ${version} 1`);
    // The large object outlasts a test: curl stops after 1 s having read a lot, not the whole of it.
    const large = await curl([...flags, '-o', '/dev/null', '--max-time', '1', '-w', '%{http_code} %{size_download}', config.urls.large_https_download_url as string]).catch(
      (error: { stdout?: string }) => String(error.stdout ?? ''),
    );
    const [status, bytes] = large.split(' ');
    expect(status).toBe('200');
    expect(Number(bytes)).toBeGreaterThan(1_000_000);
    const payload = path.join(tempDir(), 'upload.bin');
    fs.writeFileSync(payload, Buffer.alloc(3_000_000, 7));
    const upload = JSON.parse(await curl([...flags, '--data-binary', `@${payload}`, config.urls.https_upload_url as string])) as { bytes: number };
    expect(upload.bytes).toBe(3_000_000);
    expect(await curl([...flags, '-o', '/dev/null', '-w', '%{http_code}', `${base}/api/v1/nothing`])).toBe('404');
  });

  it('the reflector still speaks its own protocol on the same port (a GWR1 echo stream)', async () => {
    const socket = net.connect(reflector.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GWR1 {"mode":"echo"}\nhello');
    const echoed = await new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString())));
    socket.destroy();
    expect(echoed).toBe('hello');
  });
});

describe('our client against a server written from the public config format (HTTPS, HTTP/2, Apple-style paths)', () => {
  let server: http2.Http2SecureServer;
  let port = 0;
  let cert = '';
  const sockets = new Set<net.Socket>();
  const seen = { config: 0, small: 0, large: 0, upload: 0, handshakes: 0, uploadedBytes: 0 };

  beforeAll(async () => {
    const dir = tempDir();
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'pipe' });
    cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    server = http2.createSecureServer({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert, settings: { initialWindowSize: 8 * 1024 * 1024 } });
    server.on('secureConnection', () => {
      seen.handshakes += 1;
    });
    server.on('connection', (socket: net.Socket) => sockets.add(socket));
    server.on('stream', (stream, headers) => {
      stream.on('error', () => undefined);
      const p = headers[':path'];
      if (p === '/api/v1/gm/config') {
        seen.config += 1;
        // Byte for byte the shape goresponsiveness reads: version, urls with the *_https_* names, test_endpoint.
        const body = `{"version":1,"urls":{"small_https_download_url":"https://localhost:${port}/api/v1/gm/small","large_https_download_url":"https://localhost:${port}/api/v1/gm/large","https_upload_url":"https://localhost:${port}/api/v1/gm/slurp"},"test_endpoint":"127.0.0.1"}`;
        stream.respond({ ':status': 200, 'content-type': 'application/json' });
        stream.end(body);
      } else if (p === '/api/v1/gm/small') {
        seen.small += 1;
        stream.respond({ ':status': 200 });
        stream.end('s');
      } else if (p === '/api/v1/gm/large') {
        seen.large += 1;
        stream.respond({ ':status': 200 });
        const block = Buffer.alloc(64 * 1024, 1);
        const pump = () => {
          while (!stream.destroyed && stream.write(block)) {
            // fill the stream's buffer
          }
        };
        stream.on('drain', pump);
        pump();
      } else if (p === '/api/v1/gm/slurp') {
        seen.upload += 1;
        stream.on('data', (d: Buffer) => {
          seen.uploadedBytes += d.length;
        });
        stream.on('end', () => {
          if (!stream.destroyed) stream.respond({ ':status': 200 });
          stream.end();
        });
      } else {
        stream.respond({ ':status': 404 });
        stream.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  // This minimal server's endless download keeps a session open after the client's GOAWAY; shut them.
  afterAll(() =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }),
  );

  it('reads the config, loads both directions over TLS and times TCP, TLS and HTTP of every foreign probe', async () => {
    const env = { signal: new AbortController().signal, track: <T>(h: T) => h, lookup: async () => '127.0.0.1', ca: cert };
    const urls = await fetchResponsivenessConfig(env, `https://localhost:${port}/api/v1/gm/config`);
    expect(urls).toEqual({
      small: `https://localhost:${port}/api/v1/gm/small`,
      large: `https://localhost:${port}/api/v1/gm/large`,
      upload: `https://localhost:${port}/api/v1/gm/slurp`,
      testEndpoint: '127.0.0.1',
    });
    const result = await runResponsivenessPhase(env, urls, 'concurrent', { params: { maxDurationMs: 5000 } });
    expect(result.rpm, JSON.stringify(result)).toBeGreaterThan(0);
    expect(responsivenessBands).toContain(result.band);
    expect(result.trimmedMs.tls).not.toBeNull();
    expect(result.trimmedMs.tcp).not.toBeNull();
    expect(result.trimmedMs.self).not.toBeNull();
    expect(result.foreignProbes).toBeGreaterThan(5);
    expect(result.downloadMbps).toBeGreaterThan(0);
    expect(result.uploadMbps).toBeGreaterThan(0);
    // Every URL came from the config, under its own paths; each foreign probe was a new TLS connection.
    expect(seen.config).toBe(1);
    expect(seen.large).toBeGreaterThanOrEqual(1);
    expect(seen.upload).toBeGreaterThanOrEqual(1);
    expect(seen.small).toBeGreaterThanOrEqual(result.foreignProbes + result.selfProbes);
    expect(seen.handshakes).toBeGreaterThanOrEqual(result.foreignProbes + 1);
    expect(seen.uploadedBytes).toBeGreaterThan(0);
  });

  it('refuses a server whose certificate it cannot verify, saying so', async () => {
    const env = { signal: new AbortController().signal, track: <T>(h: T) => h, lookup: async () => '127.0.0.1' };
    await expect(fetchResponsivenessConfig(env, `https://localhost:${port}/api/v1/gm/config`)).rejects.toThrow(/self[- ]signed|certificate/i);
  });
});

describe('the responsiveness probe against a reflector on this laptop', () => {
  let reflector: RunningReflector;
  beforeAll(async () => {
    reflector = await startReflector({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => reflector?.close());

  it('reports RPM with its band and confidence, the far end this laptop', async () => {
    const result = await runProbe(responsivenessProbe, {
      targets: probeTargetsSchema.parse({ includeGateway: false, reflector: `127.0.0.1:${reflector.port}`, responsivenessMode: 'concurrent', responsivenessSeconds: 5 }),
    });
    expect(result.status, result.message).toBe('ok');
    const rpm = result.metrics['responsiveness.rpm'] as number;
    expect(rpm).toBeGreaterThan(0);
    expect(result.metrics['responsiveness.concurrent_rpm']).toBe(rpm);
    expect(responsivenessBands).toContain(result.metrics['responsiveness.band']);
    expect(confidenceLevels).toContain(result.metrics['responsiveness.confidence']);
    expect(result.metrics['responsiveness.download_rpm']).toBeUndefined();
    expect(result.measurements?.['responsiveness.download_rpm']).toMatchObject({ state: 'not_measurable', reason: 'not run: the mode was concurrent only' });
    expect(result.measurements?.['responsiveness.rpm']?.scope).toBe('laptop');
    expect(result.message).toMatch(/^Responsiveness (High|Medium|Low) \(\d+ RPM, confidence (High|Medium|Low)\)/);
    expect(result.samples.some((s) => s.series === 'lan_concurrent_mbps')).toBe(true);
  });

  it('a reflector that is not there fails in plain words, quickly', async () => {
    const closed = await startReflector({ port: 0, host: '127.0.0.1' });
    const deadPort = closed.port;
    await closed.close();
    const result = await runProbe(responsivenessProbe, { targets: probeTargetsSchema.parse({ includeGateway: false, reflector: `127.0.0.1:${deadPort}` }) });
    expect(result.status).toBe('failed');
    expect(result.message).toBe(`Responsiveness test against http://127.0.0.1:${deadPort}/.well-known/nq failed at the configuration: connection refused.`);
  });
});
