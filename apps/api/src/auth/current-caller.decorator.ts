import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from '../../../../libs/auth/src';

export type AuthenticatedRequest = { caller?: Caller };

/** The verified caller of this request (the guard has already refused requests without one). */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a public route');
  return caller;
});
