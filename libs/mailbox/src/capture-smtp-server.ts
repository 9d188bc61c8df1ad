import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  readonly messageId: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly headers: ReadonlyMap<string, unknown>;
  readonly receivedAt: Date;
}

/**
 * A real SMTP server that keeps what it receives: the local mailbox for people running the service
 * (one .eml file per message, listed by `npm run mailbox`) and the receiving end of every mail test.
 */
export class CaptureSmtpServer {
  readonly received: CapturedMail[] = [];
  private readonly server: SMTPServer;
  private readonly waiters = new Set<() => void>();
  private rejectRecipients: (address: string) => boolean = () => false;
  private holdMs = 0;
  private readonly deliveryListeners = new Set<() => void>();
  /** Sessions whose client went away: a message they sent but were never answered for was not accepted. */
  private readonly closedSessions = new Set<string>();
  /** Messages dropped because the sender disconnected before the server answered. */
  abandoned = 0;

  constructor(private readonly options: { storeDir?: string } = {}) {
    if (options.storeDir) mkdirSync(options.storeDir, { recursive: true });
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.rejectRecipients(address.address)) return callback(new Error(`550 mailbox unavailable: ${address.address}`));
        callback();
      },
      onClose: (session) => {
        this.closedSessions.add(session.id);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          for (const listener of [...this.deliveryListeners]) listener();
          // A held delivery is a slow relay: the sender is mid-send until the server answers.
          setTimeout(() => {
            if (this.closedSessions.has(session.id)) {
              this.abandoned += 1;
              return callback(new Error('451 the client disconnected before the message was accepted'));
            }
            this.capture(raw).then(() => callback(), callback);
          }, this.holdMs);
        });
      },
    });
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Makes the server refuse these recipients, as a real relay refuses an unknown mailbox. */
  refuseRecipients(predicate: (address: string) => boolean): void {
    this.rejectRecipients = predicate;
  }

  /** Answers each message's DATA only after `ms`, as a slow relay does. */
  holdDeliveries(ms: number): void {
    this.holdMs = ms;
  }

  /** Resolves when the next message's data has arrived (and, if held, before it is answered). */
  nextDelivery(): Promise<void> {
    return new Promise((resolve) => {
      const listener = () => {
        this.deliveryListeners.delete(listener);
        resolve();
      };
      this.deliveryListeners.add(listener);
    });
  }

  /** Resolves with the mails that match once there are `count` of them, or rejects after `timeoutMs`. */
  async waitFor(predicate: (mail: CapturedMail) => boolean, count = 1, timeoutMs = 30_000): Promise<CapturedMail[]> {
    const matching = () => this.received.filter(predicate);
    if (matching().length >= count) return matching();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (matching().length >= count) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve(matching());
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`waited ${timeoutMs} ms for ${count} matching mail(s); ${matching().length} arrived`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async capture(raw: Buffer): Promise<void> {
    const parsed = await simpleParser(raw);
    const to = [parsed.to ?? []].flat().flatMap((address) => address.value.map((entry) => entry.address ?? ''));
    const mail: CapturedMail = {
      messageId: parsed.messageId ?? '',
      from: parsed.from?.text ?? '',
      to,
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      headers: parsed.headers,
      receivedAt: new Date(),
    };
    this.received.push(mail);
    if (this.options.storeDir) {
      const name = `${mail.receivedAt.toISOString().replace(/[:.]/g, '-')}-${this.received.length}.eml`;
      writeFileSync(join(this.options.storeDir, name), raw);
    }
    for (const waiter of [...this.waiters]) waiter();
  }
}
