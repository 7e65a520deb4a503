import net from 'node:net';

/**
 * A loopback TCP proxy that tests can cut and restore, to make a real server "unreachable".
 *
 * The proxy keeps its listening port for its whole life: while cut it accepts and at once drops
 * every connection. Closing and listening again on the same port could fail when another process
 * (or a client reconnecting to it, by TCP self-connect) took the port in between.
 */
export async function startProxy(targetPort: number, targetHost = '127.0.0.1') {
  const sockets = new Set<net.Socket>();
  let cut = false;
  const server = net.createServer((client) => {
    if (cut) {
      client.on('error', () => {});
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const dropAll = () => {
    for (const s of sockets) s.destroy();
  };
  return {
    port: (server.address() as net.AddressInfo).port,
    /** Drops open connections and every new one until `restore`. */
    async cut() {
      cut = true;
      dropAll();
    },
    async restore() {
      cut = false;
    },
    close() {
      dropAll();
      return new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
