import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CaseCommandName,
  CaseFile,
  CaseNotice,
  CommandEnvelope,
  CommandOf,
  Deadline,
  DocumentOnRecord,
  NextStep,
  OpenCaseCommand,
  PolicyVersion,
} from '../libs/domain/src';

/**
 * What a command answers: the case and the version its change made. Not the file: an update's result
 * is written into the case's history, and the file is already saved where the API reads it.
 */
export interface CaseChanged {
  readonly reference: string;
  readonly version: number;
}

/** A command a case answered, by the id of the update that carried it. */
export interface AnsweredCommand {
  readonly updateId: string;
  readonly answer: CaseChanged;
}

/** The messages a case workflow answers. The API and tests import these; the workflow implements them. */
export const openCase = defineUpdate<CaseChanged, [OpenCaseCommand]>('openCase');

/** Every other command, by its name in the domain's command catalogue, carrying who acts. */
export function caseCommand<N extends CaseCommandName>(name: N): UpdateDefinition<CaseChanged, [CommandEnvelope<CommandOf<N>>], N> {
  return defineUpdate<CaseChanged, [CommandEnvelope<CommandOf<N>>], N>(name);
}

export const caseFileQuery = defineQuery<CaseFile | null>('caseFile');

export interface LedgerEntry extends Deadline {
  readonly title: string;
  readonly nature: 'DUTY' | 'PERIOD';
}
/** Every deadline the case has had: what, due when, its status, and why it exists. */
export const deadlineLedgerQuery = defineQuery<LedgerEntry[]>('deadlineLedger');
/**
 * What could be done next, each available or with the reason it is not, as of `asOf` (ISO instant):
 * a query runs at the time of the workflow's last task, so the caller says what time it is now.
 */
export const nextStepsQuery = defineQuery<NextStep[], [asOf?: string]>('nextSteps');

export interface CaseWorkflowInput {
  readonly reference: string;
  /** The policy version the case runs under, whole: its numbers cannot change underneath a running case. */
  readonly policy: PolicyVersion;
  /** The case file carried across continue-as-new, with every pending deadline. */
  readonly carried?: CaseFile;
  /** Notices raised but not yet delivered when the previous run continued as new. */
  readonly unsentNotices?: readonly CaseNotice[];
  /** Notices of recorded steps not yet made when the previous run continued as new. */
  readonly unmadeNotices?: readonly DocumentOnRecord[];
  /** The latest commands' answers by update id, carried across continue-as-new so that a retry is answered, not applied again. */
  readonly answeredCommands?: readonly AnsweredCommand[];
  /** Continue as new once history reaches this many events, even before the server suggests it. */
  readonly continueAsNewAfterEvents?: number;
}

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

/**
 * The failure type of a command whose change PostgreSQL refused for good: the case is as it was, the
 * failure is recorded, the admins are told. Its details hold the `CaseSaveFailure`.
 */
export const CASE_NOT_SAVED = 'CaseNotSaved';
/** The failure type of a refused command: its details hold the domain's `Refusal`, whose condition is in the catalogue. */
export const COMMAND_REFUSED = 'CommandRefused';
/** The failure type of a command sent to a case whose opening never took (refused, or not saved); its details hold the reference. */
export const CASE_NOT_OPEN = 'CaseNotOpen';

/** A notice the mail server had refused was re-sent by an admin and accepted: the case's timeline records it. */
export const noticeResent = defineSignal<[{ key: string; kind: string; recipient: string; by: string }]>('noticeResent');

