import { ActivityFailure, ApplicationFailure, condition, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { REJECTED_BY_DATABASE } from '../activities/contract';
import { type CaseChange, type CaseFile, type CaseNotice, type CaseSaveFailure, caseNotSavedNotice, describeSaveFailure, nextPendingDeadline } from '../libs/domain/src';
import { activities, inTaskActivities } from './activities';
import { CASE_NOT_SAVED } from './case-messages';
import { CASE_SEARCH_ATTRIBUTES } from './search-attributes';

const { saveCaseFile, recordCaseNotSaved } = activities;

type Rejection = Pick<CaseSaveFailure, 'sqlState' | 'condition' | 'message'>;

/**
 * The case file as PostgreSQL last took it, and the one way to change it. Changes are made one at a
 * time, each from the file as last saved and saved before the next is made, so that a change PostgreSQL
 * refuses leaves nothing of itself behind: no later change was built on it, and the workflow carries on
 * from the file as it was. A refusal is recorded, the admins are told, and the caller gets `CaseNotSaved`.
 */
export class SavedCaseFile {
  private saving = false;
  private failures = 0;
  /** The search attributes last upserted, as JSON: an unchanged set is not written again. */
  private indexed: string | undefined;

  constructor(
    private readonly reference: string,
    private saved: CaseFile | undefined,
    /** Queues a notice for delivery (the workflow's outbox). */
    private readonly tell: (notice: CaseNotice) => void,
    /**
     * Whether each save runs in the workflow task that made the change (a local activity), so that a
     * command completes in one task; runs begun before this was possible save through an activity.
     */
    private readonly saveInTask = false,
  ) {}

  /** The file as last saved; undefined until the opening is saved. */
  get file(): CaseFile | undefined {
    return this.saved;
  }

  /**
   * Makes a change from the file as last saved (waiting for a change under way to be saved first) and
   * saves it. `make` may refuse by throwing. Throws `CaseNotSaved` when PostgreSQL refuses the change
   * for good; while PostgreSQL is unreachable, the save is retried and this waits.
   */
  async change(operation: string, make: (file: CaseFile | undefined) => CaseChange): Promise<CaseChange> {
    // Several waiters may be woken together: each looks again before it takes its turn.
    while (this.saving) await condition(() => !this.saving);
    this.saving = true;
    try {
      const change = make(this.saved);
      try {
        await (this.saveInTask ? inTaskActivities.saveCaseFile : saveCaseFile)({ file: change.file, timeline: change.timeline });
      } catch (error) {
        throw (await this.recordRefusal(operation, error)) ?? error;
      }
      this.saved = change.file;
      this.index(change.file);
      return change;
    } finally {
      this.saving = false;
    }
  }

  /** Each upsert is a visibility write on the server: a run that saves in the task writes only a changed set. */
  private index(file: CaseFile): void {
    const attributes = searchAttributesOf(file);
    if (this.saveInTask) {
      const written = JSON.stringify(attributes);
      if (written === this.indexed) return;
      this.indexed = written;
    }
    upsertSearchAttributes(attributes);
  }

  /**
   * When `error` is PostgreSQL refusing an activity for good: records it, tells the admins (unless the
   * notice refused was itself theirs), and answers the `CaseNotSaved` failure for the caller.
   */
  async recordRefusal(operation: string, error: unknown, options: { tellAdmins: boolean } = { tellAdmins: true }): Promise<ApplicationFailure | undefined> {
    const rejection = rejectionOf(error);
    if (!rejection) return undefined;
    this.failures += 1;
    const failure: CaseSaveFailure = {
      id: `${workflowInfo().runId}-${this.failures}`,
      reference: this.reference,
      operation,
      ...rejection,
      at: new Date().toISOString(),
    };
    await recordCaseNotSaved(failure);
    if (options.tellAdmins) this.tell(caseNotSavedNotice(failure));
    return ApplicationFailure.create({ type: CASE_NOT_SAVED, nonRetryable: true, message: describeSaveFailure(failure), details: [failure] });
  }
}

/** Whether `error` is a change refused and already recorded, which a caller that cannot answer anyone lets go. */
export function isCaseNotSaved(error: unknown): boolean {
  return error instanceof ApplicationFailure && error.type === CASE_NOT_SAVED;
}

function rejectionOf(error: unknown): Rejection | undefined {
  // An activity's failure comes wrapped in an ActivityFailure; a local activity's, as it was thrown.
  const refusal = error instanceof ActivityFailure ? error.cause : error;
  if (!(refusal instanceof ApplicationFailure) || refusal.type !== REJECTED_BY_DATABASE) return undefined;
  const details = (refusal.details?.[0] ?? {}) as Partial<Rejection>;
  return { sqlState: String(details.sqlState ?? 'unknown'), condition: String(details.condition ?? 'refused'), message: String(details.message ?? refusal.message) };
}

function searchAttributesOf(file: CaseFile) {
  const next = nextPendingDeadline(file.deadlines);
  return [
    { key: CASE_SEARCH_ATTRIBUTES.stage, value: file.stage },
    { key: CASE_SEARCH_ATTRIBUTES.riskLevel, value: file.riskLevel ?? null },
    { key: CASE_SEARCH_ATTRIBUTES.forum, value: file.forum },
    { key: CASE_SEARCH_ATTRIBUTES.team, value: file.team },
    { key: CASE_SEARCH_ATTRIBUTES.caseworker, value: file.caseworker ?? null },
    { key: CASE_SEARCH_ATTRIBUTES.nextDeadline, value: next ? new Date(next.dueAt) : null },
  ];
}
