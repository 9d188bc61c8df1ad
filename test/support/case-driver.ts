import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  type CaseCommandName,
  type CaseFile,
  type CommandOf,
  type LocalDate,
  localDate,
  type NextStep,
  type OpenCaseCommand,
  POLICY_VERSIONS,
  type PolicyVersion,
  type Refusal,
} from '../../libs/domain/src';
import {
  CASE_WORKFLOW_TYPE,
  type CaseChanged,
  caseCommand,
  caseFileQuery,
  deadlineLedgerQuery,
  type LedgerEntry,
  nextStepsQuery,
  openCase,
} from '../../workflows/case-messages';

let counter = 0;

/**
 * Drives case workflows on a test Temporal server the way the API does: update-with-start, then
 * updates. A command answers only the version it made; the driver then reads the case file from
 * PostgreSQL, as the API does, and fails if PostgreSQL is still behind that version.
 */
export class CaseDriver {
  constructor(
    private readonly env: TestWorkflowEnvironment,
    private readonly taskQueue: string,
    private readonly readModel: MikroORM,
  ) {}

  /** The test server's clock, which `env.sleep` moves: use it (not Date.now()) for dates sent in commands. */
  async now(): Promise<Date> {
    return new Date(await this.env.currentTimeMs());
  }

  /** `days` days from the server's now, as a calendar date (YYYY-MM-DD, UTC). */
  async dateIn(days: number): Promise<LocalDate> {
    return localDate(new Date((await this.env.currentTimeMs()) + days * 86_400_000).toISOString().slice(0, 10));
  }

  /** A reference no other test in this run uses. */
  newReference(): string {
    counter += 1;
    return `ASB-2026-${String(700000 + (process.pid % 1000) * 100 + counter).padStart(6, '0')}`;
  }

  async open(command: OpenCaseCommand, options: { policy?: PolicyVersion; reference?: string; continueAsNewAfterEvents?: number; updateId?: string } = {}): Promise<CaseFile> {
    const reference = options.reference ?? this.newReference();
    const changed = await this.env.client.workflow.executeUpdateWithStart(openCase, {
      args: [command],
      updateId: options.updateId ?? randomUUID(),
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
        workflowId: reference,
        taskQueue: this.taskQueue,
        args: [
          {
            reference,
            policy: options.policy ?? POLICY_VERSIONS[0]!,
            ...(options.continueAsNewAfterEvents ? { continueAsNewAfterEvents: options.continueAsNewAfterEvents } : {}),
          },
        ],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    return this.saved(changed);
  }

  /**
   * Runs the command, then reads the case file back: a command answers only the version it made.
   * `updateId` and `expectedVersions` are the API's: its Idempotency-Key and If-Match.
   */
  async run<N extends CaseCommandName>(
    reference: string,
    name: N,
    command: CommandOf<N>,
    actor = 'amira.khan',
    options: { updateId?: string; expectedVersions?: number[] } = {},
  ): Promise<CaseFile> {
    try {
      const changed = await this.env.client.workflow.getHandle(reference).executeUpdate(caseCommand(name), {
        args: [{ actor, command, ...(options.expectedVersions ? { expectedVersions: options.expectedVersions } : {}) }],
        ...(options.updateId ? { updateId: options.updateId } : {}),
      });
      return await this.saved(changed);
    } catch (error) {
      // Say which command was refused and why, not just "Workflow Update failed".
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        error.message = `${name} refused: ${error.cause.message}`;
      }
      throw error;
    }
  }

  /** The refusal a command meets; fails the test if the command is accepted. */
  async refusal<N extends CaseCommandName>(reference: string, name: N, command: CommandOf<N>, actor = 'amira.khan'): Promise<Refusal> {
    try {
      await this.run(reference, name, command, actor);
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        return error.cause.details?.[0] as Refusal;
      }
      throw error;
    }
    throw new Error(`${name} was accepted, but a refusal was expected`);
  }

  /**
   * The file PostgreSQL holds once a command has answered: the version it made, or a later one where the
   * case moved on by itself in the same instant (a notice's delivery recorded). Not a query: a query
   * sent in the instant a case continues as new can be lost by the time-skipping server, and the test
   * then hangs.
   */
  private async saved({ reference, version }: CaseChanged): Promise<CaseFile> {
    const [row] = await this.readModel.em.fork().getConnection().execute<{ version: number; file: CaseFile }[]>('select version, file from case_file where reference = ?', [reference]);
    if (!row || row.version < version) throw new Error(`${reference}: the command answered version ${version}, but PostgreSQL holds ${row ? `version ${row.version}` : 'no file'}`);
    return row.file;
  }

  async file(reference: string): Promise<CaseFile> {
    const file = await this.env.client.workflow.getHandle(reference).query(caseFileQuery);
    if (!file) throw new Error(`${reference} is not open`);
    return file;
  }

  ledger(reference: string): Promise<LedgerEntry[]> {
    return this.env.client.workflow.getHandle(reference).query(deadlineLedgerQuery);
  }

  /** As of the test server's now (a query alone would judge at the time of the workflow's last task). */
  async nextSteps(reference: string): Promise<NextStep[]> {
    return this.env.client.workflow.getHandle(reference).query(nextStepsQuery, (await this.now()).toISOString());
  }

  /** Status of each deadline of `kind`, oldest first: e.g. ['MET', 'PENDING']. */
  async statuses(reference: string, kind: LedgerEntry['kind']): Promise<string[]> {
    return (await this.ledger(reference)).filter((entry) => entry.kind === kind).map((entry) => entry.status);
  }
}

/** Waits (in real time, while time-skipping is paused) until `check` answers something truthy, and answers it: for activity results to land. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
