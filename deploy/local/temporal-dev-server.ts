import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporalCliPath } from './tools';

export interface LocalTemporal {
  readonly address: string;
  readonly uiUrl: string;
  /** The server's process, e.g. to read its memory. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * The Temporal CLI dev server: a full server on SQLite with the Web UI. Its database file lives in
 * `dataDir`, so running cases and their timers survive a restart of the stack.
 */
export async function startLocalTemporal(options: { dataDir: string; port: number; uiPort: number }): Promise<LocalTemporal> {
  mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    temporalCliPath(),
    [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--ui-port',
      String(options.uiPort),
      '--db-filename',
      join(options.dataDir, 'temporal.db'),
      // Write-ahead log, synced at checkpoints rather than at every commit: several times the throughput
      // on an ordinary disk (`npm run bench`), and nothing is lost when a process crashes, only if the
      // machine loses power. A production cluster keeps its state in PostgreSQL or Cassandra instead.
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
      // One partition per task queue: partitions spread a queue over a cluster's matching hosts; on one
      // server they only leave a task waiting in a partition no poller is on (seconds at the tail).
      '--dynamic-config-value',
      'matching.numTaskqueueReadPartitions=1',
      '--dynamic-config-value',
      'matching.numTaskqueueWritePartitions=1',
      '--log-level',
      'error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, child);
  return { address, uiUrl: `http://localhost:${options.uiPort}`, pid: child.pid, stop: () => stopChild(child) };
}

async function waitUntilServing(address: string, child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`temporal dev server exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`temporal dev server did not answer on ${address} within 60 s`);
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
