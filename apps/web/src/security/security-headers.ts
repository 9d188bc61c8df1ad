import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every response (`helmet`), with a Content-Security-Policy that allows no inline
 * script and nothing from another origin: scripts, styles, fonts and images come from the console's
 * own /assets. Forms post to the console; sign-out continues to the identity provider, which
 * `form-action` must allow because the browser checks the redirect after a form too.
 */
export function securityHeaders(options: { identityProviderOrigin: string; secure: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", options.identityProviderOrigin],
        ...(options.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only where the console is served over HTTPS; locally it would pin localhost to HTTPS.
    strictTransportSecurity: options.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
}
