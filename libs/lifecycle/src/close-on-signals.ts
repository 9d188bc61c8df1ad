export interface Closable {
  close(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT, closes the Nest application (its shutdown hooks drain the worker and finish
 * HTTP requests in flight) and exits 0. Nest's own `enableShutdownHooks` re-raises the signal after
 * closing, which a supervisor reads as a crash; a clean stop should look like one.
 */
export function closeOnSignals(app: Closable, log: (message: string) => void = console.log, afterClose?: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log(`${signal} received: finishing work in flight, then exiting`);
    // `afterClose`: what must leave the process before it ends (the last spans).
    app.close().then(async () => {
      await afterClose?.();
      process.exit(0);
    }).then(
      () => undefined,
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
