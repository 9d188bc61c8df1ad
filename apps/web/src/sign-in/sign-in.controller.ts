import { Controller, Get, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import { appendAudit } from '../../../../libs/persistence/src';
import { Public } from '../../../api/src/auth/public.decorator';
import { RelyingParty } from './relying-party';
import { localReturnPath, sessionCookieName } from './session';
import { SIGN_IN_CONFIG, type SignInConfig } from './sign-in.tokens';

function saved(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((error: unknown) => (error ? reject(error) : resolve())));
}

function regenerated(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error: unknown) => (error ? reject(error) : resolve())));
}

function destroyed(req: Request): Promise<void> {
  return new Promise((resolve, reject) => (req.session ? req.session.destroy((error: unknown) => (error ? reject(error) : resolve())) : resolve()));
}

/**
 * Sign-in with the partnership's OpenID provider, and sign-out. A page asked for without a session
 * sends the browser here with `returnTo` (a deep link, such as the case link in an email), and the
 * person lands on that page once signed in.
 */
@Controller()
export class SignInController {
  private readonly logger = new Logger('SignIn');

  constructor(
    private readonly relyingParty: RelyingParty,
    @Inject(SIGN_IN_CONFIG) private readonly config: SignInConfig,
    private readonly em: EntityManager,
  ) {}

  /** Signing in and out go into the audit trail beside every view and change, as the person who did it. */
  private audit(caller: Caller, action: 'console.sign-in' | 'console.sign-out', req: Request): Promise<void> {
    return appendAudit(this.em.fork(), { actor: caller.id, roles: caller.roles, action, method: req.method, path: req.path, status: 303 });
  }

  @Public()
  @Get('sign-in')
  async signIn(@Req() req: Request, @Res() res: Response, @Query('returnTo') returnTo?: string): Promise<void> {
    const target = localReturnPath(returnTo);
    if (req.session.caller) return res.redirect(303, target);
    const { url, pending } = await this.relyingParty.start(target);
    req.session.pendingSignIn = pending;
    await saved(req);
    res.redirect(303, url);
  }

  @Public()
  @Get('sign-in/callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const pending = req.session.pendingSignIn;
    // No sign-in under way in this browser (an old tab, a replayed link): start again.
    if (!pending) return res.redirect(303, '/sign-in');
    let signedIn;
    try {
      signedIn = await this.relyingParty.finish(new URL(req.originalUrl, this.config.redirectUri), pending);
    } catch (error) {
      this.logger.warn(`sign-in refused: ${error instanceof Error ? error.message : String(error)}`);
      delete req.session.pendingSignIn;
      await saved(req);
      return res.status(400).render('pages/error', {
        pageTitle: 'You could not be signed in',
        paragraphs: ['Try signing in again.', 'If it happens again, tell your team leader: your account may not have a role in this service.'],
      });
    }
    // A new session id at sign-in, so that an id planted before it (session fixation) signs nobody in.
    await regenerated(req);
    req.session.caller = signedIn.caller;
    req.session.idToken = signedIn.idToken;
    req.session.signedInAt = Date.now();
    await saved(req);
    await this.audit(signedIn.caller, 'console.sign-in', req);
    res.redirect(303, pending.returnTo);
  }

  /** A form (with its CSRF token, as every form): a link would let another site sign people out. */
  @Public()
  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    const idToken = req.session?.idToken;
    const caller = req.session?.caller;
    await destroyed(req);
    if (caller) await this.audit(caller, 'console.sign-out', req);
    res.clearCookie(sessionCookieName(this.config), { path: '/' });
    res.redirect(303, await this.relyingParty.signOutUrl(idToken));
  }

  @Public()
  @Get('signed-out')
  signedOut(@Res() res: Response): void {
    res.render('sign-in/signed-out', { pageTitle: 'You have signed out' });
  }
}
