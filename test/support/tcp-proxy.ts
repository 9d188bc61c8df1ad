import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './free-port';

/**
 * A TCP relay in front of a server, which a test cuts (every connection dropped, nothing listening)
 * and restores on the same port: the server, as its clients see it, gone and back.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async to(address: string): Promise<TcpProxy> {
    const [host, port] = address.split(':');
    const proxy = new TcpProxy(await freePort(), { host: host === 'localhost' ? '127.0.0.1' : host!, port: Number(port) });
    await proxy.restore();
    return proxy;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async restore(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
