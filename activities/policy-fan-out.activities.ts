import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { Refusal } from '../libs/domain/src';
import { CASE_NOT_OPEN, CASE_NOT_SAVED, caseCommand, COMMAND_REFUSED } from '../workflows/case-messages';
import type { CaseMoveOutcome, PolicyFanOutActivities } from './contract';

/** Moves cases through their own workflows, by the same update the API sends. */
export function policyFanOutActivities(client: Client): PolicyFanOutActivities {
  return {
    async moveCaseToPolicy({ fanOutId, reference, policy, reason, actor }) {
      try {
        await client.workflow.getHandle(reference).executeUpdate(caseCommand('movePolicy'), {
          args: [{ actor, command: { policy, reason } }],
          updateId: `${fanOutId}:${reference}`,
        });
        return { outcome: 'MOVED' };
      } catch (error) {
        const settled = settledBy(error);
        if (settled) return settled;
        throw error;
      }
    },
  };
}

/** A refusal or a case no longer running is an answer for the report; anything else (Temporal away) is retried. */
function settledBy(error: unknown): CaseMoveOutcome | undefined {
  if (error instanceof WorkflowNotFoundError) return { outcome: 'REFUSED', reason: 'the case is no longer running' };
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure)) return undefined;
  if (error.cause.type === CASE_NOT_OPEN) return { outcome: 'REFUSED', reason: 'the case was never opened' };
  if (error.cause.type === CASE_NOT_SAVED) return { outcome: 'REFUSED', reason: `the move could not be saved: ${error.cause.message}` };
  if (error.cause.type !== COMMAND_REFUSED) return undefined;
  const refusal = error.cause.details?.[0] as Refusal | undefined;
  if (refusal?.condition === 'SAME_POLICY') return { outcome: 'ALREADY_UNDER_IT' };
  return { outcome: 'REFUSED', reason: refusal?.message ?? error.cause.message };
}
