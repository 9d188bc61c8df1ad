import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { StaffDirectory } from '../../../../libs/directory/src';
import {
  dischargePspo,
  extendPspo,
  type LocalDate,
  londonDateOf,
  makePspo,
  type Pspo,
  pspoFixedPenaltyMaximumOn,
  type PspoOutcome,
  type PspoRefusalCondition,
  pspoStatistics,
  recordPspoBreach,
  recordPspoConsultation,
  type StatutoryRules,
  varyPspo,
  yearOf,
} from '../../../../libs/domain/src';
import { findPspo, insertPspo, insertPspoBreach, listPspoBreaches, listPspos, nextPspoId, postgresRejectionOf, savePspoChange, type StoredPspo } from '../../../../libs/persistence/src';
import { PSPO_WORKFLOW_TYPE, pspoChangedUpdate, pspoWorkflowId, type PspoWorkflowInput } from '../../../../workflows/pspo-messages';
import { actOnce } from '../http/idempotent-action';
import { PROBLEM_BASE, ProblemException, problems } from '../http/problem';
import { PolicyVersionSource } from '../policy/policy-version-source';
import { TemporalClient } from '../temporal/temporal-client';
import { MAKE_FIELDS, pspoRefusalProblem } from './pspo-refusals';
import type { DischargePspoRequest, ExtendPspoRequest, MakePspoRequest, PspoView, RecordBreachRequest, RecordConsultationRequest, VaryPspoRequest } from './pspo.schemas';
import { PSPO_ID_PATTERN, PspoBreachView, PspoStatisticsView } from './pspo.schemas';
import { pspoView } from './pspo-view';

/** How often a change is read again and decided afresh when another change to the order came first. */
const CHANGE_ATTEMPTS = 3;
const UNIQUE_VIOLATION = '23505';

/** What was made or changed, and what it was before (for the audit trail); a replay has no `before`. */
export interface PspoChange<T> {
  readonly body: T;
  readonly replayed: boolean;
  readonly before?: PspoView;
}

/**
 * PSPOs: each rule is the domain's (libs/domain/src/pspo), applied to the order as stored, saved, and
 * handed to the order's workflow, which keeps its reminders and its lapse. Today is the day in England.
 */
