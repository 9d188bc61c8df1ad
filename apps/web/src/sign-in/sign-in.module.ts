import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import { csrfProtection } from '../security/csrf';
import { securityHeaders } from '../security/security-headers';
import { RelyingParty } from './relying-party';
import { createSessions, endSessionsPastTheirLimit } from './session';
import { SignInController } from './sign-in.controller';
import { SIGN_IN_CONFIG, type SignInConfig } from './sign-in.tokens';

const SESSIONS = Symbol('Sessions');
type Sessions = ReturnType<typeof createSessions>;

/** Sign-in, sessions and sign-out; `configureSignIn` puts its middleware in front of every page. */
@Module({})
export class SignInModule implements OnApplicationShutdown {
  constructor(@Inject(SESSIONS) private readonly sessions: Sessions) {}

  static forRoot(databaseUrl: string, config: SignInConfig): DynamicModule {
    return {
      module: SignInModule,
      controllers: [SignInController],
      providers: [
        { provide: SIGN_IN_CONFIG, useValue: config },
        { provide: SESSIONS, useFactory: () => createSessions(databaseUrl, config) },
        { provide: RelyingParty, useFactory: () => new RelyingParty(config) },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sessions.store.close();
  }

  /** Before any page: headers on every response, then (after static assets) the session and the CSRF check. */
  static securityHeaders(app: NestExpressApplication): void {
    const config = app.get<SignInConfig>(SIGN_IN_CONFIG);
    app.use(securityHeaders({ identityProviderOrigin: new URL(config.issuer).origin, secure: config.secure }));
    // Behind HTTPS the console sits behind a proxy that terminates TLS; trust its X-Forwarded-Proto for Secure cookies.
    if (config.secure) app.set('trust proxy', 1);
  }

  static sessionsAndCsrf(app: NestExpressApplication): void {
    const config = app.get<SignInConfig>(SIGN_IN_CONFIG);
    const sessions = app.get<Sessions>(SESSIONS);
    // Forms are parsed here, ahead of Nest's own parser, because the CSRF check reads the token from the body.
    app.use(express.urlencoded({ extended: false, limit: '100kb' }));
    app.use(sessions.middleware);
    // The CSRF check reads its cookie from req.cookies.
    app.use(cookieParser());
    app.use(endSessionsPastTheirLimit());
    app.use(
      ...csrfProtection({
        secret: config.sessionSecret,
        secure: config.secure,
        refused: (_req, res) =>
          res.status(403).render('pages/error', {
            pageTitle: 'This form has expired',
            paragraphs: ['Go back, reload the page and try again. Nothing was saved.'],
          }),
      }),
    );
  }
}
