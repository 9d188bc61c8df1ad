import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { Caller } from '../../../../libs/auth/src';
import { compareDates, type LocalDate, londonDateOf, londonTimeOn, planPolicyMove, type PolicyMovePlan, type PolicyVersion } from '../../../../libs/domain/src';
import { openCasesUnder, storedCaseFiles } from '../../../../libs/persistence/src';
import { type FanOutProgress, fanOutProgressQuery, POLICY_FAN_OUT_WORKFLOW_TYPE, type PolicyFanOutInput, policyFanOutId } from '../../../../workflows/policy-fan-out-messages';
import { problems } from '../http/problem';
import { PolicyVersionSource } from '../policy/policy-version-source';
import { TemporalClient } from '../temporal/temporal-client';

export interface FanOutPlan {
  readonly policyVersionId: string;
  readonly commencesOn: LocalDate;
  /** The day the plan is judged as of: the commencement, or today once it has come. */
  readonly asOf: LocalDate;
  readonly cases: readonly PolicyMovePlan[];
}

/**
 * A published version reaching the open cases it names: the dry run, judged by the very rule each case
 * applies, and the durable fan-out that moves them (workflows/policy-fan-out.workflow.ts).
 */
@Injectable()
export class PolicyFanOuts {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalClient,
    private readonly versions: PolicyVersionSource,
  ) {}

  async dryRun(caller: Caller, policyVersionId: string): Promise<FanOutPlan> {
    const version = await this.applicableVersion(caller, policyVersionId);
    const em = this.em.fork();
    const files = await storedCaseFiles(em, await openCasesUnder(em, version.appliesToOpenCasesUnder!));
    const asOf = movesFrom(version);
    return { policyVersionId: version.id, commencesOn: version.effectiveFrom as LocalDate, asOf: londonDateOf(asOf), cases: files.map((file) => planPolicyMove(file, version, asOf)) };
  }

  /** Starts the fan-out, or answers the one already started for this version: asking twice moves nothing twice. */
  async start(caller: Caller, policyVersionId: string, reason: string): Promise<FanOutProgress> {
    const version = await this.applicableVersion(caller, policyVersionId);
    const input: PolicyFanOutInput = {
      fanOutId: policyFanOutId(version.id),
      policy: version,
      references: await openCasesUnder(this.em.fork(), version.appliesToOpenCasesUnder!),
      reason,
      actor: caller.id,
      commencesOn: version.effectiveFrom as LocalDate,
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

  async progress(caller: Caller, policyVersionId: string): Promise<FanOutProgress> {
    mustBeAdmin(caller);
    try {
      return await this.temporal.command(() => this.temporal.client.workflow.getHandle(policyFanOutId(policyVersionId)).query(fanOutProgressQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw problems.notFound(`a fan-out of policy version ${policyVersionId}`);
      throw error;
    }
  }

  private async applicableVersion(caller: Caller, policyVersionId: string): Promise<PolicyVersion & { appliesToOpenCasesUnder: readonly string[] }> {
    mustBeAdmin(caller);
    const version = (await this.versions.all()).find((candidate) => candidate.id === policyVersionId);
    if (!version) throw problems.notFound(`published policy version ${policyVersionId}`);
    if (!version.appliesToOpenCasesUnder?.length) {
      throw problems.namesNoOpenCases(policyVersionId, version.effectiveFrom);
    }
    return version as PolicyVersion & { appliesToOpenCasesUnder: readonly string[] };
  }
}

function mustBeAdmin(caller: Caller): void {
  if (!caller.roles.includes('admin')) throw problems.forbidden('only admins apply a policy version to open cases');
}

/** Cases move at the start of the commencement day in England, or now if that has passed. */
function movesFrom(version: PolicyVersion): Date {
  const now = new Date();
  return compareDates(version.effectiveFrom as LocalDate, londonDateOf(now)) > 0 ? londonTimeOn(version.effectiveFrom as LocalDate, 0) : now;
}
