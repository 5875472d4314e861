import { AddressInfo, createServer, Server, Socket, connect } from 'node:net';

/**
 * A TCP relay in front of a real server (PostgreSQL here), so that a test can take the server away
 * from one app, as an outage or a network cut would, without stopping it for the other test files.
 */
export interface TcpProxy {
  readonly port: number;
  /** Drops every open connection and refuses new ones (ECONNREFUSED), like a stopped server. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(
  targetPort: number,
  targetHost = '127.0.0.1',
): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const stop = async (target: Server) => {
    const closed = new Promise<void>((resolve) => target.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    port,
    cut: () => (server.listening ? stop(server) : Promise.resolve()),
    restore: () => (server.listening ? Promise.resolve() : listen(port)),
    close: () => (server.listening ? stop(server) : Promise.resolve()),
  };
}
