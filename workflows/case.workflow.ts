import { allHandlersFinished, ApplicationFailure, condition, continueAsNew, currentUpdateInfo, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import {
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
  type Deadline,
  deadlinePassed,
  type DocumentOnRecord,
  documentsOnRecord,
  markReminded,
  missedDeadlineNotices,
  natureOf,
  nextPendingDeadline,
  nextReminderAt,
  nextSteps,
  noticesOfChange,
  type OpenCaseCommand,
  openCaseFile,
  planRetention,
  processEnded,
  recordNoticeDelivered,
  recordNoticeResent,
  type Refusal,
  remindersDue,
  retentionUnplanned,
  staleVersionRefusal,
  WORKFLOW_STEPS,
} from '../libs/domain/src';
import { activities } from './activities';
import { AnsweredCommands } from './answered-commands';
import { CASE_NOT_OPEN, type CaseChanged, caseCommand, caseFileQuery, type CaseWorkflowInput, COMMAND_REFUSED, deadlineLedgerQuery, nextStepsQuery, noticeResent, openCase } from './case-messages';
import { isCaseNotSaved, SavedCaseFile } from './saved-case-file';

const { deliverNotice, complaintsOnOtherCases, makeNoticeOnRecord } = activities;

/** Histories recorded before notices were made on record replay without making them. */
const NOTICES_ON_RECORD = 'notices-on-record';

/** Histories recorded before a continue-as-new waited for both queues to drain replay as they ran. */
const DRAIN_BEFORE_CONTINUE_AS_NEW = 'drain-before-continue-as-new';

/** Histories recorded before each case type ran its own process replay with the ASB duties they were opened with. */
const CASE_TYPE_PROCESSES = 'case-type-processes';

/** Runs begun before a change was saved in the task that made it save through an activity, in a task of its own. */
const SAVE_IN_THE_TASK = 'save-in-the-task';

/** How long a started case waits for its opening command before it gives up (a start whose open was refused). */
const OPENING_GRACE = '1 hour';

/**
 * One ASB case, for as long as it lives. Commands arrive as updates, refused in their validators so a
 * refusal leaves no trace; one timer at a time watches the earliest pending deadline; every change
 * reaches PostgreSQL (`SavedCaseFile`) before the command that made it returns, and a change PostgreSQL
 * refuses for good answers `CaseNotSaved` and leaves the case as it was. The workflow ends when the case
 * is closed and nothing is left pending; a long case continues as new, carrying its file and its latest
 * commands' answers (`AnsweredCommands`).
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  /** Notices raised and not yet delivered, oldest first; delivered one at a time so commands never wait on SMTP. */
  const unsent: CaseNotice[] = [...(input.unsentNotices ?? [])];
  /** Where the notice at the head of `unsent` is: a continue-as-new must not cut its recording short. */
  let delivery: 'idle' | 'sending' | 'recording' = 'idle';
  // Asked once, before anything else is done, so that the whole run keeps one way of saving.
  const saveInTask = patched(SAVE_IN_THE_TASK);
  const saved = new SavedCaseFile(input.reference, input.carried, (notice) => unsent.push(notice), saveInTask);
  /** Notices of steps just recorded, not yet made; made one at a time so commands never wait on a PDF. */
  const unmade: DocumentOnRecord[] = [...(input.unmadeNotices ?? [])];
  let making: 'idle' | 'making' = 'idle';
  const answered = new AnsweredCommands(input.answeredCommands);
  /**
   * A command's update handler and validator, made so that a retry of a command taken before the case
   * continued as new (its update id answered then) gets the first answer, neither judged nor applied
   * again: the case has since moved past the version the retry names.
   */
  const answeredOnce = <A extends unknown[]>(apply: (...args: A) => Promise<CaseFile>, judge: (...args: A) => void) => ({
    handler: async (...args: A): Promise<CaseChanged> => {
      const updateId = currentUpdateInfo()?.id;
      return answered.answerTo(updateId) ?? answered.remember(updateId, changed(await apply(...args)));
    },
    validator: (...args: A): void => {
      if (!answered.answerTo(currentUpdateInfo()?.id)) judge(...args);
    },
  });

  const openedFile = (): CaseFile => opened(saved.file, input.reference);
  const context = (actor: string, relatedComplaints?: readonly Complaint[]): CommandContext => ({ now: new Date(), actor, ...(relatedComplaints ? { relatedComplaints } : {}) });
  const continueAsNewDue = () =>
    workflowInfo().continueAsNewSuggested || (input.continueAsNewAfterEvents !== undefined && workflowInfo().historyLength >= input.continueAsNewAfterEvents);

  setHandler(caseFileQuery, () => saved.file ?? null);
  setHandler(deadlineLedgerQuery, () =>
    (saved.file?.deadlines ?? []).map((deadline) => ({ ...deadline, title: DEADLINE_CATALOGUE[deadline.kind].title, nature: natureOf(deadline.kind) })),
  );
  setHandler(nextStepsQuery, (asOf) => (saved.file ? nextSteps(saved.file, { now: asOf ? new Date(asOf) : new Date(), actor: 'query' }) : []));

  const alreadyOpen = (file: CaseFile | undefined) => {
    if (file) refuse({ condition: 'CASE_ALREADY_OPEN', message: `case ${input.reference} is already open` });
  };
  const opening = answeredOnce(
    async (command: OpenCaseCommand) => {
      const change = await saved.change('openCase', (file) => {
        alreadyOpen(file);
        return openCaseFile(input.reference, input.policy, command, new Date(), { typeProcess: patched(CASE_TYPE_PROCESSES) });
      });
      return change.file;
    },
    (_command: OpenCaseCommand) => alreadyOpen(saved.file),
  );
  setHandler(openCase, opening.handler, { validator: opening.validator });

  for (const name of CASE_COMMAND_NAMES) {
    const command = CASE_COMMANDS[name] as CaseCommand<unknown>;
    const refusalOf = (file: CaseFile, envelope: CommandEnvelope<unknown>, related?: readonly Complaint[]) =>
      staleVersionRefusal(file, envelope.expectedVersions) ?? command.refusal(file, envelope.command, context(envelope.actor, related));
    const handling = answeredOnce(
      async (envelope: CommandEnvelope<unknown>) => {
        let related: readonly Complaint[] | undefined;
        if (COMMANDS_WEIGHING_OTHER_CASES.has(name)) {
          const asked = openedFile();
          related = await complaintsOnOtherCases({ reference: asked.reference, complainantNames: asked.complainants.map((person) => person.name), ...(asked.location.address ? { address: asked.location.address } : {}) });
        }
        let raised: CaseNotice[] = [];
        let recorded: DocumentOnRecord[] = [];
        const change = await saved.change(name, (file) => {
          const before = opened(file, input.reference);
          // Judged again: the case may have moved on while this waited its turn or consulted other cases.
          const refusal = refusalOf(before, envelope, related);
          if (refusal) refuse(refusal);
          const made = command.apply(before, envelope.command, context(envelope.actor, related));
          raised = noticesOfChange(before, made, new Date());
          recorded = documentsOnRecord(before, made.file);
          return made;
        });
        // Only a saved change tells anyone, or has its notice made: a refused one never happened.
        unsent.push(...raised);
        if (recorded.length > 0 && patched(NOTICES_ON_RECORD)) unmade.push(...recorded);
        return change.file;
      },
      (envelope: CommandEnvelope<unknown>) => {
        const refusal = refusalOf(openedFile(), envelope);
        if (refusal) refuse(refusal);
      },
    );
    setHandler(caseCommand(name), handling.handler, { validator: handling.validator });
  }

  setHandler(noticeResent, async (resent) => {
    if (!saved.file) return;
    await saved.change(WORKFLOW_STEPS.noticeResent, (file) => recordNoticeResent(opened(file, input.reference), resent, new Date())).catch(recordedAlready);
  });

  void deliverInTurn();
  void makeInTurn();
  if (!saved.file && !(await condition(() => saved.file !== undefined, OPENING_GRACE))) {
    // Never opened: the admins' notice of an opening PostgreSQL refused still goes before the case ends.
    await condition(() => allHandlersFinished() && unsent.length === 0);
    return;
  }

  const retentionToPlan = () => retentionUnplanned(openedFile());
  while (!processEnded(openedFile()) || retentionToPlan()) {
    if (continueAsNewDue()) {
      // The notices queued are sent and made first, so that no activity of this run is left behind: one
      // queued in the very activation that continues as new would start in this run and be abandoned
      // (older histories only waited for the one in hand, and carried the rest). Checked in the same
      // activation as the continue-as-new, so no command accepted meanwhile is cut off. While the mail
      // server is down this waits with it: retries add no history, so the history does not grow meanwhile.
      const drain = patched(DRAIN_BEFORE_CONTINUE_AS_NEW);
      await condition(() => allHandlersFinished() && delivery === 'idle' && making === 'idle' && (!drain || (unsent.length === 0 && unmade.length === 0)));
      await continueAsNew<typeof caseWorkflow>({
        ...input,
        carried: openedFile(),
        unsentNotices: [...unsent],
        ...(unmade.length > 0 ? { unmadeNotices: [...unmade] } : {}),
        answeredCommands: answered.carry(),
      });
    }
    const current = openedFile();
    if (retentionToPlan()) {
      await ownStep(WORKFLOW_STEPS.retention, (file) => planRetention(file, new Date()));
      continue;
    }
    if (remindersDue(current, new Date()).length > 0) {
      let reminded: Deadline[] = [];
      const change = await ownStep(WORKFLOW_STEPS.reminders, (file) => {
        reminded = remindersDue(file, new Date());
        return markReminded(file, reminded.map((deadline) => deadline.id));
      });
      if (change) unsent.push(...reminded.map((deadline) => comingDueNotice(change.file, deadline)));
      continue;
    }
    const due = nextPendingDeadline(current.deadlines);
    const wakeAt = earliest(due ? Date.parse(due.dueAt) : undefined, nextReminderAt(current)?.getTime());
    if (wakeAt === undefined) {
      await condition(() => saved.file !== current || continueAsNewDue());
      continue;
    }
    const untilWake = wakeAt - Date.now();
    if (untilWake > 0 && (await condition(() => saved.file !== current || continueAsNewDue(), untilWake))) continue;
    if (due && Date.parse(due.dueAt) <= Date.now()) {
      const change = await ownStep(WORKFLOW_STEPS.deadlinePassed, (file) => deadlinePassed(file, due.id, new Date()));
      if (change) unsent.push(...missedDeadlineNotices(change));
    }
  }
  await condition(() => allHandlersFinished() && unsent.length === 0 && unmade.length === 0);

  /**
   * A change the workflow makes by itself (a deadline passed, reminders, retention). Refused for good, it
   * is recorded and told, and tried again once the case changes: at once, it would only be refused again.
   */
  async function ownStep(operation: string, make: (file: CaseFile) => CaseChange): Promise<CaseChange | undefined> {
    const before = saved.file;
    try {
      return await saved.change(operation, (file) => make(opened(file, input.reference)));
    } catch (error) {
      recordedAlready(error);
      await condition(() => saved.file !== before || continueAsNewDue());
      return undefined;
    }
  }

  /**
   * Makes the notice of each step recorded, in turn, through one idempotent activity (one document per
   * step and kind, however often it is retried). A file that lacks what the law needs gets no document
   * and no retry: the caseworker makes it on demand once the file is complete.
   */
  async function makeInTurn(): Promise<never> {
    for (;;) {
      await condition(() => unmade.length > 0);
      const notice = unmade[0]!;
      making = 'making';
      // The case's own policy version, whole: a case may run under one no longer (or not yet) in this code's list.
      await makeNoticeOnRecord({ reference: input.reference, policy: openedFile().policy, kind: notice.kind, stepId: notice.stepId });
      unmade.shift();
      making = 'idle';
    }
  }

  /** Delivers each notice in the order raised and records who it reached; a mail outage holds notices, never commands. */
  async function deliverInTurn(): Promise<never> {
    for (;;) {
      await condition(() => unsent.length > 0);
      const notice = unsent[0]!;
      delivery = 'sending';
      const outcome = await deliverNotice(notice).catch(async (error: unknown) => {
        // The outbox refused it for good: recorded and told (unless it was the admins' own notice), and let go.
        if (!(await saved.recordRefusal(WORKFLOW_STEPS.deliverNotice, error, { tellAdmins: notice.kind !== 'CASE_NOT_SAVED' }))) throw error;
        return undefined;
      });
      delivery = 'recording';
      if (outcome && saved.file) {
        await saved.change(WORKFLOW_STEPS.noticeDelivered, (file) => recordNoticeDelivered(opened(file, input.reference), notice, outcome, new Date())).catch(recordedAlready);
      }
      unsent.shift();
      delivery = 'idle';
    }
  }
}

function opened(file: CaseFile | undefined, reference: string): CaseFile {
  if (!file) throw ApplicationFailure.create({ message: `case ${reference} has not been opened`, type: CASE_NOT_OPEN, nonRetryable: true, details: [reference] });
  return file;
}

function refuse(refusal: Refusal): never {
  throw ApplicationFailure.create({ message: refusal.message, type: COMMAND_REFUSED, nonRetryable: true, details: [refusal] });
}

/** For callers with no one to answer: a change refused for good is already recorded and told; anything else is not theirs to swallow. */
function recordedAlready(error: unknown): void {
  if (!isCaseNotSaved(error)) throw error;
}

function earliest(...moments: (number | undefined)[]): number | undefined {
  const known = moments.filter((moment): moment is number => moment !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
}

function changed(file: CaseFile): CaseChanged {
  return { reference: file.reference, version: file.version };
}
