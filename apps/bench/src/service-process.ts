import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { stopChild } from '../../../deploy/local/temporal-dev-server';
import { onCleanUp } from './cleanup';

/** A compiled process of the service (or the baseline's worker), as production runs it. */
export interface ServiceProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** What it printed, for the error when it fails. */
  output(): string;
  stop(): Promise<void>;
}

/** The build the benchmark runs from: the directory holding apps/, libs/ and workflow-bundle.js. */
export const DIST_ROOT = join(__dirname, '../../..');

export async function startProcess(
  name: string,
  script: string,
  env: Record<string, string>,
  ready: { readonly output?: string; readonly healthUrl?: string },
  logFile?: string,
): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', join(DIST_ROOT, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    log?.write(chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let stopping = false;
  const stop = async () => {
    stopping = true;
    forget();
    await stopChild(child);
  };
  const forget = onCleanUp(stop);
  // A process that dies mid-run says so at once, with what it printed: the phase then fails on timeouts.
  child.once('exit', (code, signal) => {
    log?.end();
    if (!stopping) console.error(`${name} exited unexpectedly (${signal ?? code}):\n${output.slice(-5000)}`);
  });
  const started: ServiceProcess = { name, pid: child.pid, output: () => output, stop };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) while starting:\n${output}`);
    if (ready.output && output.includes(ready.output)) return started;
    if (ready.healthUrl && (await answers(ready.healthUrl))) return started;
    if (Date.now() > deadline) {
      await started.stop();
      throw new Error(`${name} was not ready within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
