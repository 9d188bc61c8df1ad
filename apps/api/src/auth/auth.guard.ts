import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InvalidTokenError, TokenVerifier } from '../../../../libs/auth/src';
import { problems } from '../http/problem';
import type { AuthenticatedRequest } from './current-caller.decorator';
import { PUBLIC_ROUTE } from './public.decorator';

/** Deny by default: every route needs a bearer token the configured issuer signed, unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw problems.unauthenticated('send a bearer token: Authorization: Bearer <token>');
    try {
      request.caller = await this.verifier.verify(match[1]!);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw problems.unauthenticated(`the token was not accepted: ${error.message}`);
      throw error;
    }
    return true;
  }
}
