import type { EntityManager } from '@mikro-orm/postgresql';
import { type CaseFile, nextReviewDeadline, partnerActionsOf, reviewOverdue, sharesOf, type TimelineEntry, witnessesOf } from '../../domain/src';
import { forgetPersonalData } from './anonymised-case';
import { saveCaseLinks } from './case-links';
import { textArray } from './text-array';

/**
 * Writes what a case workflow reports into the read model, in one transaction and a fixed number of
 * statements however long the case has run (each table's rows go as one JSON set). Safe to repeat
 * and safe out of order: the case row and everything derived from the file never move back in
 * version, and each timeline entry is keyed by (reference, seq), so a retried or late call changes
 * nothing it should not.
 *
 * A save of the version already held overwrites it, timeline included: a save made inside a workflow
 * task (a local activity) can reach PostgreSQL from a task that then never completed (its worker died),
 * and the version the workflow does record, with the same number, must replace that one.
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
       where asb_case.version <= excluded.version
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
    // An older version (a late retry) must not roll the derived tables back either.
    if (rows.length > 0) {
      // This change's entries, and any a save of this version from an abandoned task wrote beyond them, give way to this save's.
      await tx.execute(`delete from case_timeline_entry where reference = ? and seq > ?`, [file.reference, file.timelineSeq - timeline.length]);
      await saveDerivedRows(tx, file);
      await saveWholeFile(tx, file);
      await saveCaseLinks(tx, file);
      // Whether a review is overdue, for the overdue list's index. Written only when it changes, as most
      // saves leave it as it was and the index is partial on it.
      const overdue = reviewOverdue(file);
      await tx.execute(`update asb_case set review_overdue = ? where reference = ? and review_overdue is distinct from ?`, [overdue, file.reference, overdue]);
    }
    await tx.execute(
      `insert into case_timeline_entry (reference, seq, kind, at, actor, summary, data)
       select ?, t.seq, t.kind, t.at, t.actor, t.summary, t.data
       from jsonb_to_recordset(?::jsonb) as t(seq integer, kind text, at timestamptz, actor text, summary text, data jsonb)
       on conflict (reference, seq) do nothing`,
      [file.reference, JSON.stringify(timeline.map((entry) => ({ ...entry, data: entry.data ?? null })))],
    );
    if (file.stage === 'ANONYMISED') await forgetPersonalData(tx, file.reference);
  });
}

async function saveDerivedRows(tx: EntityManager, file: CaseFile): Promise<void> {
  const shares = sharesOf(file);
  await tx.execute(`delete from case_share where reference = ? and not (agency = any(?::text[]))`, [file.reference, textArray(shares.map((share) => share.agency))]);
  await tx.execute(
    `insert into case_share (reference, agency, summary_only, shared_by, shared_at)
     select ?, s.agency, s.summary_only, s.shared_by, s.shared_at
     from jsonb_to_recordset(?::jsonb) as s(agency text, summary_only boolean, shared_by text, shared_at timestamptz)
     on conflict (reference, agency) do update set summary_only = excluded.summary_only, shared_by = excluded.shared_by, shared_at = excluded.shared_at`,
    [file.reference, JSON.stringify(shares.map((share) => ({ agency: share.agency, summary_only: share.summaryOnly, shared_by: share.sharedBy, shared_at: share.at })))],
  );

  const actions = partnerActionsOf(file).map((action) => ({
    action_id: action.id,
    agency: action.agency,
    description: action.description,
    due_on: action.dueOn,
    forum: action.forum ?? null,
    assigned_by: action.assignedBy,
    assigned_at: action.assignedAt,
    completed_at: action.completedAt ?? null,
    completed_by: action.completedBy ?? null,
    outcome: action.outcome ?? null,
    deadline_missed: file.deadlines.some((deadline) => deadline.kind === 'PARTNER_ACTION' && deadline.stepId === action.id && deadline.status === 'MISSED'),
  }));
  await tx.execute(
    `insert into partner_action (reference, action_id, agency, description, due_on, forum, assigned_by, assigned_at, completed_at, completed_by, outcome, deadline_missed)
     select ?, a.action_id, a.agency, a.description, a.due_on, a.forum, a.assigned_by, a.assigned_at, a.completed_at, a.completed_by, a.outcome, a.deadline_missed
     from jsonb_to_recordset(?::jsonb) as a(action_id text, agency text, description text, due_on date, forum text, assigned_by text,
       assigned_at timestamptz, completed_at timestamptz, completed_by text, outcome text, deadline_missed boolean)
     on conflict (reference, action_id) do update set completed_at = excluded.completed_at, completed_by = excluded.completed_by,
       outcome = excluded.outcome, deadline_missed = excluded.deadline_missed`,
    [file.reference, JSON.stringify(actions)],
  );

  const parties = file.stage === 'ANONYMISED' ? [] : [
    ...file.complainants.map((person) => ({ party_id: person.id, role: 'COMPLAINANT', name: person.name, date_of_birth: null })),
    ...file.subjects.map((person) => ({ party_id: person.id, role: 'SUBJECT', name: person.name, date_of_birth: person.dateOfBirth ?? null })),
    ...witnessesOf(file).map((person) => ({ party_id: person.id, role: 'WITNESS', name: person.name, date_of_birth: null })),
  ];
  await tx.execute(`delete from case_party where reference = ?`, [file.reference]);
  await tx.execute(
    `insert into case_party (reference, party_id, role, name, date_of_birth)
     select ?, p.party_id, p.role, p.name, p.date_of_birth from jsonb_to_recordset(?::jsonb) as p(party_id text, role text, name text, date_of_birth date)`,
    [file.reference, JSON.stringify(parties)],
  );
  await tx.execute(
    `insert into case_incident (reference, incident_id, occurred_at, reported_at)
     select ?, i.incident_id, i.occurred_at, i.reported_at from jsonb_to_recordset(?::jsonb) as i(incident_id text, occurred_at timestamptz, reported_at timestamptz)
     on conflict (reference, incident_id) do nothing`,
    [file.reference, JSON.stringify(file.incidents.map((incident) => ({ incident_id: incident.id, occurred_at: incident.occurredAt, reported_at: incident.reportedAt })))],
  );

  const deadlines = file.deadlines.map((deadline) => ({
    deadline_id: deadline.id,
    kind: deadline.kind,
    due_on: deadline.dueOn,
    due_at: deadline.dueAt,
    status: deadline.status,
    reason: deadline.reason,
    planned_at: deadline.plannedAt,
    resolved_at: deadline.resolvedAt ?? null,
    resolution: deadline.resolution ?? null,
    late: deadline.late ?? false,
  }));
  await tx.execute(
    `insert into case_deadline (reference, deadline_id, kind, due_on, due_at, status, reason, planned_at, resolved_at, resolution, late)
     select ?, d.deadline_id, d.kind, d.due_on, d.due_at, d.status, d.reason, d.planned_at, d.resolved_at, d.resolution, d.late
     from jsonb_to_recordset(?::jsonb) as d(deadline_id text, kind text, due_on date, due_at timestamptz, status text, reason text,
       planned_at timestamptz, resolved_at timestamptz, resolution text, late boolean)
     on conflict (reference, deadline_id) do update set
       due_on = excluded.due_on, due_at = excluded.due_at, status = excluded.status, reason = excluded.reason,
       resolved_at = excluded.resolved_at, resolution = excluded.resolution`,
    [file.reference, JSON.stringify(deadlines)],
  );
}

/**
 * The whole file, for what the read model's tables do not hold (a subject access export): a closed
 * case's workflow history does not outlast the namespace's retention. Kept apart from asb_case so that
 * lists of cases do not carry every file.
 */
async function saveWholeFile(tx: EntityManager, file: CaseFile): Promise<void> {
  await tx.execute(
    `insert into case_file (reference, version, file) values (?, ?, ?::jsonb)
     on conflict (reference) do update set version = excluded.version, file = excluded.file where case_file.version <= excluded.version`,
    [file.reference, file.version, JSON.stringify(file)],
  );
}
