import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WithStartWorkflowOperation } from '@temporalio/client';
import {
  type CaseCommandName,
  type CommandOf,
  decisionToRecord,
  type DuplicateDecision,
  type PossibleDuplicate,
  londonDateOf,
  policyVersion,
  possibleDuplicates,
  type Referral,
  undecidedDuplicates,
  yearOf,
} from '../../../../libs/domain/src';
import {
  allocateCaseReference,
  type CaseSearchFilter,
  claimIdempotencyKey,
  duplicateCandidates,
  earlierClaim,
  type IdempotentClaim,
  recordIdempotentResponse,
  type StoredResponse,
} from '../../../../libs/persistence/src';
import { CASE_WORKFLOW_TYPE, caseCommand, type CaseWorkflowInput, nextStepsQuery, openCase } from '../../../../workflows/case-messages';
import { CASE_SEARCH_ATTRIBUTES } from '../../../../workflows/search-attributes';
import { problems } from '../http/problem';
import { PolicyVersionSource } from '../policy/policy-version-source';
import { TemporalClient } from '../temporal/temporal-client';
import type { OpenCaseRequest } from './case.schemas';

export interface CommandContext {
  readonly actor: string;
  readonly idempotencyKey?: string;
  /** From If-Match: the versions the caller's view may be based on; absent when any will do. */
  readonly expectedVersions?: readonly number[];
}

export interface OpeningContext extends CommandContext {
  /** The cases the opener may see, among which a possible duplicate is looked for. */
  readonly duplicateScope: CaseSearchFilter;
  /** Set when a partner agency's user refers the case. */
  readonly referral?: Referral;
}

/**
 * Turns HTTP commands into Temporal updates. Each returns once the workflow has written its change to
 * the read model, so the caller's next read sees it.
 */
@Injectable()
export class CaseCommands {
  constructor(
    private readonly temporal: TemporalClient,
    private readonly em: EntityManager,
    private readonly policies: PolicyVersionSource,
  ) {}

