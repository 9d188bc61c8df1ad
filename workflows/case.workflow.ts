import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  type CaseChange,
  type CaseFile,
  missDeadline,
  nextPendingDeadline,
  openCaseFile,
  policyVersion,
  recordAlertSent,
  recordReview as recordReviewOn,
  reviewRefusal,
} from '../libs/domain/src';
import type { CaseActivities } from '../activities/contract';
import { caseFileQuery, type CaseWorkflowInput, openCase, recordReview } from './case-messages';
import { CASE_SEARCH_ATTRIBUTES } from './search-attributes';

// Activities retry without limit: a deadline's consequence must not be dropped because PostgreSQL or
// the mail server was down for a while; they are idempotent, so a retry never acts twice.
const { saveCaseFile, sendOverdueReviewAlert } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** How long a started case waits for its opening command before it gives up (a start whose open was refused). */
const OPENING_GRACE = '1 hour';

/**
 * One ASB case, for as long as it lives. Commands arrive as updates (refused in the validator, so a
 * refusal leaves no trace), the deadline ledger is watched by one timer at a time, and every change
 * reaches PostgreSQL through `saveCaseFile` before the command that made it returns.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const policy = policyVersion(input.policyVersionId).local;
  let file: CaseFile | undefined;

  const apply = async (change: CaseChange): Promise<CaseFile> => {
    file = change.file;
    upsertSearchAttributes(searchAttributesOf(change.file));
    await saveCaseFile({ file: change.file, timeline: change.timeline });
    return change.file;
  };

  setHandler(caseFileQuery, () => file ?? null);

  setHandler(
    openCase,
    (command) => apply(openCaseFile(input.reference, input.policyVersionId, command, policy, new Date())),
    {
      validator: (_command) => {
        if (file) throw ApplicationFailure.nonRetryable(`case ${input.reference} is already open`, 'CaseAlreadyOpen');
      },
    },
  );

  setHandler(recordReview, (command) => apply(recordReviewOn(openedFile(), command, policy, new Date())), {
    validator: (_command) => {
      const refusal = reviewRefusal(openedFile());
      if (refusal) throw ApplicationFailure.nonRetryable(refusal, 'ReviewRefused');
    },
  });

  function openedFile(): CaseFile {
    if (!file) throw ApplicationFailure.nonRetryable(`case ${input.reference} has not been opened`, 'CaseNotOpen');
    return file;
  }

  if (!(await condition(() => file !== undefined, OPENING_GRACE))) return;

  while (openedFile().stage !== 'CLOSED') {
    const current = openedFile();
    const due = nextPendingDeadline(current.deadlines);
    if (!due) {
      await condition(() => file !== current);
      continue;
    }
    const untilDue = Date.parse(due.dueAt) - Date.now();
    if (untilDue > 0 && (await condition(() => file !== current, untilDue))) continue;
    await deadlinePassed(due.id);
  }

  async function deadlinePassed(deadlineId: string): Promise<void> {
    const missed = await apply(missDeadline(openedFile(), deadlineId, new Date()));
    const deadline = missed.deadlines.find((candidate) => candidate.id === deadlineId);
    if (deadline?.kind !== 'CASE_REVIEW' || deadline.status !== 'MISSED') return;
    const { recipients } = await sendOverdueReviewAlert({
      reference: missed.reference,
      deadlineId,
      dueOn: deadline.dueOn,
      riskLevel: missed.riskLevel,
      team: missed.team,
      ...(missed.caseworker ? { caseworker: missed.caseworker } : {}),
    });
    await apply(recordAlertSent(openedFile(), { kind: 'OVERDUE_REVIEW', deadlineId, recipients }, new Date()));
  }

  await condition(allHandlersFinished);
}

function searchAttributesOf(file: CaseFile) {
  const next = nextPendingDeadline(file.deadlines);
  return [
    { key: CASE_SEARCH_ATTRIBUTES.stage, value: file.stage },
    { key: CASE_SEARCH_ATTRIBUTES.riskLevel, value: file.riskLevel },
    { key: CASE_SEARCH_ATTRIBUTES.forum, value: 'GENERAL_CASEWORK' },
    { key: CASE_SEARCH_ATTRIBUTES.team, value: file.team },
    { key: CASE_SEARCH_ATTRIBUTES.caseworker, value: file.caseworker ?? null },
    { key: CASE_SEARCH_ATTRIBUTES.nextDeadline, value: next ? new Date(next.dueAt) : null },
  ];
}
