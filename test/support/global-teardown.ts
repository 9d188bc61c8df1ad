export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __asbPostgres?: { stop(): Promise<void> } }).__asbPostgres?.stop();
}
