import type { LocalDate } from '../calendar';
import { DEADLINE_CATALOGUE, type Deadline, type DeadlineKind } from '../deadline';
import type { PolicyVersion } from '../policy/local-policy';
import { movePolicy, movePolicyRefusal } from './lifecycle';
import type { CaseFile, Refusal } from './state';

/** One pending deadline a move to another policy version would shift, add or end. */
export interface DeadlineMove {
  readonly kind: DeadlineKind;
  readonly title: string;
  /** Absent: the deadline is new under the version moved to. */
  readonly from?: LocalDate;
  /** Absent: the deadline ends (cancelled) under the version moved to. */
  readonly to?: LocalDate;
  readonly subjectId?: string;
  readonly stepId?: string;
}

/** What moving one case to a policy version does to it: refused, or which deadlines move. */
export type PolicyMovePlan =
  | { readonly reference: string; readonly outcome: 'WOULD_MOVE'; readonly moves: readonly DeadlineMove[] }
  | { readonly reference: string; readonly outcome: 'REFUSED'; readonly refusal: Refusal };

/**
 * The dry run of `movePolicy`: the very rule the case will apply, run on its file as it stands, with
 * the pending deadlines compared before and after. The same day's run and the real move agree, since
 * both plan from the same file, version and day.
 */
export function planPolicyMove(file: CaseFile, policy: PolicyVersion, now: Date): PolicyMovePlan {
  const command = { policy, reason: 'dry run' };
  const refusal = movePolicyRefusal(file, command);
  if (refusal) return { reference: file.reference, outcome: 'REFUSED', refusal };
  const after = movePolicy(file, command, { now, actor: 'dry-run' }).file;
  return { reference: file.reference, outcome: 'WOULD_MOVE', moves: deadlineMoves(file.deadlines, after.deadlines) };
}

export function deadlineMoves(before: readonly Deadline[], after: readonly Deadline[]): DeadlineMove[] {
  const pendingBefore = pendingByPurpose(before);
  const pendingAfter = pendingByPurpose(after);
  const purposes = [...new Set([...pendingBefore.keys(), ...pendingAfter.keys()])];
  return purposes.flatMap((purpose) => {
    const was = pendingBefore.get(purpose);
    const will = pendingAfter.get(purpose);
    if (was && will && was.dueAt === will.dueAt) return [];
    const deadline = (will ?? was)!;
    return [
      {
        kind: deadline.kind,
        title: DEADLINE_CATALOGUE[deadline.kind].title,
        ...(was ? { from: was.dueOn } : {}),
        ...(will ? { to: will.dueOn } : {}),
        ...(deadline.subjectId ? { subjectId: deadline.subjectId } : {}),
        ...(deadline.stepId ? { stepId: deadline.stepId } : {}),
      },
    ];
  });
}

/** A re-planned deadline is a new ledger entry, so deadlines are matched by what they are for, not by id. */
function pendingByPurpose(deadlines: readonly Deadline[]): Map<string, Deadline> {
  return new Map(deadlines.filter((deadline) => deadline.status === 'PENDING').map((deadline) => [`${deadline.kind}|${deadline.subjectId ?? ''}|${deadline.stepId ?? ''}`, deadline]));
}
