import type { Request } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** What the last form did, said once on the next page (GOV.UK's success banner after a redirect). */
    done: string;
  }
}

/**
 * Kept in the session before the redirect goes out: express-session otherwise saves while the 303 is
 * already on its way, and the browser's next page can be read before the banner is stored.
 */
export async function rememberDone(request: Request, text: string): Promise<void> {
  if (!request.session) return;
  request.session.done = text;
  await new Promise<void>((resolve, reject) => request.session.save((error: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve())));
}

/** The banner's words, once: a reload of the page does not say it again. */
export function takeDone(request: Request): string | undefined {
  const done = request.session?.done;
  if (done !== undefined) delete request.session.done;
  return done;
}
