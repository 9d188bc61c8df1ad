/**
 * Every number of a policy version with the range it may take, one line a number: a new number in
 * LocalPolicy or StatutoryRules is one new line here (test/unit/policy-ranges.test.ts fails until it
 * has one). Paths are the version's own; `*` stands for each risk level; a statutory rule's path
 * applies to the value of each of its dated entries. Statutory ranges are what the law allows any
 * version to say (2014 Act as amended by the Crime and Policing Act 2026); local ranges are what
 * makes sense for a partnership's own service standard (docs/policy-administration.md says why).
 */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly unit: string;
}

const r = (min: number, max: number, unit: string): NumberRange => ({ min, max, unit });

export const POLICY_RANGES: Readonly<Record<string, NumberRange>> = {
  'local.initialContactWorkingDays.*': r(1, 20, 'working days'),
  'local.reviewIntervalDays.*': r(1, 365, 'days'),
  'local.complainantUpdateWorkingDays': r(1, 60, 'working days'),
  'local.overdueReviewHeadOfServiceWorkingDays': r(1, 60, 'working days'),
  'local.writtenWarningComplianceDays': r(1, 365, 'days'),
  'local.acceptableBehaviourContractMonths': r(1, 24, 'months'),
  'local.acceptableBehaviourContractReviewMonths': r(1, 24, 'months'),
  'local.tenancyWarningComplianceDays': r(1, 365, 'days'),
  'local.communityProtectionWarningComplianceDays': r(1, 365, 'days'),
  'local.complianceCheckWorkingDays': r(1, 60, 'working days'),
  'local.prosecutionDecisionWorkingDays': r(1, 60, 'working days'),
  'local.legalAcknowledgementWorkingDays': r(1, 60, 'working days'),
  'local.legalDecisionWorkingDays': r(1, 60, 'working days'),
  'local.reopenWindowMonths': r(1, 24, 'months'),
  'local.satisfactionFollowUpWorkingDays': r(1, 60, 'working days'),
  'local.retentionYears': r(1, 100, 'years'),
  'local.comingDueReminderWorkingDays': r(1, 20, 'working days'),
  'local.fixedPenaltyEarlyPayment.reducedAmountPounds': r(1, 500, 'pounds'),
  'local.fixedPenaltyEarlyPayment.withinDays': r(1, 14, 'days'),
  'local.caseTypes.hateCrimeVictimContactHours': r(1, 72, 'hours'),
  'local.caseTypes.hateCrimePoliceNotificationWorkingDays': r(0, 5, 'working days'),
  // Fewer than two episodes is no pattern; a window beyond a year is no longer about this child now.
  'local.caseTypes.missingEpisodesForMag': r(2, 10, 'episodes'),
  'local.caseTypes.missingEpisodeWindowDays': r(28, 365, 'days'),
  'local.caseTypes.preventReferralWorkingDays': r(0, 2, 'working days'),
  'local.caseTypes.channelPanelWorkingDays': r(5, 30, 'working days'),
  'local.caseTypes.leadAgencyActionWorkingDays': r(1, 30, 'working days'),
  // Statutory guidance: the threshold may be no higher than three complaints in six months.
  'local.caseReview.qualifyingComplaints': r(1, 3, 'complaints'),
  'local.caseReview.windowMonths': r(6, 24, 'months'),
  'local.caseReview.latestComplaintWithinMonths': r(1, 6, 'months'),
  'local.caseReview.complaintWithinMonthsOfIncident': r(1, 6, 'months'),
  'local.caseReview.acknowledgeWorkingDays': r(1, 20, 'working days'),
  'local.caseReview.thresholdDecisionWorkingDays': r(1, 60, 'working days'),
  'local.caseReview.meetingWorkingDays': r(1, 60, 'working days'),
  'local.caseReview.outcomeLetterWorkingDays': r(1, 60, 'working days'),
  'statutory.cpwMinimumAge': r(10, 18, 'years'),
  'statutory.cpnAppealWindowDays': r(1, 90, 'days'),
  'statutory.fixedPenaltyMaximumPounds': r(1, 500, 'pounds'),
  'statutory.fixedPenaltyNoProsecutionDays': r(1, 28, 'days'),
  'statutory.injunctionMinimumAge': r(10, 18, 'years'),
  'statutory.youthInjunctionMaximumMonths': r(1, 12, 'months'),
  'statutory.breachArrestBeforeJudgeHours': r(1, 48, 'hours'),
  'statutory.closureNoticeHours.standard': r(1, 48, 'hours'),
  'statutory.closureNoticeHours.extended': r(1, 72, 'hours'),
  'statutory.closureOrderHearingHours': r(1, 72, 'hours'),
  'statutory.closureOrderMaximumMonths.initial': r(1, 6, 'months'),
  'statutory.closureOrderMaximumMonths.total': r(1, 12, 'months'),
  'statutory.youthCriminalBehaviourOrderReviewMonths': r(1, 12, 'months'),
  'statutory.possessionNoticeAfterClosureOrderMonths': r(1, 12, 'months'),
  'statutory.tenantReviewRequestDays': r(1, 28, 'days'),
  // s.60: a PSPO lasts at most 3 years, and each extension at most 3 more.
  'statutory.pspoMaximumYears': r(1, 3, 'years'),
  'statutory.pspoFixedPenaltyMaximumPounds': r(1, 500, 'pounds'),
};

/**
 * Pairs of numbers whose meaning orders them: the first is never more than the second (a HIGH-risk
 * case is contacted and reviewed at least as often as a MEDIUM one, and so on).
 */
export const POLICY_ORDERINGS: readonly (readonly [string, string, string])[] = [
  ['local.initialContactWorkingDays.HIGH', 'local.initialContactWorkingDays.MEDIUM', 'a higher risk is contacted no later than a lower one'],
  ['local.initialContactWorkingDays.MEDIUM', 'local.initialContactWorkingDays.STANDARD', 'a higher risk is contacted no later than a lower one'],
  ['local.reviewIntervalDays.HIGH', 'local.reviewIntervalDays.MEDIUM', 'a higher risk is reviewed at least as often as a lower one'],
  ['local.reviewIntervalDays.MEDIUM', 'local.reviewIntervalDays.STANDARD', 'a higher risk is reviewed at least as often as a lower one'],
  ['local.acceptableBehaviourContractReviewMonths', 'local.acceptableBehaviourContractMonths', 'a contract is reviewed before it ends'],
  ['local.caseReview.latestComplaintWithinMonths', 'local.caseReview.windowMonths', 'the latest complaint falls within the window'],
  // `[]`: within each dated entry of the rule.
  ['statutory.closureNoticeHours[].value.standard', 'statutory.closureNoticeHours[].value.extended', 'an extended closure notice lasts at least as long as a standard one'],
  ['statutory.closureOrderMaximumMonths[].value.initial', 'statutory.closureOrderMaximumMonths[].value.total', 'the initial order is within the total'],
];

/** The range of the number at `path` (as the leaves of a version name it), if the table has one. */
export function rangeOf(path: string): NumberRange | undefined {
  const normal = path.replace(/\[\d+\]\.value/, '');
  return POLICY_RANGES[normal] ?? POLICY_RANGES[normal.replace(/\.[A-Z]+$/, '.*')];
}
