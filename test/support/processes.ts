import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../libs/config/src/project-root';

/** A compiled service process (`npm run build` output), as production runs it; a worker's /health and /metrics on a port of its own unless `env` names one. */
export function spawnCompiled(script: 'apps/api/src/main.js' | 'apps/worker/src/main.js', env: Record<string, string>): ChildProcess & { output: () => string } {
  const path = join(projectRoot(), 'dist', script);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (the test command does)`);
  const child = spawn(process.execPath, [path], { env: { ...process.env, WORKER_HTTP_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

export async function waitForOutput(child: ChildProcess & { output: () => string }, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!child.output().includes(text)) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before printing "${text}":\n${child.output()}`);
    if (Date.now() > deadline) throw new Error(`process did not print "${text}" within ${timeoutMs} ms:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}
