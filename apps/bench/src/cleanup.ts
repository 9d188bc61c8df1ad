/**
 * What must be stopped if the benchmark is interrupted (Ctrl-C) or fails: every process and server it
 * started, most recent first. Each phase registers what it starts and unregisters it once stopped.
 */
const pending = new Set<() => Promise<void>>();

export function onCleanUp(stop: () => Promise<void>): () => void {
  pending.add(stop);
  return () => pending.delete(stop);
}

export async function cleanUpAll(): Promise<void> {
  for (const stop of [...pending].reverse()) {
    pending.delete(stop);
    await stop().catch((error: unknown) => console.error(error));
  }
}
