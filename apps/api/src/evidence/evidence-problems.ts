import { PROBLEM_BASE, ProblemException } from '../http/problem';

/** The answers an evidence route gives that no other route does. */
export const evidenceProblems = {
  tooLarge: (maxBytes: number) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/evidence-too-large`,
      title: 'The file is larger than evidence may be',
      status: 413,
      detail: `evidence may be at most ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(0)} MiB); nothing was kept`,
      errors: [{ field: 'file', message: `larger than ${maxBytes} bytes` }],
    }),
  typeRefused: (reason: string) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/evidence-type-refused`,
      title: 'The file is not a type kept as evidence, or not the type it was declared',
      status: 415,
      detail: `${reason}; nothing was kept`,
      errors: [{ field: 'file', message: reason }],
    }),
  notMultipart: () =>
    new ProblemException({
      type: `${PROBLEM_BASE}/evidence-type-refused`,
      title: 'Evidence is sent as multipart/form-data',
      status: 415,
      detail: 'send the fields and then the file as multipart/form-data',
    }),
  altered: (evidenceId: string) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/evidence-altered`,
      title: 'The stored evidence does not match its record',
      status: 500,
      detail: `evidence ${evidenceId} is missing from the store, or its bytes no longer have the SHA-256 recorded when it was uploaded, so it is not sent. Tell the admins.`,
    }),
  alreadyWithdrawn: (evidenceId: string, on: string) =>
    new ProblemException({
      type: `${PROBLEM_BASE}/evidence-already-withdrawn`,
      title: 'The evidence was already withdrawn',
      status: 409,
      detail: `evidence ${evidenceId} was withdrawn on ${on}; a withdrawal is recorded once`,
    }),
};
