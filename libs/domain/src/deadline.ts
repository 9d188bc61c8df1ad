import { endOfLondonDay, type LocalDate, londonDateOf } from './calendar';

/**
 * What a deadline is for, and so what happens when it passes. A DUTY is something a person must do
 * by then (review the case, acknowledge a referral): unmet, it is MISSED and someone is alerted. A
 * PERIOD runs its course (an appeal window, a compliance period): when it ends it is MET, and what
 * follows it (a compliance check, a prosecution decision) may fall due.
 */
export const DEADLINE_CATALOGUE = {
  INITIAL_CONTACT: { nature: 'DUTY', title: 'Initial contact with the complainant', alert: 'MANAGER' },
  CASE_REVIEW: { nature: 'DUTY', title: 'Case review', alert: 'MANAGER' },
  REVIEW_ESCALATION: { nature: 'DUTY', title: 'Overdue review still not done', alert: 'HEAD_OF_SERVICE' },
  COMPLAINANT_UPDATE: { nature: 'DUTY', title: 'Update to the complainant', alert: 'CASEWORKER' },
  COMPLIANCE_CHECK: { nature: 'DUTY', title: 'Compliance check', alert: 'CASEWORKER' },
  ABC_REVIEW: { nature: 'DUTY', title: 'Acceptable Behaviour Contract review', alert: 'CASEWORKER' },
  ABC_END: { nature: 'PERIOD', title: 'Acceptable Behaviour Contract term' },
  CPW_COMPLIANCE: { nature: 'PERIOD', title: 'Community Protection Warning compliance period' },
  CPN_APPEAL_WINDOW: { nature: 'PERIOD', title: 'Community Protection Notice appeal window' },
  CPN_REQUIREMENT: { nature: 'PERIOD', title: 'Community Protection Notice requirement' },
  FPN_PAYMENT: { nature: 'PERIOD', title: 'Fixed penalty payment period' },
  PROSECUTION_DECISION: { nature: 'DUTY', title: 'Prosecution decision on an unpaid fixed penalty', alert: 'LEGAL' },
  LEGAL_ACKNOWLEDGEMENT: { nature: 'DUTY', title: 'Legal acknowledgement of the referral', alert: 'LEGAL' },
  LEGAL_DECISION: { nature: 'DUTY', title: 'Legal decision on the referral', alert: 'LEGAL' },
  HEARING: { nature: 'DUTY', title: 'Court hearing outcome', alert: 'LEGAL' },
  BREACH_BEFORE_JUDGE: { nature: 'DUTY', title: 'Arrested for breach: before a judge', alert: 'LEGAL' },
  ORDER_EXPIRY: { nature: 'PERIOD', title: 'Order in force' },
  ORDER_REVIEW: { nature: 'DUTY', title: 'Review of a youth Criminal Behaviour Order', alert: 'LEGAL' },
  CLOSURE_NOTICE_EXPIRY: { nature: 'PERIOD', title: 'Closure notice in force' },
  CLOSURE_ORDER_HEARING: { nature: 'DUTY', title: 'Closure order application heard', alert: 'LEGAL' },
  POSSESSION_NOTICE_WINDOW: { nature: 'PERIOD', title: 'Absolute-ground possession notice may be served' },
  TENANT_REVIEW_REQUEST: { nature: 'PERIOD', title: "Tenant's window to request a review" },
  SATISFACTION_FOLLOW_UP: { nature: 'DUTY', title: 'Satisfaction follow-up with the complainant', alert: 'CASEWORKER' },
  REOPEN_WINDOW: { nature: 'PERIOD', title: 'A new incident re-opens the closed case' },
  PARTNER_ACTION: { nature: 'DUTY', title: 'Partner agency action', alert: 'PARTNER_AGENCY' },
  RETENTION_END: { nature: 'PERIOD', title: 'Retention period of personal data' },
  COMMUNITY_TRIGGER_ACKNOWLEDGEMENT: { nature: 'DUTY', title: 'ASB Case Review application acknowledged', alert: 'CASE_REVIEW_COORDINATOR' },
  COMMUNITY_TRIGGER_THRESHOLD: { nature: 'DUTY', title: 'ASB Case Review threshold decision', alert: 'CASE_REVIEW_COORDINATOR' },
  COMMUNITY_TRIGGER_MEETING: { nature: 'DUTY', title: 'ASB Case Review meeting', alert: 'CASE_REVIEW_COORDINATOR' },
  COMMUNITY_TRIGGER_OUTCOME: { nature: 'DUTY', title: 'ASB Case Review outcome letter', alert: 'CASE_REVIEW_COORDINATOR' },
  // Each case type's own duties (libs/domain/src/case-types, docs/case-types.md).
  VICTIM_CONTACT: { nature: 'DUTY', title: 'Contact with the hate crime victim', alert: 'MANAGER' },
  POLICE_NOTIFICATION: { nature: 'DUTY', title: 'Hate crime notified to the police', alert: 'MANAGER' },
  RETURN_HOME_INTERVIEW: { nature: 'DUTY', title: 'Return home interview offered to the child', alert: 'MANAGER' },
  SAFEGUARDING_REFERRAL: { nature: 'DUTY', title: "Safeguarding referral to children's social care", alert: 'MANAGER' },
  PREVENT_REFERRAL: { nature: 'DUTY', title: 'Referral to the police Prevent gateway', alert: 'MANAGER' },
  CHANNEL_PANEL: { nature: 'DUTY', title: 'Channel panel discussion of the case', alert: 'MANAGER' },
  CHANNEL_EXIT_REVIEW: { nature: 'DUTY', title: 'Channel review after the person left Channel', alert: 'MANAGER' },
} as const satisfies Record<string, { nature: 'DUTY' | 'PERIOD'; title: string; alert?: AlertAudience }>;

