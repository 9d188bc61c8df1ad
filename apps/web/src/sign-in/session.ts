import connectPgSimple from 'connect-pg-simple';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import type { Caller } from '../../../../libs/auth/src';
import type { PendingSignIn } from './relying-party';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from './session-limits';
import type { SignInConfig } from './sign-in-config';

declare module 'express-session' {
  interface SessionData {
    caller: Caller;
    /** When the person signed in (epoch ms): the session ends 8 hours after, however active. */
    signedInAt: number;
    idToken: string;
    pendingSignIn: PendingSignIn;
  }
}


export function sessionCookieName(config: SignInConfig): string {
  // __Host-: the browser keeps it only if Secure, for this host alone and path /.
  return config.secure ? '__Host-asb-session' : 'asb-session';
}

/**
 * Server-side sessions in PostgreSQL (`web_session`, made by a migration). The cookie holds only the
 * signed session id: HttpOnly, SameSite=Lax, Secure behind HTTPS. Each request pushes the idle expiry on
 * (`rolling`); the store answers no session past its expiry, whatever the browser sends.
 */
export function createSessions(databaseUrl: string, config: SignInConfig): { middleware: RequestHandler; store: connectPgSimple.PGStore } {
  const PgStore = connectPgSimple(session);
  // Expired rows are pruned every 15 minutes (the store's default); a read never returns one.
  const store = new PgStore({ conString: databaseUrl, tableName: 'web_session', createTableIfMissing: false });
  const middleware = session({
    store,
    name: sessionCookieName(config),
    secret: config.sessionSecret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.secure,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.secure, path: '/', maxAge: IDLE_TIMEOUT_MS },
  });
  return { middleware, store };
}

/** The absolute limit: a session signed in more than 8 hours ago is ended, and the next page asks to sign in again. */
export function endSessionsPastTheirLimit(now: () => number = Date.now): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const signedInAt = req.session?.signedInAt;
    if (signedInAt === undefined || now() - signedInAt < ABSOLUTE_TIMEOUT_MS) return next();
    req.session.destroy((error: unknown) => next(error));
  };
}

/** A path on this console to return to after sign-in; anything else (another site, `//host`) returns home. */
export function localReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && !/[\r\n\\]/.test(value) ? value : '/';
}
