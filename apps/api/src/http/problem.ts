import { HttpException } from '@nestjs/common';

/** A problem detail (RFC 9457): what every error response of this API is. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_BASE = 'https://asb-case-service.example/problems';

/** Thrown anywhere in the API to answer with a specific problem; the filter writes it out. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails, readonly headers: Readonly<Record<string, string>> = {}) {
    super(problem, problem.status);
  }
}

export const problems = {
  validation: (errors: readonly { field: string; message: string }[]) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/validation`,
      title: 'The request is not valid',
      status: 400,
      detail: `${errors.length} field${errors.length === 1 ? ' is' : 's are'} not valid: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    }),
  unauthenticated: (detail: string) =>
    new ProblemException(
      { type: `${PROBLEM_BASE}/unauthenticated`, title: 'Authentication required', status: 401, detail },
      { 'WWW-Authenticate': 'Bearer realm="asb-case-service"' },
    ),
  forbidden: (detail: string) => new ProblemException({ type: `${PROBLEM_BASE}/forbidden`, title: 'Not allowed', status: 403, detail }),
  notFound: (what: string) =>
    new ProblemException({ type: `${PROBLEM_BASE}/not-found`, title: 'Not found', status: 404, detail: `${what} does not exist` }),
  refused: (detail: string, condition: string, holdsFrom?: string) =>
    new ProblemException({
      type: condition === 'CONCURRENT_CHANGE' ? `${PROBLEM_BASE}/concurrent-change` : `${PROBLEM_BASE}/refused`,
      title: condition === 'CONCURRENT_CHANGE' ? 'The case changed since you read it' : 'The command was refused',
      status: 409,
      detail,
      condition,
      ...(holdsFrom ? { holdsFrom } : {}),
    }),
  idempotencyKeyReused: (key: string) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/idempotency-key-reused`,
      title: 'Idempotency-Key already used for a different request',
      status: 422,
      detail: `the Idempotency-Key ${key} was first used with a different body; use a new key for a new request`,
    }),
  unconfirmed: () =>
    new ProblemException(
      {
        type: `${PROBLEM_BASE}/unconfirmed`,
        title: 'The command was not confirmed in time',
        status: 503,
        detail:
          'Temporal is not reachable or no worker is processing cases, so the command was not confirmed. ' +
          'Retry with the same Idempotency-Key: it will act at most once.',
      },
      { 'Retry-After': '5' },
    ),
  unavailable: (dependency: string) =>
    new ProblemException(
      {
        type: `${PROBLEM_BASE}/unavailable`,
        title: 'A service the API depends on is unavailable',
        status: 503,
        detail: `${dependency} is not reachable; nothing was changed, retry shortly`,
      },
      { 'Retry-After': '5' },
    ),
};