export type AlertAudience = 'MANAGER' | 'HEAD_OF_SERVICE' | 'CASEWORKER' | 'LEGAL' | 'PARTNER_AGENCY' | 'CASE_REVIEW_COORDINATOR';
export type DeadlineKind = keyof typeof DEADLINE_CATALOGUE;
export const DEADLINE_KINDS = Object.keys(DEADLINE_CATALOGUE) as DeadlineKind[];

export const DEADLINE_STATUSES = ['PENDING', 'MET', 'MISSED', 'CANCELLED'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/**
 * One entry of a case's deadline ledger. Absolute times (not durations) so that the ledger means the
 * same after a worker restart or a continue-as-new. A deadline is never deleted: it ends MET, MISSED
 * or CANCELLED (re-planned), with the reason it existed kept beside it.
 */
export interface Deadline {
  readonly id: string;
  readonly kind: DeadlineKind;
  /** The day it falls due, in England. */
  readonly dueOn: LocalDate;
  /** ISO instant it passes: the end of `dueOn` for date deadlines, the exact hour for statutory hour limits. */
  readonly dueAt: string;
  readonly status: DeadlineStatus;
  readonly reason: string;
  readonly plannedAt: string;
  /** What it belongs to beyond the case: a subject, an enforcement step (or its legal referral), a partner action. */
  readonly subjectId?: string;
  readonly stepId?: string;
  readonly resolvedAt?: string;
  readonly resolution?: string;
  /** Planned from an entry made after it happened (a notice served yesterday, entered today); its clock ran from the true moment. */
  readonly late?: true;
}

export function natureOf(kind: DeadlineKind): 'DUTY' | 'PERIOD' {
  return DEADLINE_CATALOGUE[kind].nature;
}

export function alertAudienceOf(kind: DeadlineKind): AlertAudience | undefined {
  const entry = DEADLINE_CATALOGUE[kind];
  return 'alert' in entry ? entry.alert : undefined;
}

export interface DeadlinePlan {
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly reason: string;
  readonly subjectId?: string;
  readonly stepId?: string;
}

/** A deadline due by the end of `dueOn` in England. */
export function deadlineOn(plan: DeadlinePlan, dueOn: LocalDate, now: Date): Deadline {
  return withIds(plan, { dueOn, dueAt: endOfLondonDay(dueOn).toISOString(), now });
}

/** A deadline due at an exact instant (the statutory hour limits: 24 h, 48 h). */
export function deadlineAt(plan: DeadlinePlan, dueAt: Date, now: Date): Deadline {
  return withIds(plan, { dueOn: londonDateOf(dueAt), dueAt: dueAt.toISOString(), now });
}

export function resolveDeadline(deadline: Deadline, status: Exclude<DeadlineStatus, 'PENDING'>, resolution: string, now: Date): Deadline {
  return { ...deadline, status, resolution, resolvedAt: now.toISOString() };
}

/** The pending deadline that falls due first, or undefined when nothing is pending. */
export function nextPendingDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  return deadlines
    .filter((deadline) => deadline.status === 'PENDING')
    .reduce<Deadline | undefined>((first, deadline) => (!first || deadline.dueAt < first.dueAt ? deadline : first), undefined);
}

function withIds(plan: DeadlinePlan, at: { dueOn: LocalDate; dueAt: string; now: Date }): Deadline {
  return {
    id: plan.id,
    kind: plan.kind,
    dueOn: at.dueOn,
    dueAt: at.dueAt,
    status: 'PENDING',
    reason: plan.reason,
    plannedAt: at.now.toISOString(),
    ...(plan.subjectId ? { subjectId: plan.subjectId } : {}),
    ...(plan.stepId ? { stepId: plan.stepId } : {}),
  };
}
