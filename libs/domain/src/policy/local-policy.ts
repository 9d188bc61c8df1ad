import type { RiskLevel } from '../case-classification';
import type { StatutoryRules } from './statutory-rules';
import type { CaseTypeLocalPolicy } from '../case-types/type-policy';

/**
 * The numbers a partnership sets for itself (every [policy] number in docs/domain.md). A partnership
 * changes them by publishing a new version, never by changing code; a case keeps the version it was
 * opened under until it is moved by a recorded step.
 */
export interface LocalPolicy {
  readonly initialContactWorkingDays: Readonly<Record<RiskLevel, number>>;
  readonly reviewIntervalDays: Readonly<Record<RiskLevel, number>>;
  readonly complainantUpdateWorkingDays: number;
  readonly overdueReviewHeadOfServiceWorkingDays: number;
  readonly writtenWarningComplianceDays: number;
  readonly acceptableBehaviourContractMonths: number;
  readonly acceptableBehaviourContractReviewMonths: number;
  readonly tenancyWarningComplianceDays: number;
  readonly communityProtectionWarningComplianceDays: number;
  /** After a compliance period ends, the caseworker has this long to record whether it was complied with. */
  readonly complianceCheckWorkingDays: number;
  /** After a fixed penalty goes unpaid, the decision whether to prosecute is due within this. */
  readonly prosecutionDecisionWorkingDays: number;
  readonly legalAcknowledgementWorkingDays: number;
  readonly legalDecisionWorkingDays: number;
  readonly reopenWindowMonths: number;
  readonly satisfactionFollowUpWorkingDays: number;
  readonly retentionYears: number;
  /**
   * How many working days ahead a caseworker is reminded of a review or compliance check coming due.
   * Absent from versions published before reminders existed: those remind `DEFAULT_COMING_DUE_REMINDER_WORKING_DAYS` ahead.
   */
  readonly comingDueReminderWorkingDays?: number;
  /**
   * A reduced fixed penalty for paying early, where the partnership offers one: a fixed penalty notice
   * issued while this version is in force states it. Absent: no early-payment terms.
   */
  readonly fixedPenaltyEarlyPayment?: { readonly reducedAmountPounds: number; readonly withinDays: number };
  /**
   * The numbers of each case type's own process (hate crime contact, missing episodes, Prevent).
   * Absent from versions published before the types had processes, and any one of them may be
   * left out: the case then runs under `DEFAULT_CASE_TYPE_POLICY`'s (read with `caseTypePolicyOf`).
   */
  readonly caseTypes?: Partial<CaseTypeLocalPolicy>;
  readonly caseReview: {
    readonly qualifyingComplaints: number;
    readonly windowMonths: number;
    readonly latestComplaintWithinMonths: number;
    readonly complaintWithinMonthsOfIncident: number;
    readonly acknowledgeWorkingDays: number;
    readonly thresholdDecisionWorkingDays: number;
    readonly meetingWorkingDays: number;
    readonly outcomeLetterWorkingDays: number;
  };
}

/**
 * Everything a case's deadlines and preconditions are computed from. A case carries the whole version
 * it runs under (not just its id), so its numbers cannot change underneath it.
 */
export interface PolicyVersion {
  /** Stable id a case records, e.g. `2026.1`. */
  readonly id: string;
  /** New cases opened on or after this date (in England) take this version. */
  readonly effectiveFrom: string;
  readonly local: LocalPolicy;
  readonly statutory: StatutoryRules;
}
