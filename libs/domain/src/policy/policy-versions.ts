import { compareDates, type LocalDate } from '../calendar';
import type { PolicyVersion } from './local-policy';
import { STATUTORY_RULES_2014_ACT } from './statutory-rules';

/** The partnership's local policy (docs/domain.md, The numbers in one place). Append new versions; never edit one a case may run under. */
export const POLICY_VERSIONS: readonly PolicyVersion[] = [
  {
    id: '2026.1',
    effectiveFrom: '2026-01-01',
    local: {
      initialContactWorkingDays: { HIGH: 1, MEDIUM: 2, STANDARD: 5 },
      reviewIntervalDays: { HIGH: 7, MEDIUM: 14, STANDARD: 28 },
      complainantUpdateWorkingDays: 10,
      overdueReviewHeadOfServiceWorkingDays: 5,
      writtenWarningComplianceDays: 14,
      acceptableBehaviourContractMonths: 6,
      acceptableBehaviourContractReviewMonths: 3,
      tenancyWarningComplianceDays: 28,
      communityProtectionWarningComplianceDays: 14,
      complianceCheckWorkingDays: 2,
      prosecutionDecisionWorkingDays: 10,
      legalAcknowledgementWorkingDays: 2,
      legalDecisionWorkingDays: 10,
      reopenWindowMonths: 3,
      satisfactionFollowUpWorkingDays: 10,
      retentionYears: 6,
      caseReview: {
        qualifyingComplaints: 3,
        windowMonths: 6,
        latestComplaintWithinMonths: 1,
        complaintWithinMonthsOfIncident: 1,
        acknowledgeWorkingDays: 2,
        thresholdDecisionWorkingDays: 10,
        meetingWorkingDays: 20,
        outcomeLetterWorkingDays: 5,
      },
    },
    statutory: STATUTORY_RULES_2014_ACT,
  },
];

/** The version a case opened on `date` runs under: the latest whose effective date has come. */
export function policyInForceOn(date: LocalDate, versions: readonly PolicyVersion[] = POLICY_VERSIONS): PolicyVersion {
  const inForce = versions
    .filter((version) => compareDates(version.effectiveFrom as LocalDate, date) <= 0)
    .sort((a, b) => compareDates(b.effectiveFrom as LocalDate, a.effectiveFrom as LocalDate));
  const version = inForce[0];
  if (!version) throw new RangeError(`no policy version is in force on ${date}`);
  return version;
}

export function policyVersion(id: string, versions: readonly PolicyVersion[] = POLICY_VERSIONS): PolicyVersion {
  const version = versions.find((candidate) => candidate.id === id);
  if (!version) throw new RangeError(`unknown policy version ${id}`);
  return version;
}
