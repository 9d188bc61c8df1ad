import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';

/** The form field every form carries (`csrfToken` is set for each page to render it). */
export const CSRF_FIELD = '_csrf';

/**
 * CSRF protection for every form (`csrf-csrf`, signed double submit): the token is an HMAC bound to the
 * session, sent both in a cookie and in the form's hidden field. A state-changing request without a
 * matching pair is refused with 403, before any controller runs. Pages find the token in
 * `res.locals.csrfToken`.
 */
export function csrfProtection(options: { secret: string; secure: boolean; refused: (req: Request, res: Response) => void }): RequestHandler[] {
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => options.secret,
    // Bound to the session, so a token taken from one session is worthless in another.
    getSessionIdentifier: (req) => req.session?.id ?? '',
    cookieName: options.secure ? '__Host-asb-csrf' : 'asb-csrf',
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: options.secure, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      // A file upload's body is streamed to its handler, never parsed here, so its form carries the token
      // in its action's query string instead; accepted from there for multipart requests only.
      const multipart = /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '');
      const token = multipart ? (req.query as Record<string, unknown>)[CSRF_FIELD] : (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      return typeof token === 'string' ? token : undefined;
    },
  });
  const check: RequestHandler = (req, res, next) =>
    doubleCsrfProtection(req, res, (error?: unknown) => {
      if (error) return options.refused(req, res);
      next();
    });
  const token: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    // Only a signed-in session has forms; a health check or a redirect to sign in needs no token cookie.
    if (req.session?.caller) res.locals.csrfToken = generateCsrfToken(req, res);
    next();
  };
  return [check, token];
}
