import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { NotSignedIn, type SessionRequest, signedInCallerOf } from './signed-in';

/** What a person is told for each status: plain words, never the exception's own text. */
const PAGES: Readonly<Record<number, { readonly title: string; readonly paragraphs: readonly string[] }>> = {
  403: { title: 'You cannot do this', paragraphs: ['Your role does not allow it. Ask your team leader if you think it should.'] },
  404: { title: 'Page not found', paragraphs: ['If you typed the web address, check it is correct.', 'If you followed a link to a case, the case may belong to another team.'] },
  500: { title: 'Sorry, there is a problem with the service', paragraphs: ['Try again later.', 'Nothing you entered has been lost if you were only reading.'] },
};

/**
 * Every failure of a page as a page. A case the caller may not see is answered 404, as if it did not
 * exist, so that a URL does not tell another team that a case is there.
 */
@Catch()
export class ErrorPagesFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<SessionRequest>();
    if (exception instanceof NotSignedIn) {
      response.redirect(303, `/sign-in?returnTo=${encodeURIComponent(exception.returnTo)}`);
      return;
    }
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const page = PAGES[status] ?? PAGES[status >= 500 ? 500 : 404]!;
    response.status(status).render('pages/error', { pageTitle: page.title, paragraphs: page.paragraphs, signedIn: signedInCallerOf(request) });
  }
}
