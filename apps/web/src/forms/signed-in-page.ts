import type { Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';

/** A form rendered by hand (`response.render`) gets what `@Render` pages return: who is signed in (the header's menu and sign out). */
export function asSignedInPage(response: Response, caller: Caller): void {
  response.locals.signedIn = caller;
  response.locals.activeNav = 'cases';
}
