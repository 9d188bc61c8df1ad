/**
 * A change of a case that PostgreSQL refused for good (a data exception, a constraint the row breaks):
 * retrying cannot cure it, so the workflow keeps the file as last saved, and the failure is recorded
 * and told to the admins. It carries what was being done and why it was refused, never the data
 * refused, which may be the very thing PostgreSQL cannot hold.
 */
export interface CaseSaveFailure {
  /** One per failure: the workflow run and the failure's number in it, so a retried record is kept once. */
  readonly id: string;
  readonly reference: string;
  /** What was being done: the command's name (`openCase`, `allocateCase`), or the workflow's own step. */
  readonly operation: string;
  /** PostgreSQL's SQLSTATE (`22021`, `23505`, `08P01`) and its class, as PostgreSQL names it. */
  readonly sqlState: string;
  readonly condition: string;
  /** PostgreSQL's message, without any value it quoted. */
  readonly message: string;
  readonly at: string;
}

/** The workflow's own steps, as a failure names them; a command is named by its own name. */
export const WORKFLOW_STEPS = {
  deadlinePassed: 'recording a deadline that passed',
  reminders: 'raising reminders',
  retention: 'planning retention',
  noticeDelivered: 'recording who a notice reached',
  noticeResent: 'recording a re-sent notice',
  deliverNotice: 'writing a notice to the outbox',
} as const;

/** What a person is told (the API's answer, the admins' email): what happened, in a sentence. */
export function describeSaveFailure(failure: CaseSaveFailure): string {
  return `case ${failure.reference} could not be saved (${failure.operation}): PostgreSQL refused it with SQLSTATE ${failure.sqlState} (${failure.condition}: ${failure.message})`;
}
