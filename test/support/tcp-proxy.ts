import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './free-port';

/**
 * A TCP relay in front of a server, which a test cuts (every connection dropped, nothing listening)
 * and restores on the same port: the server, as its clients see it, gone and back. Frozen, then cut, it
 * is a server killed in the middle of a request.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private frozen = false;

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

  /** Lets nothing more through either way, as a server that has just been killed answers nothing; `cut` then drops the connections. */
  freeze(): void {
    this.frozen = true;
  }

  async restore(): Promise<void> {
    this.frozen = false;
    const server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const [socket, other] of [[client, upstream], [upstream, client]] as const) {
        this.sockets.add(socket);
        // Nothing passes while frozen: what is in flight stays in flight until the test cuts it.
        socket.on('data', (chunk: Buffer) => this.frozen || other.write(chunk));
        socket.on('close', () => {
          this.sockets.delete(socket);
          other.destroy();
        });
        socket.on('error', () => socket.destroy());
      }
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
    // Closed as the kernel closes a killed process's sockets: an orderly FIN, with no answer before it.
    for (const socket of this.sockets) socket.end();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
