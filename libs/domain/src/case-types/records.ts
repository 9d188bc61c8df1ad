import type { ProtectedCharacteristic } from './hate-crime';

/** What is on record about a hate crime beyond the ASB file: the hostility, the victim's contact and support, the police. */
export interface HateCrimeRecord {
  readonly protectedCharacteristics: readonly ProtectedCharacteristic[];
  readonly victimContact?: { readonly at: string; readonly by: string; readonly summary: string; readonly victimSupport: 'ACCEPTED' | 'DECLINED' };
  readonly policeNotified?: { readonly at: string; readonly by: string; readonly policeReference: string };
}

/** One time a child went missing and came back. */
export interface MissingEpisode {
  readonly id: string;
  readonly missingFrom: string;
  readonly returnedAt: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly returnHomeInterview?: { readonly offeredAt: string; readonly accepted: boolean; readonly summary: string; readonly recordedBy: string };
}

export interface SafeguardingReferralRecord {
  readonly referredAt: string;
  readonly referredBy: string;
  readonly summary: string;
  readonly socialCareReference?: string;
}

export const CHANNEL_OUTCOMES = ['ADOPTED', 'NOT_ADOPTED', 'EXITED'] as const;
export type ChannelOutcome = (typeof CHANNEL_OUTCOMES)[number];

/** The gateway referral, then each Channel panel's decision and each review after the case left Channel. */
export interface PreventRecord {
  readonly gatewayReferral?: { readonly at: string; readonly by: string; readonly summary: string; readonly gatewayReference?: string };
  readonly panels: readonly { readonly at: string; readonly outcome: ChannelOutcome; readonly summary: string; readonly recordedBy: string }[];
  readonly exitReviews: readonly { readonly at: string; readonly summary: string; readonly recordedBy: string }[];
}
