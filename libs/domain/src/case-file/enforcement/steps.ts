import type { LocalDate } from '../../calendar';

/** The enforcement ladder (docs/domain.md, Enforcement ladder), lowest level first. Steps are usually taken in order; skipping needs a reason. */
export const ENFORCEMENT_STEPS = {
  VERBAL_WARNING: { level: 1, title: 'Verbal warning' },
  WRITTEN_WARNING: { level: 1, title: 'Written warning' },
  MEDIATION: { level: 1, title: 'Mediation' },
  RESTORATIVE_JUSTICE: { level: 1, title: 'Community-based restorative justice' },
  SUPPORT_REFERRAL: { level: 1, title: 'Support referral' },
  ACCEPTABLE_BEHAVIOUR_CONTRACT: { level: 2, title: 'Acceptable Behaviour Contract' },
  TENANCY_WARNING: { level: 2, title: 'Tenancy warning' },
  COMMUNITY_PROTECTION_WARNING: { level: 3, title: 'Community Protection Warning' },
  COMMUNITY_PROTECTION_NOTICE: { level: 4, title: 'Community Protection Notice' },
  FIXED_PENALTY_NOTICE: { level: 4, title: 'Fixed penalty notice for a CPN breach' },
  PROSECUTION: { level: 4, title: 'Prosecution for a CPN breach' },
  CIVIL_INJUNCTION: { level: 5, title: 'Civil injunction (Part 1, 2014 Act)' },
  RESPECT_ORDER: { level: 5, title: 'Respect Order (Crime and Policing Act 2026)' },
  CLOSURE_NOTICE: { level: 5, title: 'Closure notice (premises)' },
  CRIMINAL_BEHAVIOUR_ORDER: { level: 5, title: 'Criminal Behaviour Order' },
  NOTICE_OF_SEEKING_POSSESSION: { level: 5, title: 'Notice of seeking possession (absolute ground)' },
} as const;

export type EnforcementStepKind = keyof typeof ENFORCEMENT_STEPS;
export const ENFORCEMENT_STEP_KINDS = Object.keys(ENFORCEMENT_STEPS) as EnforcementStepKind[];

/** How a notice reaches the person it is served on. */
export const SERVICE_METHODS = ['BY_HAND', 'BY_POST', 'FIXED_TO_PROPERTY'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const CLOSURE_NOTICE_ISSUERS = ['POLICE_INSPECTOR', 'COUNCIL'] as const;
export const POSSESSION_TRIGGERS = ['CLOSURE_ORDER', 'INJUNCTION_BREACH', 'CBO_BREACH'] as const;

export interface CpnRequirement {
  readonly text: string;
  readonly dueOn: LocalDate;
}

/** What a caseworker records when taking a step; the fields each step needs are checked as preconditions. */
export interface RecordEnforcementStepCommand {
  readonly kind: EnforcementStepKind;
  readonly subjectId?: string;
  readonly notes?: string;
  /** Required when this step is more than one level above the subject's highest step so far. */
  readonly skipReason?: string;
  /** ABC: the subject agreed and signed. */
  readonly subjectAgreed?: boolean;
  /** CPW: the conduct is persistent, unreasonable and affects the quality of life of those in the locality. */
  readonly conductConfirmed?: boolean;
  /** CPW: days to comply, when not the policy default. */
  readonly complianceDays?: number;
  /** CPN: what the notice requires, each with its own deadline. */
  readonly requirements?: readonly CpnRequirement[];
  /** FPN: the amount, no more than the statutory maximum on the day. */
  readonly amountPounds?: number;
  /** Injunction for an under-18: the youth offending team must be consulted first. */
  readonly youthOffendingTeamConsultedOn?: LocalDate;
  /** Closure notice. */
  readonly premises?: string;
  readonly issuedBy?: (typeof CLOSURE_NOTICE_ISSUERS)[number];
  readonly extendedTo48Hours?: boolean;
  readonly seniorSignOffBy?: string;
  /** NOSP: what entitles the council to the absolute ground. */
  readonly trigger?: (typeof POSSESSION_TRIGGERS)[number];
}

export interface Breach {
  readonly at: string;
  readonly description: string;
  readonly recordedBy: string;
}

/** One step taken against a subject, and what has happened to it since. */
export interface EnforcementStep {
  readonly id: string;
  readonly kind: EnforcementStepKind;
  readonly level: number;
  readonly subjectId?: string;
  readonly takenAt: string;
  readonly takenBy: string;
  readonly notes?: string;
  readonly skipReason?: string;
  readonly complianceDueOn?: LocalDate;
  readonly complied?: boolean;
  readonly nonComplianceRecordedAt?: string;
  readonly requirements?: readonly CpnRequirement[];
  readonly breaches: readonly Breach[];
  readonly amountPounds?: number;
  readonly paidAt?: string;
  /** The FPN's breach, or the CPN an FPN / prosecution follows. */
  readonly followsStepId?: string;
  readonly premises?: string;
  readonly issuedBy?: string;
  readonly extended?: boolean;
  readonly trigger?: string;
  readonly legalReferralId?: string;
  readonly endedAt?: string;
  /** How and when the notice reached the person, once recorded (`recordService`). */
  readonly service?: {
    readonly method: ServiceMethod;
    readonly servedAt: string;
    readonly servedBy: string;
    readonly recordedBy: string;
  };
}
