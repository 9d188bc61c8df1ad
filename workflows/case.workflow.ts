import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
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
  type CaseNotice,
  type CommandContext,
  type Complaint,
  COMMANDS_WEIGHING_OTHER_CASES,
  comingDueNotice,
  type CommandEnvelope,
  DEADLINE_CATALOGUE,
  deadlinePassed,
  markReminded,
  missedDeadlineNotices,
  natureOf,
  nextPendingDeadline,
  nextReminderAt,
  nextSteps,
  noticesOfChange,
  openCaseFile,
  planRetention,
  processEnded,
  recordAlertSent,
  recordNoticeDelivered,
  recordNoticeResent,
  type Refusal,
  remindersDue,
  retentionUnplanned,
  staleVersionRefusal,
} from '../libs/domain/src';
import { activities } from './activities';
import { caseCommand, caseFileQuery, type CaseWorkflowInput, deadlineLedgerQuery, nextStepsQuery, noticeResent, openCase } from './case-messages';
import { CASE_SEARCH_ATTRIBUTES } from './search-attributes';

const { saveCaseFile, sendDeadlineAlert, deliverNotice, complaintsOnOtherCases } = activities;

/**
 * Cases started before notices existed sent only missed-deadline alerts, inline; their histories
 * replay down that path. Every newer run raises notices and reminders and delivers them in turn.
 */
const NOTICES_PATCH = 'notices-and-reminders';
/** Cases started before retention existed end when closed; newer runs keep a closed case until it is anonymised. */
const RETENTION_PATCH = 'retention-and-anonymisation';

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
  const notifying = patched(NOTICES_PATCH);
  const retaining = patched(RETENTION_PATCH);
  /** Notices raised and not yet delivered, oldest first; delivered one at a time so commands never wait on SMTP. */
  const unsent: CaseNotice[] = [...(input.unsentNotices ?? [])];
  /** Where the notice at the head of `unsent` is: a continue-as-new must not cut its recording short. */
  let delivery: 'idle' | 'sending' | 'recording' = 'idle';

  const apply = async (change: CaseChange): Promise<CaseFile> => {
    file = change.file;
    upsertSearchAttributes(searchAttributesOf(change.file));
    await saveCaseFile({ file: change.file, timeline: change.timeline });
    return change.file;
  };
  const context = (actor: string, relatedComplaints?: readonly Complaint[]): CommandContext => ({ now: new Date(), actor, ...(relatedComplaints ? { relatedComplaints } : {}) });
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
      async (envelope: CommandEnvelope<unknown>) => {
        let related: readonly Complaint[] | undefined;
        if (COMMANDS_WEIGHING_OTHER_CASES.has(name)) {
          const asked = openedFile();
          related = await complaintsOnOtherCases({ reference: asked.reference, complainantNames: asked.complainants.map((person) => person.name), ...(asked.location.address ? { address: asked.location.address } : {}) });
          // The case may have moved on while other cases were consulted.
          const refusal = command.refusal(openedFile(), envelope.command, context(envelope.actor, related));
          if (refusal) refuse(refusal);
        }
        const before = openedFile();
        const change = command.apply(before, envelope.command, context(envelope.actor, related));
        if (notifying) unsent.push(...noticesOfChange(before, change, new Date()));
        return apply(change);
      },
      {
        validator: (envelope: CommandEnvelope<unknown>) => {
          const refusal =
            staleVersionRefusal(openedFile(), envelope.expectedVersion) ?? command.refusal(openedFile(), envelope.command, context(envelope.actor));
          if (refusal) refuse(refusal);
        },
      },
    );
  }

  setHandler(noticeResent, async (resent) => {
    if (file) await apply(recordNoticeResent(file, resent, new Date()));
  });

  if (!file && !(await condition(() => file !== undefined, OPENING_GRACE))) return;
  if (notifying) void deliverInTurn();

  const continueAsNewDue = () =>
    workflowInfo().continueAsNewSuggested || (input.continueAsNewAfterEvents !== undefined && workflowInfo().historyLength >= input.continueAsNewAfterEvents);

  const retentionToPlan = () => retaining && retentionUnplanned(openedFile());
  while (!processEnded(openedFile()) || retentionToPlan()) {
    if (continueAsNewDue()) {
      // The notice being sent is let finish, so that no activity of this run is left behind (notices
      // queued behind it are carried). Checked in the same activation as the continue-as-new, so no
      // command accepted meanwhile is cut off. While the mail server is down this waits with it: retries
      // add no history, so the history does not grow meanwhile.
      await condition(() => allHandlersFinished() && delivery === 'idle');
      await continueAsNew<typeof caseWorkflow>({ ...input, carried: openedFile(), unsentNotices: [...unsent] });
    }
    const current = openedFile();
    if (retentionToPlan()) {
      await apply(planRetention(current, new Date()));
      continue;
    }
    if (notifying) {
      const reminders = remindersDue(current, new Date());
      if (reminders.length > 0) {
        const after = await apply(markReminded(current, reminders.map((deadline) => deadline.id)));
        unsent.push(...reminders.map((deadline) => comingDueNotice(after, deadline)));
        continue;
      }
    }
    const due = nextPendingDeadline(current.deadlines);
    const wakeAt = earliest(due ? Date.parse(due.dueAt) : undefined, notifying ? nextReminderAt(current)?.getTime() : undefined);
    if (wakeAt === undefined) {
      await condition(() => file !== current || continueAsNewDue());
      continue;
    }
    const untilWake = wakeAt - Date.now();
    if (untilWake > 0 && (await condition(() => file !== current || continueAsNewDue(), untilWake))) continue;
    if (due && Date.parse(due.dueAt) <= Date.now()) await onDeadlinePassed(due.id);
  }
  await condition(() => allHandlersFinished() && unsent.length === 0);

  /** Delivers each notice in the order raised and records who it reached; a mail outage holds notices, never commands. */
  async function deliverInTurn(): Promise<never> {
    for (;;) {
      await condition(() => unsent.length > 0);
      const notice = unsent[0]!;
      delivery = 'sending';
      const outcome = await deliverNotice(notice);
      delivery = 'recording';
      await apply(recordNoticeDelivered(openedFile(), notice, outcome, new Date()));
      unsent.shift();
      delivery = 'idle';
    }
  }

  async function onDeadlinePassed(deadlineId: string): Promise<void> {
    const change = deadlinePassed(openedFile(), deadlineId, new Date());
    const after = await apply(change);
    if (notifying) {
      unsent.push(...missedDeadlineNotices(change));
      return;
    }
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

function earliest(...moments: (number | undefined)[]): number | undefined {
  const known = moments.filter((moment): moment is number => moment !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
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
