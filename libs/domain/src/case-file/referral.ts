import type { ReportChannel } from '../case-classification';
import { humanise } from './change';
import type { AgencyShare } from './state';

/** A case a partner agency's user opened for a team: the police, a housing provider, probation. */
export interface Referral {
  readonly agency: string;
}

/** The police refer by police referral; every other agency by partner referral. */
export function referralChannelOf(agency: string): ReportChannel {
  return agency.toUpperCase() === 'POLICE' ? 'POLICE_REFERRAL' : 'PARTNER_REFERRAL';
}

/** What a referral may not say, by field: its triage and allocation are the receiving team's. */
export interface ReferralFault {
  readonly field: 'riskLevel' | 'riskAssessment' | 'caseworker' | 'channel';
  readonly message: string;
}

export interface ReferralOpening {
  readonly channel: ReportChannel;
  readonly riskLevel?: unknown;
  readonly riskAssessment?: unknown;
  readonly caseworker?: string;
}

/**
 * A referral arrives REPORTED and unallocated, for the team to triage: it carries no risk level, no risk
 * assessment and no caseworker, and comes by the agency's own channel.
 */
export function referralFaults(opening: ReferralOpening, agency: string): ReferralFault[] {
  const faults: ReferralFault[] = [];
  if (opening.riskLevel !== undefined) faults.push({ field: 'riskLevel', message: 'the team a case is referred to triages it: leave the risk level out' });
  if (opening.riskAssessment !== undefined) faults.push({ field: 'riskAssessment', message: 'the team a case is referred to triages it: leave the risk assessment out' });
  if (opening.caseworker !== undefined) faults.push({ field: 'caseworker', message: 'the manager of the team a case is referred to allocates it: leave the caseworker out' });
  const channel = referralChannelOf(agency);
  if (opening.channel !== channel) faults.push({ field: 'channel', message: `a case referred by ${agencyName(agency)} comes by ${channel}` });
  return faults;
}

/** "POLICE" as a sentence says it: "Police". */
export function agencyName(agency: string): string {
  const words = humanise(agency.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The referring agency follows its referral: it sees the case's stage and outline (a summary-only share),
 * not the team's work on it, until the team shares more or stops sharing.
 */
export function referringAgencyShare(referral: Referral, referredBy: string, at: string): AgencyShare {
  return { agency: referral.agency.toUpperCase(), summaryOnly: true, reason: 'the agency referred the case and follows it', sharedBy: referredBy, at };
}
