import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Options } from 'pino-http';
import { isCaseReference } from '../../domain/src';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's (or load balancer's) id is kept if it is a plain token; anything else is replaced, never logged. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the caller's `X-Request-Id` when acceptable, a new UUID otherwise; echoed on the response. */
export function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/** The case a request is about, from its path (`/cases/ASB-2026-000123/...`): known before routing, so on every line the request writes. */
export function caseReferenceOf(url: string | undefined): string | undefined {
  const segment = /^\/cases\/([^/?#]+)/.exec(url ?? '')?.[1];
  return segment && isCaseReference(segment) ? segment : undefined;
}

/**
 * pino-http's options for the API and the console: every line a request writes (its summary, and what Nest's Logger
 * writes while handling it) carries `requestId` and, for a case's route, `caseReference`. A 5xx is an
 * error, a 4xx a warning (the caller's, but worth seeing in a wave of them), the rest info.
 */
export function requestLogging(logger: Logger): Options {
  return {
    logger,
    genReqId: requestIdOf,
    // A binding of the request's logger, so on its summary and on every line written while it is handled.
    customProps: (request) => {
      const caseReference = caseReferenceOf(request.url);
      return { requestId: request.id, ...(caseReference ? { caseReference } : {}) };
    },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      // The path without its query: a search's words (a name, an address) are personal data, not for a log.
      req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url.split('?')[0] }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  };
}
