import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Pspo, PspoDeadline } from '../libs/domain/src';

/** The messages a PSPO's workflow answers. The API and tests import these; pspo.workflow.ts implements them. */
export const PSPO_WORKFLOW_TYPE = 'pspoWorkflow';

/** One workflow per order, named by it: starting it again for the same order finds the one running. */
export const pspoWorkflowId = (pspoId: string): string => `pspo-${pspoId}`;

export interface PspoWorkflowInput {
  readonly pspo: Pspo;
}

/**
 * The order as it now stands, after an extension, a variation, a discharge or a consultation: its
 * timers are planned again from it (or ended, once discharged). A signal, sent with start, so that an
 * order whose workflow is not running (made while Temporal was away) gets one from its next change.
 */
export const pspoChangedUpdate = defineSignal<[Pspo]>('pspoChangedUpdate');

/** The deadlines the workflow is keeping, and the reminders it has sent (deadline ids). */
export const pspoPlanQuery = defineQuery<{ readonly deadlines: readonly PspoDeadline[]; readonly remindersSent: readonly string[] }>('pspoPlan');
