import type { CaseType, PartnerAgency } from '../case-classification';
import type { DeadlineKind } from '../deadline';
import type { EnforcementStepKind } from '../case-file/enforcement/steps';

/** Who holds a case of a type: the council's own team, or the partner agency that leads that work. */
export type LeadAgency = 'COMMUNITY_SAFETY_PARTNERSHIP' | PartnerAgency;

export interface CaseTypeLead {
  readonly agency: LeadAgency;
  /** The team or role in that agency, in the partnership's words. */
  readonly team: string;
}

/** Where a case of a type goes beyond the partnership, and when. */
export interface TypeReferral {
  readonly to: 'POLICE' | 'VICTIM_SUPPORT' | 'CHILDRENS_SOCIAL_CARE' | 'MAG' | 'POLICE_PREVENT_GATEWAY' | 'CHANNEL_PANEL' | 'FIRE_AND_RESCUE' | 'PROBATION';
  readonly when: string;
}

/**
 * The enforcement ladder's steps a type may take, and why. `ALL` where the conduct is anti-social
 * behaviour in the 2014 Act's sense; a named few where the law gives a power for that conduct; none
 * where another regime (licence, safeguarding, Channel) is the law's answer.
 */
export interface LadderScope {
  readonly steps: 'ALL' | readonly EnforcementStepKind[];
  readonly why: string;
}

/** Where a number or a duty comes from: the difference between what the partnership may change and what it may not. */
export interface Source {
  readonly basis: 'STATUTE' | 'STATUTORY_GUIDANCE' | 'LOCAL_POLICY';
  readonly citation: string;
}

/** What a case of one type is: its duties, its ladder, who leads it, where it goes and who may see it. */
export interface CaseTypeProcess {
  readonly type: CaseType;
  readonly title: string;
  readonly lead: CaseTypeLead;
  readonly referredTo: readonly TypeReferral[];
  /** RESTRICTED: only named roles see the case (the access rules read `restrictionOf`). */
  readonly restriction: 'OPEN' | 'RESTRICTED';
  /**
   * The ASB duties to a complainant: first contact by risk, and regular updates. Not for a case with
   * no complainant in that sense (a missing child, an offender's IOM update).
   */
  readonly complainantDuties: { readonly initialContact: boolean; readonly updates: boolean };
  readonly ladder: LadderScope;
  /** The type's own deadlines planned when the case is opened. */
  readonly opening: readonly DeadlineKind[];
  /** Every deadline of the type's own, opening ones included (later ones follow a recorded step). */
  readonly deadlines: readonly DeadlineKind[];
  /** A partner-led type's first action for the lead agency, planned at opening and alerted to the agency if missed. */
  readonly leadAction?: { readonly agency: PartnerAgency; readonly description: string };
  readonly sources: readonly Source[];
}
