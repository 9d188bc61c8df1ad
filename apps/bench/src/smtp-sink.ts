import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server that accepts every message and keeps only what the benchmark counts: how often,
 * and when first, a message with each Message-ID was accepted. Lighter than the capture mailbox (no
 * MIME parsing), so the receiving end takes little of the machine the service is measured on.
 */
export class SmtpSink {
  /** Message-ID → how many times a message with it was accepted, and when first (performance.now()). */
  readonly accepted = new Map<string, { times: number; firstAt: number }>();
  total = 0;
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Many senders at once during a deadline storm: never turn one away.
      maxClients: 10_000,
      onData: (stream, _session, callback) => {
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (!head.includes('\r\n\r\n')) head += chunk.toString('latin1');
        });
        stream.on('end', () => {
          const headers = head.split('\r\n\r\n')[0] ?? '';
          const id = header(headers, 'message-id') ?? '(none)';
          const seen = this.accepted.get(id);
          if (seen) seen.times += 1;
          else this.accepted.set(id, { times: 1, firstAt: performance.now() });
          this.total += 1;
          callback();
        });
      },
    });
  }

  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return (this.server.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function header(headers: string, name: string): string | undefined {
  const unfolded = headers.replace(/\r\n[ \t]+/g, ' ');
  const line = unfolded.split('\r\n').find((candidate) => candidate.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}
