import type { EnforcementStepKind } from './enforcement/steps';

export const COURTS = ['YOUTH_COURT', 'COUNTY_COURT', 'HIGH_COURT', 'MAGISTRATES_COURT', 'CROWN_COURT'] as const;
export type Court = (typeof COURTS)[number];

export const LEGAL_REFERRAL_STATUSES = ['REFERRED', 'ACKNOWLEDGED', 'PROCEEDING', 'DECLINED', 'HEARING_LISTED', 'ORDER_MADE', 'REFUSED', 'ORDER_ENDED'] as const;
export type LegalReferralStatus = (typeof LEGAL_REFERRAL_STATUSES)[number];

export interface Order {
  readonly madeOn: string;
  readonly expiresOn: string;
  readonly terms: string;
  readonly court: Court;
  readonly extendedOn?: string;
}

export interface OrderBreach {
  readonly at: string;
  readonly description: string;
  readonly arrestedAt?: string;
  readonly beforeJudgeAt?: string;
}

/**
 * The legal team's file for one level-5 step: every such step is referred, and the referral carries
 * the legal decisions, the hearing, the order and its breaches.
 */
export interface LegalReferral {
  readonly id: string;
  readonly stepId: string;
  readonly stepKind: EnforcementStepKind;
  readonly subjectId?: string;
  readonly status: LegalReferralStatus;
  readonly referredAt: string;
  /** The subject was under 18 on referral: youth court, youth offending team, shorter orders. */
  readonly youth: boolean;
  readonly acknowledgedAt?: string;
  readonly decision?: { readonly proceed: boolean; readonly reason: string; readonly decidedBy: string; readonly at: string };
  readonly hearing?: { readonly at: string; readonly court: Court; readonly listings: number };
  readonly order?: Order;
  readonly breaches: readonly OrderBreach[];
}

export function courtsFor(stepKind: EnforcementStepKind, youth: boolean): readonly Court[] {
  switch (stepKind) {
    case 'CIVIL_INJUNCTION':
    case 'RESPECT_ORDER':
      return youth ? ['YOUTH_COURT'] : ['COUNTY_COURT', 'HIGH_COURT'];
    case 'CLOSURE_NOTICE':
      return ['MAGISTRATES_COURT'];
    case 'CRIMINAL_BEHAVIOUR_ORDER':
      return youth ? ['YOUTH_COURT'] : ['MAGISTRATES_COURT', 'CROWN_COURT'];
    case 'NOTICE_OF_SEEKING_POSSESSION':
      return ['COUNTY_COURT'];
    default:
      return [];
  }
}

export function orderInForce(referral: LegalReferral): boolean {
  return referral.status === 'ORDER_MADE';
}

/** Referrals still in the legal team's hands or with an order in force. */
export function liveLegalReferrals(referrals: readonly LegalReferral[]): LegalReferral[] {
  return referrals.filter((referral) => !['DECLINED', 'REFUSED', 'ORDER_ENDED'].includes(referral.status));
}

/**
 * Referrals the legal team is still working (referred, acknowledged, proceeding, listed): what holds
 * a case open. An order in force does not: the case can close while the order runs, and the order
 * then holds the case's records from anonymisation.
 */
export function referralsInProgress(referrals: readonly LegalReferral[]): LegalReferral[] {
  return liveLegalReferrals(referrals).filter((referral) => referral.status !== 'ORDER_MADE');
}
