import { HttpException } from '@nestjs/common';
import type { PossibleDuplicate, RefusalCondition } from '../../../../libs/domain/src';

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
  implausible: (errors: readonly { field: string; message: string }[]) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/implausible`,
      title: 'The request states something that cannot be true',
      status: 422,
      detail: `${errors.length} field${errors.length === 1 ? ' holds a fact' : 's hold facts'} that cannot be true: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    }),
  /** Well-formed, as the document describes it, but naming something this API cannot act on (a cursor it did not give out). */
  unprocessable: (errors: readonly { field: string; message: string }[]) =>
    new ProblemException({ type: `${PROBLEM_BASE}/unprocessable`, title: 'The request is well-formed but cannot be acted on', status: 422, detail: `not usable: ${errors.map((e) => e.field).join(', ')}`, errors }),
  unauthenticated: (detail: string) =>
    new ProblemException(
      { type: `${PROBLEM_BASE}/unauthenticated`, title: 'Authentication required', status: 401, detail },
      { 'WWW-Authenticate': 'Bearer realm="asb-case-service"' },
    ),
  methodNotAllowed: (method: string, path: string, allowed: readonly string[]) =>
    new ProblemException(
      { type: `${PROBLEM_BASE}/method-not-allowed`, title: 'Method not allowed', status: 405, detail: `${path} answers ${allowed.join(', ')}, not ${method}` },
      { Allow: allowed.join(', ') },
    ),
  forbidden: (detail: string) => new ProblemException({ type: `${PROBLEM_BASE}/forbidden`, title: 'Not allowed', status: 403, detail }),
  /** Allowed to the caller's role, but not to this person: they drafted what is to be approved. */
  fourEyes: (detail: string) => new ProblemException({ type: `${PROBLEM_BASE}/forbidden`, title: 'Not allowed', status: 403, detail, condition: 'FOUR_EYES_RULE' }),
  notFound: (what: string) =>
    new ProblemException({ type: `${PROBLEM_BASE}/not-found`, title: 'Not found', status: 404, detail: `${what} does not exist` }),
  refused: (detail: string, condition: RefusalCondition, holdsFrom?: string) =>
    new ProblemException({
      type: condition === 'CONCURRENT_CHANGE' ? `${PROBLEM_BASE}/concurrent-change` : `${PROBLEM_BASE}/refused`,
      title: condition === 'CONCURRENT_CHANGE' ? 'The case changed since you read it' : 'The command was refused',
      status: 409,
      detail,
      condition,
      ...(holdsFrom ? { holdsFrom } : {}),
    }),
  possibleDuplicate: (matches: readonly PossibleDuplicate[]) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/possible-duplicate`,
      title: 'The report may repeat an open case',
      status: 409,
      detail:
        `the report may repeat ${matches.map((match) => `${match.reference} (${match.matchedOn.map((ground) => ground.toLowerCase()).join(', ')})`).join(', ')}: ` +
        'open it anyway or linked (send possibleDuplicates with your decision), or record it as an incident on that case',
      condition: 'POSSIBLE_DUPLICATE',
      matches: matches.map(({ reference, team, stage, openedAt, matchedOn }) => ({ reference, team, stage, openedAt, matchedOn })),
    }),
  /** A policy version asked to reach open cases that names none: it is for new cases only. */
  namesNoOpenCases: (policyVersionId: string, effectiveFrom: string) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/names-no-open-cases`,
      title: 'The policy version names no open cases',
      status: 409,
      detail: `policy version ${policyVersionId} names no date from which it reaches open cases (appliesToOpenCasesFrom): new cases take it from ${effectiveFrom}, and running cases keep theirs`,
    }),
  /** A notice the law requires something of, which the case file does not hold yet: `errors` names the field. */
  documentIncomplete: (field: string, message: string) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/document-incomplete`,
      title: 'The document cannot be made from the case file yet',
      status: 409,
      detail: `${field}: ${message}`,
      errors: [{ field, message }],
    }),
  /** The stored bytes of a document are not those recorded: nothing is sent. */
  documentAltered: (documentId: string) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/document-altered`,
      title: 'The stored document does not match its record',
      status: 500,
      detail: `document ${documentId} is missing from the store, or its bytes no longer have the SHA-256 recorded when it was made, so it is not sent. Issue it again, and tell the admins.`,
    }),
  /** The file's bytes were removed with the case's personal data at the end of retention: its record is all that is left. */
  fileRemoved: (what: string, removedAt: string) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/file-removed`,
      title: 'The file was removed at the end of retention',
      status: 410,
      detail: `${what} was removed on ${removedAt.slice(0, 10)}, when the case's personal data was anonymised at the end of its retention period; its record (what it was, when, its SHA-256) is kept.`,
    }),
  idempotencyKeyReused: (key: string) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/idempotency-key-reused`,
      title: 'Idempotency-Key already used for a different request',
      status: 422,
      detail: `the Idempotency-Key ${key} was first used with a different body; use a new key for a new request`,
    }),
  caseNotSaved: (detail: string) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/case-not-saved`,
      title: 'The case could not be saved',
      status: 500,
      detail: `${detail}. Retrying the same request cannot cure this: the case is as it was before it, the failure is recorded and the admins have been told.`,
    }),
  temporalUnreachable: () =>
    new ProblemException(
      {
        type: `${PROBLEM_BASE}/temporal-unreachable`,
        title: 'Temporal is not reachable',
        status: 503,
        detail: 'The API could not reach Temporal, so the command was not carried out. Retry with the same Idempotency-Key: it acts at most once.',
      },
      { 'Retry-After': '5' },
    ),
  noWorker: (taskQueue: string, sinceSeconds: number) =>
    new ProblemException(
      {
        type: `${PROBLEM_BASE}/no-worker`,
        title: 'No worker is processing cases',
        status: 503,
        detail:
          `Temporal is up, but no worker has polled the task queue ${taskQueue} in the last ${sinceSeconds} seconds, so the command was not carried out. ` +
          'Retry with the same Idempotency-Key once a worker runs: it acts at most once.',
      },
      { 'Retry-After': '30' },
    ),
  /** A request under an Idempotency-Key another request under that key is still acting on: its answer is not known yet. */
  keyStillInUse: (seconds: number) =>
    new ProblemException(
      {
        type: `${PROBLEM_BASE}/key-still-in-use`,
        title: 'Another request under this Idempotency-Key is still being handled',
        status: 503,
        detail:
          `another request sent with the same Idempotency-Key has not finished after ${seconds} seconds. ` +
          'Retry with the same key to get its answer: it acts at most once.',
      },
      { 'Retry-After': '5' },
    ),
  notFinishedInTime: (seconds: number) =>
    new ProblemException(
      {
        type: `${PROBLEM_BASE}/not-finished-in-time`,
        title: 'The command was not finished in time',
        status: 503,
        detail:
          `Temporal and a worker are up, but the command did not finish within ${seconds} seconds (the worker may be waiting for PostgreSQL). ` +
          'It may still finish: retry with the same Idempotency-Key to get its result; it acts at most once.',
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
