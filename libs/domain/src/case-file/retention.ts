import { addDays, addMonths, compareDates, type LocalDate, londonDateOf } from '../calendar';
import { type Deadline, deadlineOn, resolveDeadline } from '../deadline';
import { changed, nextDeadlineId } from './change';
import { communityTriggersOf } from './community-trigger';
import type { CaseStage } from '../case-classification';
import type { RefusalCondition } from './refusal-conditions';
import type { CaseChange, CaseFile, Refusal } from './state';
import { SYSTEM_ACTOR } from '../system-actor';

export const ANONYMISED = '(anonymised)';
/** While a case review stays open, retention is looked at again this often. */
const CASE_REVIEW_HOLD_MONTHS = 1;

/**
 * An anonymised case keeps no new file: its documents and evidence were deleted because they named
 * people, and a new one would name them again with nothing left to delete it.
 */
export function newFileRefusal(stage: CaseStage): Refusal | undefined {
  const condition: RefusalCondition = 'CASE_ANONYMISED';
  return stage === 'ANONYMISED' ? { condition, message: 'an anonymised case keeps no new documents or evidence: its files were deleted at the end of its retention period' } : undefined;
}

/** What keeps a closed case's personal data past its retention date, and until when. */
export interface LegalHold {
  readonly reason: string;
  readonly until: LocalDate;
}

/**
 * Legal holds [policy + law]: an order still in force (the file is the evidence for a breach) until
 * the day after it expires, and an ASB Case Review still open, looked at again each month.
 */
export function legalHolds(file: CaseFile, on: LocalDate): LegalHold[] {
  const orders = file.legalReferrals
    .filter((referral) => referral.status === 'ORDER_MADE' && referral.order)
    .map((referral) => ({ reason: `an order (${referral.id}) is in force until ${referral.order!.expiresOn}`, until: addDays(referral.order!.expiresOn as LocalDate, 1) }));
  const reviews = communityTriggersOf(file)
    .filter((trigger) => !['OUTCOME_SENT', 'THRESHOLD_NOT_MET', 'APPEAL_DECIDED'].includes(trigger.status))
    .map((trigger) => ({ reason: `an ASB Case Review (${trigger.id}) is open`, until: addMonths(on, CASE_REVIEW_HOLD_MONTHS) }));
  return [...orders, ...reviews];
}

/** A closed case whose retention clock is not yet running. */
export function retentionUnplanned(file: CaseFile): boolean {
  return file.stage === 'CLOSED' && !file.deadlines.some((deadline) => deadline.kind === 'RETENTION_END' && deadline.status === 'PENDING');
}

/** Starts the retention period [policy, default 6 years] from the day the case closed. */
export function planRetention(file: CaseFile, now: Date): CaseChange {
  const closedOn = londonDateOf(new Date(file.closure?.closedAt ?? now.toISOString()));
  const years = file.policy.local.retentionYears;
  const deadline = deadlineOn(
    { id: nextDeadlineId(file, 'RETENTION_END'), kind: 'RETENTION_END', reason: `personal data is kept ${years} years after closure (${closedOn}), then anonymised` },
    addMonths(closedOn, years * 12),
    now,
  );
  return changed(file, { deadlines: [...file.deadlines, deadline] }, []);
}

/**
 * The retention period has ended: anonymise, unless a legal hold postpones it, in which case the
 * postponement and its reasons are recorded and the retention end moves to when the holds lift.
 */
export function retentionEnded(file: CaseFile, deadline: Deadline, now: Date): CaseChange {
  const today = londonDateOf(now);
  const holds = legalHolds(file, today);
  if (holds.length > 0) {
    const until = holds.map((hold) => hold.until).reduce((latest, date) => (compareDates(date, latest) > 0 ? date : latest));
    const reasons = holds.map((hold) => hold.reason).join('; ');
    const postponed = resolveDeadline(deadline, 'MET', `anonymisation postponed to ${until}: ${reasons}`, now);
    const next = deadlineOn({ id: nextDeadlineId(file, 'RETENTION_END'), kind: 'RETENTION_END', reason: `anonymisation postponed by a legal hold: ${reasons}` }, until, now);
    return changed(file, { deadlines: [...file.deadlines.map((d) => (d.id === deadline.id ? postponed : d)), next] }, [
      { kind: 'RETENTION_POSTPONED', at: now.toISOString(), actor: SYSTEM_ACTOR, summary: `Anonymisation postponed to ${until}: ${reasons}`, data: { until, holds: holds.map((hold) => hold.reason) } },
    ]);
  }
  const ended = resolveDeadline(deadline, 'MET', 'personal data anonymised', now);
  const anonymous = anonymised(file);
  return changed(anonymous, { deadlines: anonymous.deadlines.map((d) => (d.id === deadline.id ? ended : d)) }, [
    { kind: 'CASE_ANONYMISED', at: now.toISOString(), actor: SYSTEM_ACTOR, summary: 'Personal data anonymised at the end of the retention period; the statistics are kept' },
  ]);
}