  /**
   * Opens a case: allocates its reference and starts its workflow with the opening command in one
   * call. A retried key answers with the first answer and starts nothing, even after the case ended.
   */
  async open(request: OpenCaseRequest, context: OpeningContext): Promise<{ reference: string; replayed: boolean; firstAnswer?: StoredResponse }> {
    const now = new Date();
    const em = this.em.fork();
    const allocate = () => allocateCaseReference(em, yearOf(londonDateOf(now)));
    const earlier = context.idempotencyKey ? await earlierClaim(em, openKey(context.idempotencyKey), request) : undefined;
    if (earlier?.outcome === 'conflict') throw problems.idempotencyKeyReused(context.idempotencyKey!);
    if (earlier?.outcome === 'replay' && earlier.response) return { reference: earlier.reference, replayed: true, firstAnswer: earlier.response };
    // A retry whose first attempt got past this point was judged then; judged now, its own case would match it.
    const duplicates = earlier ? request.possibleDuplicates : await this.judgeDuplicates(request, context.duplicateScope);
    let reference: string;
    let replayed = false;
    if (context.idempotencyKey) {
      const claim = await claimIdempotencyKey(em, openKey(context.idempotencyKey), request, allocate);
      if (claim.outcome === 'conflict') throw problems.idempotencyKeyReused(context.idempotencyKey);
      reference = claim.reference;
      replayed = claim.outcome === 'replay';
      if (claim.outcome === 'replay' && claim.response) return { reference, replayed, firstAnswer: claim.response };
    } else {
      reference = await allocate();
    }
    const { possibleDuplicates: _asked, ...opening } = request;
    const command = { ...opening, openedBy: context.actor, ...(context.referral ? { referral: context.referral } : {}), ...(duplicates ? { possibleDuplicates: duplicates } : {}) };
    const input: CaseWorkflowInput = { reference, policy: await this.policies.inForceOn(londonDateOf(now)) };
    await this.temporal.command(() => this.temporal.client.workflow.executeUpdateWithStart(openCase, {
      args: [command],
      // The same key reaches the same workflow with the same update id, which Temporal answers once.
      updateId: context.idempotencyKey ? `open-case:${context.idempotencyKey}` : randomUUID(),
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
        workflowId: reference,
        taskQueue: this.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        // A reference is never a second case: a closed case's workflow is not started again.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        // The rest are set by the workflow as it opens the case.
        typedSearchAttributes: [
          { key: CASE_SEARCH_ATTRIBUTES.stage, value: 'REPORTED' },
          { key: CASE_SEARCH_ATTRIBUTES.team, value: request.team },
        ],
      }),
    }));
    return { reference, replayed };
  }

  /**
   * Refuses (409 POSSIBLE_DUPLICATE, with the matches) a report that may repeat an open case the opener
   * may see, until they decide about every match; returns what they decided, to be recorded.
   */
  private async judgeDuplicates(request: OpenCaseRequest, scope: CaseSearchFilter): Promise<DuplicateDecision | undefined> {
    const matches = await this.duplicatesOf(request, scope);
    const undecided = undecidedDuplicates(matches, request.possibleDuplicates);
    if (undecided.length > 0) throw problems.possibleDuplicate(undecided);
    return decisionToRecord(matches, request.possibleDuplicates);
  }

  /** The open cases in `scope` that a report may repeat, best match first. */
  async duplicatesOf(request: OpenCaseRequest, scope: CaseSearchFilter): Promise<PossibleDuplicate[]> {
    const report = { complainants: request.complainants, subjects: request.subjects, ...(request.location.address ? { address: request.location.address } : {}) };
    return possibleDuplicates(report, await duplicateCandidates(this.em.fork(), report, scope));
  }

  /** Claims a command's key for this case and command; a replay carries the first answer once there is one. */
  async claimCommand(reference: string, name: CaseCommandName, body: unknown, key: string): Promise<IdempotentClaim> {
    const claim = await claimIdempotencyKey(this.em.fork(), commandKey(reference, name, key), body, async () => reference);
    if (claim.outcome === 'conflict') throw problems.idempotencyKeyReused(key);
    return claim;
  }

  /** Keeps the first answer given for a key, so that every retry gets it. */
  async rememberAnswer(key: { open: string } | { reference: string; command: CaseCommandName; key: string }, answer: StoredResponse): Promise<void> {
    await recordIdempotentResponse(this.em.fork(), 'open' in key ? openKey(key.open) : commandKey(key.reference, key.command, key.key), answer);
  }

  /** Any command of the domain's catalogue, as the update of the same name on the case's workflow. */
  async run(reference: string, name: CaseCommandName, body: Record<string, unknown>, context: CommandContext): Promise<void> {
    const command = name === 'movePolicy' ? await this.resolvePolicy(body) : body;
    await this.temporal.command(() =>
      this.temporal.client.workflow.getHandle(reference).executeUpdate(caseCommand(name), {
        args: [{ actor: context.actor, command: command as CommandOf<typeof name>, ...(context.expectedVersions !== undefined ? { expectedVersions: context.expectedVersions } : {}) }],
        updateId: context.idempotencyKey ? `${name}:${context.idempotencyKey}` : randomUUID(),
      }),
    );
  }

  /** Asks the case's workflow what could be done next, judged at `asOf` (a query alone would use the workflow's last task time). */
  async nextSteps(reference: string, asOf: Date) {
    const steps = await this.temporal.command(() => this.temporal.client.workflow.getHandle(reference).query(nextStepsQuery, asOf.toISOString()));
    return { asOf: asOf.toISOString(), steps };
  }

  /** The API names a policy version; the case is sent the whole version, so its numbers travel with it. */
  private async resolvePolicy(body: Record<string, unknown>): Promise<CommandOf<'movePolicy'>> {
    const published = await this.policies.all();
    try {
      return { policy: policyVersion(String(body.policyVersionId), published), reason: String(body.reason) };
    } catch {
      // Well-formed, but naming nothing published (a draft included): a fact the body cannot make true (422), as an unknown team is.
      throw problems.unprocessable([{ field: 'policyVersionId', message: `no policy version ${String(body.policyVersionId)} is published` }]);
    }
  }
}

const openKey = (key: string) => `open-case:${key}`;
const commandKey = (reference: string, command: string, key: string) => `command:${reference}:${command}:${key}`;

