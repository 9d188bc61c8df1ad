import type { EntityManager } from '@mikro-orm/postgresql';
import { type CaseFile, nextReviewDeadline, partnerActionsOf, sharesOf, type TimelineEntry } from '../../domain/src';

/**
 * Writes what a case workflow reports into the read model, in one transaction. Safe to repeat and
 * safe out of order: the case row and its ledger move only forward in version, and each timeline
 * entry is keyed by (reference, seq), so a retried or late call changes nothing it should not.
 */
export async function saveCaseFile(em: EntityManager, file: CaseFile, timeline: readonly TimelineEntry[]): Promise<void> {
  await em.transactional(async (tx) => {
    const review = nextReviewDeadline(file);
    const rows = await tx.execute<{ reference: string }[]>(
      `insert into asb_case (reference, version, stage, type, category, channel, summary, risk_level, team, caseworker,
         address, ward, priority_neighbourhood, policy_version, opened_at, opened_by, review_count, last_reviewed_at,
         next_review_due_on, next_review_due_at, forum, closure_reason, closed_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
       on conflict (reference) do update set
         version = excluded.version, stage = excluded.stage, type = excluded.type, category = excluded.category,
         channel = excluded.channel, summary = excluded.summary, risk_level = excluded.risk_level, team = excluded.team,
         caseworker = excluded.caseworker, address = excluded.address, ward = excluded.ward,
         priority_neighbourhood = excluded.priority_neighbourhood, policy_version = excluded.policy_version,
         review_count = excluded.review_count, last_reviewed_at = excluded.last_reviewed_at,
         next_review_due_on = excluded.next_review_due_on, next_review_due_at = excluded.next_review_due_at,
         forum = excluded.forum, closure_reason = excluded.closure_reason, closed_at = excluded.closed_at,
         updated_at = now()
       where asb_case.version < excluded.version
       returning reference`,
      [
        file.reference,
        file.version,
        file.stage,
        file.type,
        file.category,
        file.channel,
        file.summary,
        file.riskLevel ?? null,
        file.team,
        file.caseworker ?? null,
        file.location.address ?? null,
        file.location.ward ?? null,
        file.location.priorityNeighbourhood,
        file.policy.id,
        file.openedAt,
        file.openedBy,
        file.reviewCount,
        file.lastReviewedAt ?? null,
        review?.dueOn ?? null,
        review?.dueAt ?? null,
        file.forum,
        file.closure?.closedAt ? file.closure.reason : null,
        file.closure?.closedAt ?? null,
      ],
    );
    if (rows.length > 0) {
      const shares = sharesOf(file);
      await tx.execute(`delete from case_share where reference = ? and not (agency = any(?::text[]))`, [file.reference, `{${shares.map((share) => share.agency).join(',')}}`]);
      for (const share of shares) {
        await tx.execute(
          `insert into case_share (reference, agency, summary_only, shared_by, shared_at) values (?, ?, ?, ?, ?)
           on conflict (reference, agency) do update set summary_only = excluded.summary_only, shared_by = excluded.shared_by, shared_at = excluded.shared_at`,
          [file.reference, share.agency, share.summaryOnly, share.sharedBy, share.at],
        );
      }
      for (const action of partnerActionsOf(file)) {
        await tx.execute(
          `insert into partner_action (reference, action_id, agency, description, due_on, forum, assigned_by, assigned_at, completed_at, completed_by, outcome, deadline_missed)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           on conflict (reference, action_id) do update set completed_at = excluded.completed_at, completed_by = excluded.completed_by,
             outcome = excluded.outcome, deadline_missed = excluded.deadline_missed`,
          [
            file.reference,
            action.id,
            action.agency,
            action.description,
            action.dueOn,
            action.forum ?? null,
            action.assignedBy,
            action.assignedAt,
            action.completedAt ?? null,
            action.completedBy ?? null,
            action.outcome ?? null,
            file.deadlines.some((deadline) => deadline.kind === 'PARTNER_ACTION' && deadline.stepId === action.id && deadline.status === 'MISSED'),
          ],
        );
      }
      for (const deadline of file.deadlines) {
        await tx.execute(
          `insert into case_deadline (reference, deadline_id, kind, due_on, due_at, status, reason, planned_at, resolved_at, resolution)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           on conflict (reference, deadline_id) do update set
             due_on = excluded.due_on, due_at = excluded.due_at, status = excluded.status, reason = excluded.reason,
             resolved_at = excluded.resolved_at, resolution = excluded.resolution`,
          [
            file.reference,
            deadline.id,
            deadline.kind,
            deadline.dueOn,
            deadline.dueAt,
            deadline.status,
            deadline.reason,
            deadline.plannedAt,
            deadline.resolvedAt ?? null,
            deadline.resolution ?? null,
          ],
        );
      }
    }
    for (const entry of timeline) {
      await tx.execute(
        `insert into case_timeline_entry (reference, seq, kind, at, actor, summary, data)
         values (?, ?, ?, ?, ?, ?, ?) on conflict (reference, seq) do nothing`,
        [file.reference, entry.seq, entry.kind, entry.at, entry.actor, entry.summary, entry.data ? JSON.stringify(entry.data) : null],
      );
    }
  });
}
