import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy to the hub that rewrites the `Date` header of every answer by `offsetMs`:
 * to the device it is a hub whose clock differs from its own, as a laptop with a wrong clock sees
 * a correct hub. Bodies pass through untouched.
 */
export const startClockProxy = async (upstreamPort: number, offsetMs: number): Promise<{ url: string; close: () => Promise<void> }> => {
  const server = http.createServer((request, response) => {
    // Node would add its own Date; the device must see the shifted one.
    response.sendDate = false;
    const upstream = http.request(
      { host: '127.0.0.1', port: upstreamPort, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        const headers = { ...answer.headers };
        const date = Date.parse(answer.headers.date ?? '');
        if (Number.isFinite(date)) headers.date = new Date(date + offsetMs).toUTCString();
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
