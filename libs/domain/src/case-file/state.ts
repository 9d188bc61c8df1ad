import type { LocalDate } from '../calendar';
import type { CaseCategory, CaseStage, CaseType, Forum, ReportChannel, RiskLevel } from '../case-classification';
import type { Deadline } from '../deadline';
import type { PolicyVersion } from '../policy/local-policy';
import type { RiskAssessment } from './risk-assessment';
import type { EnforcementStep } from './enforcement/steps';
import type { LegalReferral } from './legal';
import type { CommunityTrigger } from './community-trigger-record';
import type { Complaint } from './community-trigger-threshold';
import type { RefusalCondition } from './refusal-conditions';
import type { HateCrimeRecord, MissingEpisode, PreventRecord, SafeguardingReferralRecord } from '../case-types/records';

export interface CaseLocation {
  readonly address?: string;
  readonly ward?: string;
  readonly priorityNeighbourhood: boolean;
}

export const TENURES = ['MBC_TENANT', 'HOUSING_ASSOCIATION', 'PRIVATE_RENTED', 'OWNER_OCCUPIER', 'UNKNOWN'] as const;
export type Tenure = (typeof TENURES)[number];

/** An alleged perpetrator. Date of birth decides the youth rules; tenure decides the housing steps. */
export interface Subject {
  readonly id: string;
  readonly name: string;
  readonly dateOfBirth?: LocalDate;
  readonly tenure: Tenure;
}

export interface Complainant {
  readonly id: string;
  readonly name: string;
  readonly vulnerable: boolean;
}

/** Someone who saw or heard what happened; their account is evidence, and no duty is owed to them. */
export interface Witness {
  readonly id: string;
  readonly name: string;
  /** How to reach them, as they gave it. */
  readonly contact?: string;
}

