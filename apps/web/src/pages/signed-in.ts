import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import { PUBLIC_ROUTE } from '../../../api/src/auth/public.decorator';
import type { AuthenticatedRequest } from '../../../api/src/auth/current-caller.decorator';

/** The session as the pages read it: the sign-in puts the verified `Caller` there (apps/web/src/sign-in). */
export type SessionRequest = Request & AuthenticatedRequest & { session?: { caller?: Caller } };

/** Raised when a page is asked for without a signed-in caller; the error filter sends the browser to sign in. */
export class NotSignedIn extends UnauthorizedException {
  constructor(readonly returnTo: string) {
    super('not signed in');
  }
}

export function signedInCallerOf(request: SessionRequest): Caller | undefined {
  return request.session?.caller;
}

/**
 * No page without a session: the session's caller becomes `request.caller`, as the API's bearer guard
 * makes it, so the API's `@CurrentCaller()` and audit interceptor serve the console unchanged.
 * Routes marked `@Public()` (sign-in, health) pass without one.
 */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<SessionRequest>();
    const caller = signedInCallerOf(request);
    if (!caller) throw new NotSignedIn(request.originalUrl);
    request.caller = caller;
    // Every page the request renders shows who is signed in (the header's menu and sign out), whoever renders it.
    context.switchToHttp().getResponse<Response>().locals.signedIn = caller;
    return true;
  }
}