@Injectable()
export class PspoOrders {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalClient,
    private readonly directory: StaffDirectory,
    private readonly policy: PolicyVersionSource,
  ) {}

  async make(request: MakePspoRequest, caller: Caller, idempotencyKey?: string): Promise<PspoChange<PspoView>> {
    if (!this.directory.find(request.owner)) throw problems.unprocessable([{ field: 'owner', message: `${request.owner} is not in the staff directory: the owner is someone the service can remind` }]);
    const today = this.today();
    const statutory = await this.statutoryOn(request.madeOn);
    const made = await actOnce(this.em, idempotencyKey, `pspo:make:${idempotencyKey}`, request, 'pspo', async () => {
      for (let attempt = 0; ; attempt++) {
        const id = await nextPspoId(this.em.fork(), yearOf(request.madeOn));
        const outcome = makePspo({ ...request, id, madeBy: caller.id, consultation: { ...request.consultation, id: 'C1' } }, today, statutory);
        if (!outcome.ok) throw pspoRefusalProblem(outcome.refusal, MAKE_FIELDS);
        try {
          return pspoView(await insertPspo(this.em.fork(), outcome.value), today);
        } catch (error) {
          // Two orders made at once took the same number: the later takes the next.
          if (postgresRejectionOf(error)?.sqlState !== UNIQUE_VIOLATION || attempt + 1 >= CHANGE_ATTEMPTS) throw error;
        }
      }
    });
    await this.plan(made.body.id);
    return made;
  }

  async list(): Promise<PspoView[]> {
    const today = this.today();
    return (await listPspos(this.em.fork())).map((stored) => pspoView(stored, today));
  }

  async mustFind(pspoId: string): Promise<StoredPspo> {
    const stored = PSPO_ID_PATTERN.test(pspoId) ? await findPspo(this.em.fork(), pspoId) : undefined;
    if (!stored) throw problems.notFound(`PSPO ${pspoId}`);
    return stored;
  }

  async read(pspoId: string): Promise<PspoView> {
    return pspoView(await this.mustFind(pspoId), this.today());
  }

  recordConsultation(pspoId: string, request: RecordConsultationRequest, caller: Caller, idempotencyKey?: string): Promise<PspoChange<PspoView>> {
    return this.change(pspoId, 'consultation', request, caller, idempotencyKey, (pspo, today) => recordPspoConsultation(pspo, { ...request, id: `C${pspo.consultations.length + 1}` }, today));
  }

  async extend(pspoId: string, request: ExtendPspoRequest, caller: Caller, idempotencyKey?: string): Promise<PspoChange<PspoView>> {
    const statutory = await this.statutoryOn(request.decidedOn);
    return this.change(pspoId, 'extension', request, caller, idempotencyKey, (pspo, today) => extendPspo(pspo, { ...request, decidedBy: caller.id }, today, statutory));
  }

  vary(pspoId: string, request: VaryPspoRequest, caller: Caller, idempotencyKey?: string): Promise<PspoChange<PspoView>> {
    return this.change(pspoId, 'variation', request, caller, idempotencyKey, (pspo, today) => varyPspo(pspo, { ...request, decidedBy: caller.id }, today));
  }

  discharge(pspoId: string, request: DischargePspoRequest, caller: Caller, idempotencyKey?: string): Promise<PspoChange<PspoView>> {
    return this.change(pspoId, 'discharge', request, caller, idempotencyKey, (pspo, today) => dischargePspo(pspo, { ...request, decidedBy: caller.id }, today));
  }

  /**
   * A breach and its fixed penalty, held to the statutory maximum on the day of the breach (s.68(6);
   * Art. 7 ECHR): an amount left out is that maximum, one above it is refused naming it.
   */
  async recordBreach(pspoId: string, request: RecordBreachRequest, caller: Caller, idempotencyKey?: string): Promise<{ body: PspoBreachView; replayed: boolean }> {
    const stored = await this.mustFind(pspoId);
    const statutory = await this.statutoryOn(request.occurredOn);
    const maximumPounds = pspoFixedPenaltyMaximumOn(request.occurredOn, statutory);
    return actOnce(this.em, idempotencyKey, `pspo:breach:${pspoId}:${idempotencyKey}`, request, pspoId, async () => {
      const { fixedPenalty, ...facts } = request;
      const outcome = recordPspoBreach(
        stored.pspo,
        { ...facts, id: randomUUID(), recordedBy: caller.id, ...(fixedPenalty ? { fixedPenalty: { issuedOn: fixedPenalty.issuedOn, amountPounds: fixedPenalty.amountPounds ?? maximumPounds } } : {}) },
        this.today(),
        statutory,
      );
      if (!outcome.ok) throw pspoRefusalProblem(outcome.refusal, {}, outcome.refusal.condition === 'PSPO_FPN_AMOUNT_ABOVE_MAXIMUM' ? { maximumPounds } : {});
      await insertPspoBreach(this.em.fork(), outcome.value);
      return PspoBreachView.parse(outcome.value);
    });
  }

  async breaches(pspoId: string): Promise<PspoBreachView[]> {
    await this.mustFind(pspoId);
    return (await listPspoBreaches(this.em.fork(), pspoId)).map((breach) => PspoBreachView.parse(breach));
  }

  async statistics(withinDays: number) {
    const [pspos, breaches] = await Promise.all([listPspos(this.em.fork()), listPspoBreaches(this.em.fork())]);
    return PspoStatisticsView.parse(
      pspoStatistics(
        pspos.map((stored) => stored.pspo),
        breaches,
        this.today(),
        withinDays,
      ),
    );
  }

  /**
   * A decision or consultation on an order: the domain's rule on the order as stored, saved only if no
   * other change came first (read again and decided afresh if one did), then its workflow re-planned.
   */
  private async change(
    pspoId: string,
    what: string,
    request: unknown,
    caller: Caller,
    idempotencyKey: string | undefined,
    rule: (pspo: Pspo, today: LocalDate) => PspoOutcome<Pspo>,
    fields: Partial<Record<PspoRefusalCondition, string>> = {},
  ): Promise<PspoChange<PspoView>> {
    await this.mustFind(pspoId);
    let before: PspoView | undefined;
    const changed = await actOnce(this.em, idempotencyKey, `pspo:${what}:${pspoId}:${idempotencyKey}`, request, pspoId, async () => {
      for (let attempt = 0; attempt < CHANGE_ATTEMPTS; attempt++) {
        const stored = await this.mustFind(pspoId);
        const today = this.today();
        const outcome = rule(stored.pspo, today);
        if (!outcome.ok) throw pspoRefusalProblem(outcome.refusal, fields);
        const saved = await savePspoChange(this.em.fork(), stored, outcome.value, caller.id);
        if (saved) {
          before = pspoView(stored, today);
          return pspoView(saved, today);
        }
      }
      throw new ProblemException({ type: `${PROBLEM_BASE}/concurrent-change`, title: 'The PSPO changed since it was read', status: 409, detail: `${pspoId} kept changing: read it again and retry` });
    });
    await this.plan(pspoId);
    return { ...changed, ...(before ? { before } : {}) };
  }

  /**
   * Hands the order as stored to its workflow, starting it if it is not running: after a retry of a
   * request Temporal was away for, the order still gets its timers.
   */
  private async plan(pspoId: string): Promise<void> {
    const { pspo } = await this.mustFind(pspoId);
    const input: PspoWorkflowInput = { pspo };
    await this.temporal.command(() =>
      this.temporal.client.workflow.signalWithStart(PSPO_WORKFLOW_TYPE, {
        workflowId: pspoWorkflowId(pspo.id),
        taskQueue: this.temporal.taskQueue,
        args: [input],
        signal: pspoChangedUpdate,
        signalArgs: [pspo],
      }),
    );
  }

  /**
   * The statutory rules that answer for `date`, through the policy versions: those of the version in
   * force that day, or for a day before the first version, the first's (each rule carries its own dates,
   * back to the 2014 Act's commencement).
   */
  private async statutoryOn(date: LocalDate): Promise<StatutoryRules> {
    try {
      return (await this.policy.inForceOn(date)).statutory;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const [first] = await this.policy.all();
      if (!first) throw error;
      return first.statutory;
    }
  }

  private today(): LocalDate {
    return londonDateOf(new Date());
  }
}
