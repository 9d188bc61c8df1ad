import type { AnsweredCommand, CaseChanged } from './case-messages';

/**
 * Temporal answers a repeated update id only within one run of a workflow. A client retrying a command
 * whose answer it never got (its API instance died after the case took it) reaches the case's next run
 * if the case continued as new meanwhile, where the command would act a second time. So a case carries
 * the answers of its latest commands across continue-as-new, and answers such a retry with the first
 * answer. Enough are kept for far more commands than one case takes while a client is still retrying.
 */
export class AnsweredCommands {
  static readonly KEPT = 500;

  private readonly answers: Map<string, CaseChanged>;

  constructor(carried: readonly AnsweredCommand[] = []) {
    this.answers = new Map(carried.map(({ updateId, answer }) => [updateId, answer]));
  }

  /** The first answer to `updateId`, if this case gave one before. */
  answerTo(updateId: string | undefined): CaseChanged | undefined {
    return updateId === undefined ? undefined : this.answers.get(updateId);
  }

  /** Keeps `answer` as the answer to `updateId` (a command without one cannot be retried), and answers it. */
  remember(updateId: string | undefined, answer: CaseChanged): CaseChanged {
    if (updateId === undefined) return answer;
    this.answers.set(updateId, answer);
    if (this.answers.size > AnsweredCommands.KEPT) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }

  /** The latest answers, oldest first, for the next run. */
  carry(): AnsweredCommand[] {
    return [...this.answers].map(([updateId, answer]) => ({ updateId, answer }));
  }
}
