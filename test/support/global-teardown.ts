import { rmSync } from 'node:fs';
import { TEST_RUNTIME_ENV } from './paths';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __asbPostgres?: { stop(): Promise<void> } }).__asbPostgres?.stop();
  const runtimeFile = process.env[TEST_RUNTIME_ENV];
  if (runtimeFile) rmSync(runtimeFile.replace(/\/runtime\.json$/, ''), { recursive: true, force: true });
}
