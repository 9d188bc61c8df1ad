/**
 * Whether the mail server refused a message for good. A 5xx reply (an unknown mailbox, a refused
 * address) will be refused again however often it is retried; anything else (no connection, a
 * timeout, a 4xx "try later") is the server being unavailable, and the message waits for it.
 */
export function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