export const CONTACT_METHODS = ['PHONE', 'VISIT', 'LETTER', 'EMAIL'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** A note on the case, or (with `contact`) a contact-log entry: who was contacted, how, and what was said. */
export interface CaseNote {
  readonly id: string;
  readonly text: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** When a contact really happened, where it was entered afterwards (late entry); else as recorded. */
  readonly occurredAt?: string;
  readonly contact?: {
    readonly method: ContactMethod;
    /** A party of the case, or `withName`: someone who is not one (a landlord, a GP). */
    readonly withPartyId?: string;
    readonly withName?: string;
  };
}

/** Why two cases belong together. */
export const LINK_REASONS = ['SAME_SUBJECT', 'SAME_COMPLAINANT', 'SAME_LOCATION', 'POSSIBLE_DUPLICATE', 'OTHER'] as const;
export type LinkReason = (typeof LINK_REASONS)[number];

/**
 * A link this case holds to another case. It lives in the file of the case it was made on, so that one
 * command on one workflow makes it, and nothing can half-make it; the other case shows it from the read
 * model (see `LinkedCase` in links.ts).
 */
export interface CaseLink {
  readonly reference: string;
  readonly reason: LinkReason;
  readonly note?: string;
  readonly linkedBy: string;
  readonly linkedAt: string;
}

export interface Incident {
  readonly id: string;
  readonly occurredAt: string;
  readonly reportedAt: string;
  readonly description: string;
  readonly subjectIds: readonly string[];
  readonly reportedBy: string;
}

/**
 * Sharing with a partner agency rests on the Crime and Disorder Act 1998 s.115: a power, not a duty,
 * so every share is a recorded decision with its reason, and may be limited to a summary.
 */
export interface AgencyShare {
  readonly agency: string;
  readonly summaryOnly: boolean;
  readonly reason: string;
  readonly sharedBy: string;
  readonly at: string;
}

/** Something a forum or a caseworker asked a partner agency to do, by a date. */
export interface PartnerAction {
  readonly id: string;
  readonly agency: string;
  readonly description: string;
  readonly dueOn: LocalDate;
  readonly assignedBy: string;
  readonly assignedAt: string;
  /** The forum whose decision it was, when it came from a MAG or JAG meeting. */
  readonly forum?: Forum;
  readonly completedAt?: string;
  readonly completedBy?: string;
  readonly outcome?: string;
}

export interface Conviction {
  readonly subjectId: string;
  readonly offence: string;
  readonly convictedOn: LocalDate;
}

export interface ForumDecision {
  readonly from: Forum;
  readonly to: Forum;
  readonly reason: string;
  readonly decidedBy: string;
  readonly at: string;
}

export const CLOSURE_REASONS = [
  'RESOLVED',
  'NOT_ASB',
  'INSUFFICIENT_EVIDENCE',
  'COMPLAINANT_UNRESPONSIVE',
  'VEXATIOUS',
  'REFERRED_ELSEWHERE',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export interface Closure {
  readonly reason: ClosureReason;
  /** What the complainant was told about why the case closes. */
  readonly explanationToComplainant: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly stageBefore: CaseStage;
  readonly approvedBy?: string;
  readonly closedAt?: string;
}

/** The state of one case as its workflow holds it: everything needed to carry on after a restart or a continue-as-new. */
export interface CaseFile {
  readonly reference: string;
  readonly policy: PolicyVersion;
  /** Goes up by one with every change; the API's ETag. */
  readonly version: number;
  readonly stage: CaseStage;
  readonly type: CaseType;
  readonly category: CaseCategory;
  readonly channel: ReportChannel;
  readonly summary: string;
  readonly riskLevel?: RiskLevel;
  readonly riskAssessment?: RiskAssessment;
  readonly team: string;
  readonly caseworker?: string;
  readonly location: CaseLocation;
  readonly complainants: readonly Complainant[];
  readonly subjects: readonly Subject[];
  readonly openedAt: string;
  readonly openedBy: string;
  readonly forum: Forum;
  readonly forumHistory: readonly ForumDecision[];
  readonly adultsAtRiskReferral?: { readonly reason: string; readonly decidedBy: string; readonly at: string };
  readonly incidents: readonly Incident[];
  readonly convictions: readonly Conviction[];
  readonly enforcement: readonly EnforcementStep[];
  readonly legalReferrals: readonly LegalReferral[];
  readonly reviewCount: number;
  readonly lastReviewedAt?: string;
  readonly closure?: Closure;
  readonly reopenCount: number;
  /** Actions assigned to partner agencies; absent on cases opened before they existed. */
  readonly partnerActions?: readonly PartnerAction[];
  /** Partner agencies the case is shared with; absent on cases opened before sharing existed. */
  readonly shares?: readonly AgencyShare[];
  readonly deadlines: readonly Deadline[];
  /** ASB Case Reviews applied for on this case, oldest first; absent on cases opened before they existed. */
  readonly communityTriggers?: readonly CommunityTrigger[];
  /** Deadlines whose coming-due reminder has been raised; absent on cases opened before reminders existed. */
  readonly remindersSent?: readonly string[];
  /** Witnesses; absent on cases opened before witnesses were recorded (read with `witnessesOf`). */
  readonly witnesses?: readonly Witness[];
  /** Case notes and contact-log entries, oldest first; absent on cases opened before they existed (`caseNotesOf`). */
  readonly notes?: readonly CaseNote[];
  /** Links this case holds to other cases (same subject, same place); absent on cases opened before links existed (`linksOf`). */
  readonly links?: readonly CaseLink[];
  /**
   * Set on cases opened since each type runs its own process (docs/case-types.md). Absent on older
   * cases: they keep the duties they were opened with (the ASB complainant duties, whatever the type).
   */
  readonly typeProcess?: true;
  /** A hate crime's own record; absent on other types. */
  readonly hateCrime?: HateCrimeRecord;
  /** A missing child's episodes, oldest first; absent until the first is recorded. */
  readonly missingEpisodes?: readonly MissingEpisode[];
  /** A CSE case's referral to children's social care, once made. */
  readonly safeguardingReferral?: SafeguardingReferralRecord;
  /** A Prevent case's gateway referral and Channel timeline. */
  readonly prevent?: PreventRecord;
  /** Sequence of the last timeline entry, so that every entry has a key that survives retries. */
  readonly timelineSeq: number;
}

export interface TimelineEntry {
  readonly seq: number;
  readonly kind: string;
  readonly at: string;
  readonly actor: string;
  readonly summary: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** What a command or a timer did to a case: the new file and the timeline entries it adds. */
export interface CaseChange {
  readonly file: CaseFile;
  readonly timeline: readonly TimelineEntry[];
  /** Alerts the workflow must send because of this change (a missed duty). */
  readonly alerts?: readonly Deadline[];
}

/** Why a command cannot be taken now, said so that a caseworker knows what to do about it. */
export interface Refusal {
  /** The condition that fails, in a word or two a client can switch on: `CPW_COMPLIANCE_PERIOD_RUNNING`. */
  readonly condition: RefusalCondition;
  readonly message: string;
  /** Where time alone will cure it: the first day it will hold. */
  readonly holdsFrom?: LocalDate;
}

export interface CommandContext {
  readonly now: Date;
  readonly actor: string;
  /** Complaints about the same victim or place on other cases, gathered by the workflow for a case-review application. */
  readonly relatedComplaints?: readonly Complaint[];
}
