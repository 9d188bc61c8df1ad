import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  alertAudienceOf,
  CASE_COMMAND_NAMES,
  CASE_COMMANDS,
  type CaseChange,
  type CaseCommand,
  type CaseFile,
  type CommandContext,
  type CommandEnvelope,
  DEADLINE_CATALOGUE,
  deadlinePassed,
  natureOf,
  nextPendingDeadline,
  nextSteps,
  openCaseFile,
  processEnded,
  recordAlertSent,
  type Refusal,
  staleVersionRefusal,
} from '../libs/domain/src';
import type { CaseActivities } from '../activities/contract';
import { caseCommand, caseFileQuery, type CaseWorkflowInput, deadlineLedgerQuery, nextStepsQuery, openCase } from './case-messages';
import { CASE_SEARCH_ATTRIBUTES } from './search-attributes';

// Activities retry without limit: a deadline's consequence must not be dropped because PostgreSQL or
// the mail server was down for a while; they are idempotent, so a retry never acts twice.
const { saveCaseFile, sendDeadlineAlert } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** How long a started case waits for its opening command before it gives up (a start whose open was refused). */
const OPENING_GRACE = '1 hour';

/**
 * One ASB case, for as long as it lives. Commands arrive as updates, refused in their validators so a
 * refusal leaves no trace; one timer at a time watches the earliest pending deadline; every change
 * reaches PostgreSQL through `saveCaseFile` before the command that made it returns. The workflow ends
 * when the case is closed and nothing is left pending; a long case continues as new, carrying its file.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  let file: CaseFile | undefined = input.carried;

  const apply = async (change: CaseChange): Promise<CaseFile> => {
    file = change.file;
    upsertSearchAttributes(searchAttributesOf(change.file));
    await saveCaseFile({ file: change.file, timeline: change.timeline });
    return change.file;
  };
  const context = (actor: string): CommandContext => ({ now: new Date(), actor });
  const openedFile = (): CaseFile => {
    if (!file) throw ApplicationFailure.nonRetryable(`case ${input.reference} has not been opened`, 'CaseNotOpen');
    return file;
  };
  const refuse = (refusal: Refusal): never => {
    throw ApplicationFailure.create({ message: refusal.message, type: 'CommandRefused', nonRetryable: true, details: [refusal] });
  };

  setHandler(caseFileQuery, () => file ?? null);
  setHandler(deadlineLedgerQuery, () =>
    (file?.deadlines ?? []).map((deadline) => ({ ...deadline, title: DEADLINE_CATALOGUE[deadline.kind].title, nature: natureOf(deadline.kind) })),
  );
  setHandler(nextStepsQuery, (asOf) => (file ? nextSteps(file, { now: asOf ? new Date(asOf) : new Date(), actor: 'query' }) : []));

  setHandler(openCase, (command) => apply(openCaseFile(input.reference, input.policy, command, new Date())), {
    validator: (_command) => {
      if (file) refuse({ condition: 'CASE_ALREADY_OPEN', message: `case ${input.reference} is already open` });
    },
  });

  for (const name of CASE_COMMAND_NAMES) {
    const command = CASE_COMMANDS[name] as CaseCommand<unknown>;
    setHandler(
      caseCommand(name),
      (envelope: CommandEnvelope<unknown>) => apply(command.apply(openedFile(), envelope.command, context(envelope.actor))),
      {
        validator: (envelope: CommandEnvelope<unknown>) => {
          const refusal =
            staleVersionRefusal(openedFile(), envelope.expectedVersion) ?? command.refusal(openedFile(), envelope.command, context(envelope.actor));
          if (refusal) refuse(refusal);
        },
      },
    );
  }

  if (!file && !(await condition(() => file !== undefined, OPENING_GRACE))) return;

  const continueAsNewDue = () =>
    workflowInfo().continueAsNewSuggested || (input.continueAsNewAfterEvents !== undefined && workflowInfo().historyLength >= input.continueAsNewAfterEvents);

  while (!processEnded(openedFile())) {
    if (continueAsNewDue()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof caseWorkflow>({ ...input, carried: openedFile() });
    }
    const current = openedFile();
    const due = nextPendingDeadline(current.deadlines);
    const untilDue = due ? Date.parse(due.dueAt) - Date.now() : undefined;
    if (untilDue === undefined) {
      await condition(() => file !== current || continueAsNewDue());
      continue;
    }
    if (untilDue > 0 && (await condition(() => file !== current || continueAsNewDue(), untilDue))) continue;
    await onDeadlinePassed(due!.id);
  }
  await condition(allHandlersFinished);

  async function onDeadlinePassed(deadlineId: string): Promise<void> {
    const change = deadlinePassed(openedFile(), deadlineId, new Date());
    const after = await apply(change);
    for (const missed of change.alerts ?? []) {
      const audience = alertAudienceOf(missed.kind);
      if (!audience) continue;
      const { recipients } = await sendDeadlineAlert({
        reference: after.reference,
        deadlineId: missed.id,
        kind: missed.kind,
        title: DEADLINE_CATALOGUE[missed.kind].title,
        audience,
        dueOn: missed.dueOn,
        dueAt: missed.dueAt,
        reason: missed.reason,
        team: after.team,
        ...(after.riskLevel ? { riskLevel: after.riskLevel } : {}),
        ...(after.caseworker ? { caseworker: after.caseworker } : {}),
        ...agencyOf(after, missed.stepId),
      });
      await apply(recordAlertSent(openedFile(), { kind: missed.kind, deadlineId: missed.id, recipients }, new Date()));
    }
  }
}

function agencyOf(file: CaseFile, actionId: string | undefined): { agency?: string } {
  const action = file.partnerActions?.find((candidate) => candidate.id === actionId);
  return action ? { agency: action.agency } : {};
}

function searchAttributesOf(file: CaseFile) {
  const next = nextPendingDeadline(file.deadlines);
  return [
    { key: CASE_SEARCH_ATTRIBUTES.stage, value: file.stage },
    { key: CASE_SEARCH_ATTRIBUTES.riskLevel, value: file.riskLevel ?? null },
    { key: CASE_SEARCH_ATTRIBUTES.forum, value: file.forum },
    { key: CASE_SEARCH_ATTRIBUTES.team, value: file.team },
    { key: CASE_SEARCH_ATTRIBUTES.caseworker, value: file.caseworker ?? null },
    { key: CASE_SEARCH_ATTRIBUTES.nextDeadline, value: next ? new Date(next.dueAt) : null },
  ];
}
