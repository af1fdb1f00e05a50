import net from 'node:net';

/**
 * A loopback TCP proxy that, for the first `drops` requests matching `pattern`, forwards the
 * request to the hub and then cuts the connection as the answer comes back: the hub has applied
 * the request, the client never hears so. Everything else passes through untouched.
 */
export const startDropProxy = async (
  upstreamPort: number,
  pattern: string,
  drops: number,
): Promise<{ port: number; dropped: () => number; close: () => Promise<void> }> => {
  let dropped = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    let dropThisAnswer = false;
    client.on('data', (chunk) => {
      if (dropped < drops && chunk.toString('latin1').includes(pattern)) dropThisAnswer = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (dropThisAnswer) {
        dropped += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    dropped: () => dropped,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};
