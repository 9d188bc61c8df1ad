import { continueAsNew, proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import { londonTimeOn } from '../libs/domain/src';
import type { PolicyFanOutActivities } from '../activities/contract';
import { type FanOutProgress, type FanOutReport, fanOutProgressQuery, type PolicyFanOutInput } from './policy-fan-out-messages';

/** Cases moved at once: enough to finish a partnership's open cases in minutes, few enough not to crowd out caseworkers' commands. */
const MOVES_AT_ONCE = 10;

/** A case's own update may wait on its worker; Temporal away is retried, loudly after the fifth attempt (activities/failure-policy.ts). */
const { moveCaseToPolicy } = proxyActivities<PolicyFanOutActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** The tally a fan-out keeps, in one place, whatever asks about it. */
class FanOutTally {
  readonly moved: string[];
  readonly alreadyUnderIt: string[];
  readonly refused: { reference: string; reason: string }[];
  status: FanOutProgress['status'] = 'WAITING_FOR_COMMENCEMENT';

  constructor(
    private readonly input: PolicyFanOutInput,
    carried: FanOutReport | undefined,
  ) {
    this.moved = [...(carried?.moved ?? [])];
    this.alreadyUnderIt = [...(carried?.alreadyUnderIt ?? [])];
    this.refused = [...(carried?.refused ?? [])];
  }

  get settled(): number {
    return this.moved.length + this.alreadyUnderIt.length + this.refused.length;
  }

  progress(remaining: number): FanOutProgress {
    const { moved, alreadyUnderIt, refused, status } = this;
    return { status, commencesOn: this.input.commencesOn, total: this.settled + remaining, remaining, moved, alreadyUnderIt, refused };
  }

  report(): FanOutReport {
    return { moved: this.moved, alreadyUnderIt: this.alreadyUnderIt, refused: this.refused };
  }
}

/**
 * A published policy version reaching the open cases it names: from its commencement, each case is sent
 * the recorded `movePolicy` step once. Durable: a worker killed halfway resumes from the history, and a
 * case whose move was sent but not answered is sent the same update again, which it answers once.
 */
export async function policyFanOutWorkflow(input: PolicyFanOutInput): Promise<FanOutReport> {
  const tally = new FanOutTally(input, input.carried);
  const waiting = [...input.references];
  setHandler(fanOutProgressQuery, () => tally.progress(waiting.length));

  const commencement = londonTimeOn(input.commencesOn, 0).getTime();
  if (commencement > Date.now()) await sleep(commencement - Date.now());
  tally.status = 'MOVING';

  while (waiting.length > 0) {
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof policyFanOutWorkflow>({ ...input, references: waiting, carried: tally.report() });
    }
    const batch = waiting.slice(0, MOVES_AT_ONCE);
    const outcomes = await Promise.all(batch.map((reference) => moveCaseToPolicy({ fanOutId: input.fanOutId, reference, policy: input.policy, reason: input.reason, actor: input.actor })));
    outcomes.forEach((outcome, index) => {
      const reference = batch[index]!;
      if (outcome.outcome === 'MOVED') tally.moved.push(reference);
      else if (outcome.outcome === 'ALREADY_UNDER_IT') tally.alreadyUnderIt.push(reference);
      else tally.refused.push({ reference, reason: outcome.reason });
    });
    waiting.splice(0, batch.length);
  }
  tally.status = 'DONE';
  return tally.report();
}
