import { z } from 'zod';
import { RISK_LEVELS } from '../case-classification';

/**
 * The shape of a whole policy version, every field present: what a draft must be before it can be
 * judged for ranges (judge-policy-draft.ts). Numbers are only typed here; their ranges are one table
 * (policy-ranges.ts), so that a problem says why and a new number is one new line there.
 */
const count = z.number().int();
const isoDate = z.iso.date();
const byRisk = z.strictObject(Object.fromEntries(RISK_LEVELS.map((level) => [level, count])) as Record<(typeof RISK_LEVELS)[number], typeof count>);

const dated = <T extends z.ZodType>(value: T) =>
  z.array(z.strictObject({ effectiveFrom: isoDate, value, source: z.string().trim().min(1, 'each statutory entry names its source') })).min(1, 'a statutory rule needs at least one entry');

export const LocalPolicySchema = z.strictObject({
  initialContactWorkingDays: byRisk,
  reviewIntervalDays: byRisk,
  complainantUpdateWorkingDays: count,
  overdueReviewHeadOfServiceWorkingDays: count,
  writtenWarningComplianceDays: count,
  acceptableBehaviourContractMonths: count,
  acceptableBehaviourContractReviewMonths: count,
  tenancyWarningComplianceDays: count,
  communityProtectionWarningComplianceDays: count,
  complianceCheckWorkingDays: count,
  prosecutionDecisionWorkingDays: count,
  legalAcknowledgementWorkingDays: count,
  legalDecisionWorkingDays: count,
  reopenWindowMonths: count,
  satisfactionFollowUpWorkingDays: count,
  retentionYears: count,
  comingDueReminderWorkingDays: count.optional(),
  fixedPenaltyEarlyPayment: z.strictObject({ reducedAmountPounds: count, withinDays: count }).optional(),
  // Any of them may be given; the rest are the named defaults (case-types/type-policy.ts).
  caseTypes: z
    .strictObject({
      hateCrimeVictimContactHours: count.optional(),
      hateCrimePoliceNotificationWorkingDays: count.optional(),
      missingEpisodesForMag: count.optional(),
      missingEpisodeWindowDays: count.optional(),
      preventReferralWorkingDays: count.optional(),
      channelPanelChairedByLocalAuthority: z.boolean().optional(),
      channelPanelWorkingDays: count.optional(),
      leadAgencyActionWorkingDays: count.optional(),
    })
    .optional(),
  caseReview: z.strictObject({
    qualifyingComplaints: count,
    windowMonths: count,
    latestComplaintWithinMonths: count,
    complaintWithinMonthsOfIncident: count,
    acknowledgeWorkingDays: count,
    thresholdDecisionWorkingDays: count,
    meetingWorkingDays: count,
    outcomeLetterWorkingDays: count,
  }),
});

export const StatutoryRulesSchema = z.strictObject({
  cpwMinimumAge: dated(count),
  cpnAppealWindowDays: dated(count),
  fixedPenaltyMaximumPounds: dated(count),
  fixedPenaltyNoProsecutionDays: dated(count),
  injunctionMinimumAge: dated(count),
  youthInjunctionMaximumMonths: dated(count),
  respectOrdersInForce: dated(z.boolean()),
  breachArrestBeforeJudgeHours: dated(count),
  closureNoticeHours: dated(z.strictObject({ standard: count, extended: count })),
  closureOrderHearingHours: dated(count),
  closureOrderMaximumMonths: dated(z.strictObject({ initial: count, total: count })),
  youthCriminalBehaviourOrderReviewMonths: dated(count),
  possessionNoticeAfterClosureOrderMonths: dated(count),
  tenantReviewRequestDays: dated(count),
  pspoMaximumYears: dated(count),
  pspoFixedPenaltyMaximumPounds: dated(count),
});

/** A version id as cases record it: `2027.1`, `2027.2-north`. */
export const POLICY_VERSION_ID = /^\d{4}\.\d{1,3}(?:-[a-z0-9-]{1,30})?$/;

export const PolicyVersionSchema = z.strictObject({
  id: z.string().regex(POLICY_VERSION_ID, 'a version id is the year, a dot and a number, e.g. 2027.1'),
  effectiveFrom: isoDate,
  local: LocalPolicySchema,
  statutory: StatutoryRulesSchema,
});
