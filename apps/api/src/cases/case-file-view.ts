import type { z } from 'zod';
import { type CaseFileParts, type Deadline, ENFORCEMENT_STEPS, type SummaryShareable } from '../../../../libs/domain/src';
import type { CASE_FILE_PARTS } from './case-file.schemas';

export type CaseFilePartsView = { [K in keyof typeof CASE_FILE_PARTS]: z.infer<(typeof CASE_FILE_PARTS)[K]> };

/** A case with no stored file (see findCaseFileParts): the read model's row alone, with no parts. */
export const NO_PARTS: CaseFileParts = { complainants: [], subjects: [], incidents: [], enforcement: [], legalReferrals: [], forumHistory: [], deadlines: [] };

/** The one mapping from the domain's file to the parts of the Case view. */
export function caseFilePartsView(reference: string, parts: CaseFileParts & Pick<SummaryShareable, 'linkedCases'>): CaseFilePartsView {
  const windowsOf = (stepId: string) =>
    parts.deadlines
      .filter((deadline) => deadline.stepId === stepId)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .map((deadline: Deadline) => ({ deadlineId: deadline.id, kind: deadline.kind, dueOn: deadline.dueOn, dueAt: deadline.dueAt, status: deadline.status, late: deadline.late ?? false }));
  return {
    complainants: parts.complainants.map(({ id, name, vulnerable }) => ({ id, name, vulnerable })),
    subjects: parts.subjects.map(({ id, name, dateOfBirth, tenure }) => ({ id, name, dateOfBirth: dateOfBirth ?? null, tenure })),
    witnesses: (parts.witnesses ?? []).map(({ id, name, contact }) => ({ id, name, contact: contact ?? null })),
    incidents: parts.incidents.map(({ id, occurredAt, reportedAt, description, subjectIds, reportedBy }) => ({ id, occurredAt, reportedAt, description, subjectIds: [...subjectIds], reportedBy })),
    enforcementSteps: parts.enforcement.map((step) => ({
      id: step.id,
      kind: step.kind,
      title: ENFORCEMENT_STEPS[step.kind].title,
      level: step.level,
      subjectId: step.subjectId ?? null,
      takenAt: step.takenAt,
      takenBy: step.takenBy,
      notes: step.notes ?? null,
      skipReason: step.skipReason ?? null,
      complianceDueOn: step.complianceDueOn ?? null,
      complied: step.complied ?? null,
      nonComplianceRecordedAt: step.nonComplianceRecordedAt ?? null,
      requirements: (step.requirements ?? []).map(({ text, dueOn }) => ({ text, dueOn })),
      breaches: step.breaches.map(({ at, description, recordedBy }) => ({ at, description, recordedBy })),
      amountPounds: step.amountPounds ?? null,
      paidAt: step.paidAt ?? null,
      service: step.service ? { method: step.service.method, servedAt: step.service.servedAt, servedBy: step.service.servedBy, recordedBy: step.service.recordedBy } : null,
      followsStepId: step.followsStepId ?? null,
      premises: step.premises ?? null,
      issuedBy: step.issuedBy ?? null,
      extended: step.extended ?? null,
      trigger: step.trigger ?? null,
      legalReferralId: step.legalReferralId ?? null,
      endedAt: step.endedAt ?? null,
      windows: windowsOf(step.id),
    })),
    legalReferrals: parts.legalReferrals.map((referral) => ({
      id: referral.id,
      stepId: referral.stepId,
      stepKind: referral.stepKind,
      subjectId: referral.subjectId ?? null,
      status: referral.status,
      referredAt: referral.referredAt,
      youth: referral.youth,
      acknowledgedAt: referral.acknowledgedAt ?? null,
      decision: referral.decision ? { proceed: referral.decision.proceed, reason: referral.decision.reason, decidedBy: referral.decision.decidedBy, at: referral.decision.at } : null,
      hearing: referral.hearing ? { at: referral.hearing.at, court: referral.hearing.court, listings: referral.hearing.listings } : null,
      order: referral.order
        ? { madeOn: referral.order.madeOn, expiresOn: referral.order.expiresOn, terms: referral.order.terms, court: referral.order.court, extendedOn: referral.order.extendedOn ?? null }
        : null,
      breaches: referral.breaches.map(({ at, description, arrestedAt, beforeJudgeAt }) => ({ at, description, arrestedAt: arrestedAt ?? null, beforeJudgeAt: beforeJudgeAt ?? null })),
      // A referral's deadlines (acknowledgement, hearing, order review) are kept on its step.
      windows: windowsOf(referral.stepId),
    })),
    partnerActions: (parts.partnerActions ?? []).map((action) => ({
      id: action.id,
      agency: action.agency,
      description: action.description,
      dueOn: action.dueOn,
      forum: action.forum ?? null,
      assignedBy: action.assignedBy,
      assignedAt: action.assignedAt,
      completedAt: action.completedAt ?? null,
      completedBy: action.completedBy ?? null,
      outcome: action.outcome ?? null,
    })),
    forumHistory: parts.forumHistory.map(({ from, to, reason, decidedBy, at }) => ({ from, to, reason, decidedBy, at })),
    adultsAtRiskReferral: parts.adultsAtRiskReferral ? { reason: parts.adultsAtRiskReferral.reason, decidedBy: parts.adultsAtRiskReferral.decidedBy, at: parts.adultsAtRiskReferral.at } : null,
    caseReviews: (parts.communityTriggers ?? []).map((trigger) => ({
      id: trigger.id,
      applicant: trigger.applicant,
      applicantName: trigger.applicantName,
      receivedAt: trigger.receivedAt,
      recordedBy: trigger.recordedBy,
      status: trigger.status,
      thresholdMetOnReceipt: trigger.assessment.met,
      acknowledgedAt: trigger.acknowledgedAt ?? null,
      thresholdDecision: trigger.thresholdDecision
        ? { met: trigger.thresholdDecision.met, reason: trigger.thresholdDecision.reason, decidedBy: trigger.thresholdDecision.decidedBy, at: trigger.thresholdDecision.at }
        : null,
      meeting: trigger.meeting ? { recommendations: trigger.meeting.recommendations, heldAt: trigger.meeting.heldAt } : null,
      outcome: trigger.outcome ? { summary: trigger.outcome.summary, sentAt: trigger.outcome.sentAt } : null,
      appeal: trigger.appeal
        ? {
            reason: trigger.appeal.reason,
            lodgedAt: trigger.appeal.lodgedAt,
            decision: trigger.appeal.decision ? { upheld: trigger.appeal.decision.upheld, reason: trigger.appeal.decision.reason, at: trigger.appeal.decision.at } : null,
          }
        : null,
    })),
    notes: (parts.notes ?? []).map(({ id, text, recordedBy, recordedAt, occurredAt, contact }) => ({
      id,
      text,
      recordedBy,
      recordedAt,
      occurredAt: occurredAt ?? recordedAt,
      late: occurredAt !== undefined,
      contact: contact ? { method: contact.method, withPartyId: contact.withPartyId ?? null, withName: contact.withName ?? null } : null,
    })),
    linkedCases: (parts.linkedCases ?? []).map(({ reference: other, direction, reason, note, linkedBy, linkedAt }) => ({ reference: other, direction, reason, note: note ?? null, linkedBy, linkedAt })),
    links: { timeline: `/cases/${reference}/timeline`, deadlines: `/cases/${reference}/deadlines`, nextSteps: `/cases/${reference}/next-steps` },
  };
}