/**
 * The case without anyone's personal data: names, dates of birth, the address, every free-text
 * account and the victim's risk factors go; what statistics count (type, category, channel, risk
 * level, team, ward, dates, stages, steps taken and their outcomes, deadlines met or missed) stays.
 */
export function anonymised(file: CaseFile): CaseFile {
  const { riskAssessment: _riskFactors, adultsAtRiskReferral, ...kept } = file;
  return {
    ...kept,
    stage: 'ANONYMISED',
    summary: ANONYMISED,
    location: { ...(file.location.ward ? { ward: file.location.ward } : {}), priorityNeighbourhood: file.location.priorityNeighbourhood },
    complainants: file.complainants.map((person) => ({ id: person.id, name: ANONYMISED, vulnerable: person.vulnerable })),
    subjects: file.subjects.map((person) => ({ id: person.id, name: ANONYMISED, tenure: person.tenure })),
    ...(file.witnesses ? { witnesses: file.witnesses.map((person) => ({ id: person.id, name: ANONYMISED })) } : {}),
    ...(file.notes
      ? { notes: file.notes.map((note) => ({ ...note, text: ANONYMISED, ...(note.contact?.withName ? { contact: { ...note.contact, withName: ANONYMISED } } : {}) })) }
      : {}),
    incidents: file.incidents.map((incident) => ({ ...incident, description: ANONYMISED })),
    enforcement: file.enforcement.map((step) => ({
      ...step,
      ...(step.notes ? { notes: ANONYMISED } : {}),
      ...(step.skipReason ? { skipReason: ANONYMISED } : {}),
      ...(step.premises ? { premises: ANONYMISED } : {}),
      ...(step.requirements ? { requirements: step.requirements.map((requirement) => ({ ...requirement, text: ANONYMISED })) } : {}),
      breaches: step.breaches.map((breach) => ({ ...breach, description: ANONYMISED })),
    })),
    legalReferrals: file.legalReferrals.map((referral) => ({
      ...referral,
      ...(referral.order ? { order: { ...referral.order, terms: ANONYMISED } } : {}),
      breaches: referral.breaches.map((breach) => ({ ...breach, description: ANONYMISED })),
      ...(referral.decision ? { decision: { ...referral.decision, reason: ANONYMISED } } : {}),
    })),
    convictions: file.convictions.map((conviction) => ({ ...conviction, offence: ANONYMISED })),
    forumHistory: file.forumHistory.map((decision) => ({ ...decision, reason: ANONYMISED })),
    ...(adultsAtRiskReferral ? { adultsAtRiskReferral: { ...adultsAtRiskReferral, reason: ANONYMISED } } : {}),
    ...(file.closure ? { closure: { ...file.closure, explanationToComplainant: ANONYMISED } } : {}),
    ...(file.partnerActions ? { partnerActions: file.partnerActions.map((action) => ({ ...action, description: ANONYMISED, ...(action.outcome ? { outcome: ANONYMISED } : {}) })) } : {}),
    ...(file.shares ? { shares: file.shares.map((share) => ({ ...share, reason: ANONYMISED })) } : {}),
    ...(file.links ? { links: file.links.map(({ note: _note, ...link }) => link) } : {}),
    ...(file.communityTriggers ? { communityTriggers: file.communityTriggers.map((trigger) => ({ ...trigger, applicantName: ANONYMISED })) } : {}),
    // A partner action's deadline quotes what the agency was asked to do.
    deadlines: file.deadlines.map((deadline) => (deadline.kind === 'PARTNER_ACTION' ? { ...deadline, reason: ANONYMISED } : deadline)),
  };
}
