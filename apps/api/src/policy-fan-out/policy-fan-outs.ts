import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { Caller } from '../../../../libs/auth/src';
import { compareDates, type LocalDate, londonDateOf, londonTimeOn, planPolicyMove, type PolicyMovePlan, type PolicyVersion } from '../../../../libs/domain/src';
import { casesOfTypes, findStoredPolicyVersion, type OpenCaseOfType, openCasesUnder, storedCaseFiles } from '../../../../libs/persistence/src';
import { type FanOutProgress, fanOutProgressQuery, POLICY_FAN_OUT_WORKFLOW_TYPE, type PolicyFanOutInput, policyFanOutId } from '../../../../workflows/policy-fan-out-messages';
import { typesHiddenFrom } from '../auth/access-policy';
import { problems } from '../http/problem';
import { PolicyVersionSource } from '../policy/policy-version-source';
import { TemporalClient } from '../temporal/temporal-client';

export interface FanOutPlan {
  readonly policyVersionId: string;
  readonly commencesOn: LocalDate;
  /** The day the plan is judged as of: the commencement, or today once it has come. */
  readonly asOf: LocalDate;
  readonly cases: readonly PolicyMovePlan[];
  /** Restricted cases (CSE, Prevent) the version also reaches, counted but not listed for a caller not named for them. */
  readonly restrictedNotListed: number;
}

export type FanOutProgressView = FanOutProgress & { readonly restrictedNotListed: number };

/** A published version that names the open cases it reaches, and from when. */
interface ReachingVersion {
  readonly version: PolicyVersion;
  readonly commencesOn: LocalDate;
  /** The published versions that took effect before it: their open cases are the ones it reaches. */
  readonly earlier: readonly string[];
}

/**
 * A published version reaching the open cases still under earlier versions, from the date it names:
 * the dry run, judged by the very rule each case applies, and the durable fan-out that moves them
 * (workflows/policy-fan-out.workflow.ts).
 */
@Injectable()
export class PolicyFanOuts {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalClient,
    private readonly versions: PolicyVersionSource,
  ) {}

  async dryRun(caller: Caller, policyVersionId: string): Promise<FanOutPlan> {
    const { version, commencesOn, earlier } = await this.reachingVersion(caller, policyVersionId);
    const em = this.em.fork();
    const { shown, restrictedNotListed } = listedFor(caller, await openCasesUnder(em, earlier));
    const asOf = movesFrom(commencesOn);
    const files = await storedCaseFiles(em, shown);
    return { policyVersionId: version.id, commencesOn, asOf: londonDateOf(asOf), cases: files.map((file) => planPolicyMove(file, version, asOf)), restrictedNotListed };
  }

  /** Starts the fan-out, or answers the one already started for this version: asking twice moves nothing twice. */
  async start(caller: Caller, policyVersionId: string, reason: string): Promise<FanOutProgressView> {
    const { version, commencesOn, earlier } = await this.reachingVersion(caller, policyVersionId);
    const input: PolicyFanOutInput = {
      fanOutId: policyFanOutId(version.id),
      policy: version,
      references: (await openCasesUnder(this.em.fork(), earlier)).map((open) => open.reference),
      reason,
      actor: caller.id,
      commencesOn,
    };
    try {
      await this.temporal.command(() =>
        this.temporal.client.workflow.start(POLICY_FAN_OUT_WORKFLOW_TYPE, { workflowId: input.fanOutId, taskQueue: this.temporal.taskQueue, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return this.progress(caller, policyVersionId);
  }

  async progress(caller: Caller, policyVersionId: string): Promise<FanOutProgressView> {
    mustBeAdmin(caller);
    let progress: FanOutProgress;
    try {
      progress = await this.temporal.command(() => this.temporal.client.workflow.getHandle(policyFanOutId(policyVersionId)).query(fanOutProgressQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw problems.notFound(`a fan-out of policy version ${policyVersionId}`);
      throw error;
    }
    const listed = [...progress.moved, ...progress.alreadyUnderIt, ...progress.refused.map((refused) => refused.reference)];
    const hidden = await casesOfTypes(this.em.fork(), listed, typesHiddenFrom(caller));
    return {
      ...progress,
      moved: progress.moved.filter((reference) => !hidden.has(reference)),
      alreadyUnderIt: progress.alreadyUnderIt.filter((reference) => !hidden.has(reference)),
      refused: progress.refused.filter((refused) => !hidden.has(refused.reference)),
      restrictedNotListed: hidden.size,
    };
  }

  private async reachingVersion(caller: Caller, policyVersionId: string): Promise<ReachingVersion> {
    mustBeAdmin(caller);
    const stored = await findStoredPolicyVersion(this.em.fork(), policyVersionId);
    const published = await this.versions.all();
    const version = published.find((candidate) => candidate.id === policyVersionId);
    if (!version) throw problems.notFound(`published policy version ${policyVersionId}`);
    if (!stored?.appliesToOpenCasesFrom) throw problems.namesNoOpenCases(policyVersionId, version.effectiveFrom);
    // A change in the law must not leave behind the cases still open under the versions before it.
    const earlier = published.filter((other) => compareDates(other.effectiveFrom as LocalDate, version.effectiveFrom as LocalDate) < 0).map((other) => other.id);
    return { version, commencesOn: stored.appliesToOpenCasesFrom as LocalDate, earlier };
  }
}

function mustBeAdmin(caller: Caller): void {
  if (!caller.roles.includes('admin')) throw problems.forbidden('only admins apply a policy version to open cases');
}

/** A restricted case is counted for an admin not named for it, never listed (docs/restricted-case-types.md). */
function listedFor(caller: Caller, cases: readonly OpenCaseOfType[]): { shown: string[]; restrictedNotListed: number } {
  const hidden = typesHiddenFrom(caller);
  const shown = cases.filter((open) => !hidden.includes(open.type)).map((open) => open.reference);
  return { shown, restrictedNotListed: cases.length - shown.length };
}

/** Cases move at the start of the commencement day in England, or now if that has passed. */
function movesFrom(commencesOn: LocalDate): Date {
  const now = new Date();
  return compareDates(commencesOn, londonDateOf(now)) > 0 ? londonTimeOn(commencesOn, 0) : now;
}
