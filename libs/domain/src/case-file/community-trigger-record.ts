import type { ThresholdAssessment } from './community-trigger-threshold';

export const COMMUNITY_TRIGGER_APPLICANTS = ['VICTIM', 'ON_BEHALF_OF_VICTIM'] as const;
export type CommunityTriggerApplicant = (typeof COMMUNITY_TRIGGER_APPLICANTS)[number];

export const COMMUNITY_TRIGGER_STATUSES = ['APPLIED', 'ACKNOWLEDGED', 'THRESHOLD_MET', 'THRESHOLD_NOT_MET', 'MEETING_HELD', 'OUTCOME_SENT', 'APPEALED', 'APPEAL_DECIDED'] as const;
export type CommunityTriggerStatus = (typeof COMMUNITY_TRIGGER_STATUSES)[number];

/** One ASB Case Review ("Community Trigger") asked for on this case, from application to outcome and appeal. */
export interface CommunityTrigger {
  readonly id: string;
  readonly applicant: CommunityTriggerApplicant;
  readonly applicantName: string;
  readonly receivedAt: string;
  readonly recordedBy: string;
  readonly status: CommunityTriggerStatus;
  /** The threshold as the complaints on record stood when the application came in, across cases. */
  readonly assessment: ThresholdAssessment;
  readonly acknowledgedAt?: string;
  readonly thresholdDecision?: { readonly met: boolean; readonly reason: string; readonly decidedBy: string; readonly at: string };
  readonly meeting?: { readonly recommendations: string; readonly heldAt: string };
  readonly outcome?: { readonly summary: string; readonly sentAt: string };
  readonly appeal?: { readonly reason: string; readonly lodgedAt: string; readonly decision?: { readonly upheld: boolean; readonly reason: string; readonly at: string } };
}
