import { join, resolve } from 'node:path';
import { projectRoot } from '../../config/src/project-root';
import { CaptureSmtpServer } from './capture-smtp-server';

/**
 * The capture SMTP server as a process of its own, for the cluster's supervisor: it can be stopped
 * for a minute and started again, and what it received stays in MAILBOX_DIR (one .eml file a message,
 * read by `npm run mailbox`). SMTP_PORT (default 1025) on SMTP_HOST (default 127.0.0.1).
 */
async function main(): Promise<void> {
  const dir = resolve(process.env.MAILBOX_DIR ?? join(projectRoot(), '.data/mailbox'));
  const server = new CaptureSmtpServer({ storeDir: dir });
  const port = await server.listen(Number(process.env.SMTP_PORT ?? 1025), process.env.SMTP_HOST ?? '127.0.0.1');
  console.log(`capture SMTP server on port ${port}, keeping mail in ${dir}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
