import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_BASE, ProblemException, type ProblemDetails } from './problem';
import { toProblem } from './dependency-errors';

const DEFAULT_RETRY_AFTER_SECONDS = '5';

/**
 * Every error leaves as application/problem+json. Known problems pass through; Nest's own HTTP errors
 * (a malformed JSON body, an unknown route) are translated; anything else is logged with its stack and
 * answered without it.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const { problem, headers } = this.problemFor(error);
    // A 503 always says when to try again: clients and load balancers retry by it, and the OpenAPI document promises it.
    if (problem.status === 503 && !Object.keys(headers).some((name) => name.toLowerCase() === 'retry-after')) headers['Retry-After'] = DEFAULT_RETRY_AFTER_SECONDS;
    if (problem.status >= 500 && problem.status !== 503) this.logger.error(error instanceof Error ? error.stack : String(error));
    sendProblem(request, response, problem, headers);
  }

  private problemFor(error: unknown): { problem: ProblemDetails; headers: Record<string, string> } {
    if (error instanceof ProblemException) return { problem: error.problem, headers: { ...error.headers } };
    const dependencyProblem = toProblem(error);
    if (dependencyProblem) return { problem: dependencyProblem.problem, headers: { ...dependencyProblem.headers } };
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      if (isHealthReport(body)) {
        return {
          problem: {
            type: `${PROBLEM_BASE}/unhealthy`,
            title: 'A dependency is unhealthy',
            status,
            detail: `not reachable: ${Object.keys(body.error ?? {}).join(', ')}`,
            checks: body.details,
          },
          headers: { 'Retry-After': '5' },
        };
      }
      const detail = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      return {
        problem: {
          type: `${PROBLEM_BASE}/http-${status}`,
          title: error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
          status,
          detail: Array.isArray(detail) ? detail.join('; ') : String(detail ?? error.message),
        },
        headers: {},
      };
    }
    return {
      problem: { type: `${PROBLEM_BASE}/internal`, title: 'Internal error', status: 500, detail: 'the error has been logged' },
      headers: {},
    };
  }
}

function isHealthReport(body: unknown): body is { status: string; error?: Record<string, unknown>; details: Record<string, unknown> } {
  return typeof body === 'object' && body !== null && 'details' in body && (body as { status?: unknown }).status === 'error';
}

/** Writes a problem as the answer to `request`: the one way every error leaves the API. */
export function sendProblem(request: Request, response: Response, problem: ProblemDetails, headers: Readonly<Record<string, string>> = {}): void {
  response
    .status(problem.status)
    .set({ ...headers, 'Content-Type': 'application/problem+json' })
    .send(JSON.stringify({ ...problem, instance: request.originalUrl }));
}
