import type { LocalDate } from '../calendar';
import type { CaseCategory, CaseStage, CaseType, Forum, ReportChannel, RiskLevel } from '../case-classification';
import { communityTriggersOf, type CommunityTriggerApplicant, type CommunityTriggerStatus } from './community-trigger';
import { ENFORCEMENT_STEPS, type EnforcementStepKind } from './enforcement/steps';
import type { Court, LegalReferralStatus } from './legal';
import { partnerActionsOf } from './partner-actions';
import type { RiskAssessment } from './risk-assessment';
import { sharesOf } from './sharing';
import type { CaseFile, ClosureReason, Tenure } from './state';
import { PARTY_ROLES, type PartyRole, witnessesOf } from './corrections/parties';
import { type HeldFile, type SubjectAccessFile, subjectAccessFiles } from './subject-access-files';

export { PARTY_ROLES, type PartyRole };

/**
 * Subject access (UK GDPR Art. 15): what the partnership holds about one person, case by case.
 *
 * What is "theirs" on a case depends on who they are on it:
 * - everyone: their own party record, the case's outline (reference, type, category, channel, stage,
 *   team, ward, dates, closure reason), the summary, and the case-level records that concern every
 *   party (forum decisions, partner actions, the agencies the case was shared with and why);
 * - a complainant: every incident reported on the case (without who it names), the victim risk
 *   assessment and level, the adults-at-risk referral, what they were told at closure, and the
 *   ASB Case Reviews asked for on the case;
 * - a subject: only the incidents that name them, and their own enforcement steps, legal referrals
 *   (with orders and breaches) and convictions;
 * - a witness: their record (with the contact they gave) and what everyone gets; the incidents are the
 *   complainants' and subjects' accounts, and no record of the case names a witness in them.
 * Nothing of another party is given: other people's records are left out, and their names are
 * withheld wherever free text mentions them (see SUBJECT_ACCESS_WITHHELD for the rest).
 */

/** How sure the match is: a date of birth confirms it; a party recorded without one matches on name alone. */
export const PARTY_MATCHES = ['NAME_AND_DATE_OF_BIRTH', 'NAME_ONLY'] as const;
export type PartyMatchKind = (typeof PARTY_MATCHES)[number];

/** One person found on one case: which party they are there. */
export interface PartyMatch {
  readonly role: PartyRole;
  readonly partyId: string;
  readonly matchedBy: PartyMatchKind;
}

/** Written where another person's name stood in free text. */
export const NAME_WITHHELD = '[name withheld]';

/** What an export leaves out, and why: said to the admin and in the document the person receives. */
export const SUBJECT_ACCESS_WITHHELD: readonly string[] = [
  'Other people on a case (other complainants, subjects and witnesses) are not listed, their records are left out, and their names are withheld wherever a record mentions them.',
  "For a subject: the victim's risk assessment, the adults-at-risk referral, what the complainant was told at closure and ASB Case Review applications, which are the complainants' data.",
  "For a complainant: the enforcement steps, legal referrals, orders and convictions of the people complained about, which are their data; incidents are given without whom they name.",
  "For a witness: the incidents, the victim's risk assessment and the subjects' enforcement steps, orders and convictions, which are the complainants' and the subjects' data.",
  "The address of the problem: it may be another party's home. The ward is given.",
  'Who among staff recorded each thing, the deadline ledger and the case timeline: they repeat the records given here in staff working notes and would name other people.',
];

/** A name as people are matched across cases: whatever its case and spacing (the read model's index matches the same way). */
export function normalisedName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface SubjectAccessParty {
  readonly id: string;
  readonly role: PartyRole;
  readonly name: string;
  readonly dateOfBirth?: LocalDate;
  readonly tenure?: Tenure;
  readonly vulnerable?: boolean;
  /** A witness's contact, as they gave it. */
  readonly contact?: string;
}

/** The case as far as the read model's own columns tell it (for a case whose file is not kept yet). */
export interface CaseOutline {
  readonly reference: string;
  readonly type: CaseType;
  readonly category: CaseCategory;
  readonly channel: ReportChannel;
  readonly stage: CaseStage;
  readonly team: string;
  readonly ward?: string;
  readonly openedAt: string;
  readonly closedAt?: string;
  readonly closureReason?: ClosureReason;
}

export interface SubjectAccessCase {
  readonly reference: string;
  readonly matchedBy: PartyMatchKind;
  /** False when only the case's outline is kept (its full file has not been saved since subject access existed). */
  readonly complete: boolean;
  readonly party: SubjectAccessParty;
  readonly case: Omit<CaseOutline, 'reference'> & {
    readonly summary?: string;
    readonly riskLevel?: RiskLevel;
    readonly explanationToComplainant?: string;
  };
  /** The victim risk assessment as answered; who assessed is staff data, not the person's. */
  readonly riskAssessment?: Omit<RiskAssessment, 'assessedBy'>;
  readonly adultsAtRiskReferral?: { readonly reason: string; readonly at: string };
  readonly incidents: readonly { readonly id: string; readonly occurredAt: string; readonly reportedAt: string; readonly description: string }[];
  readonly enforcementSteps: readonly SubjectAccessStep[];
  readonly legalReferrals: readonly SubjectAccessReferral[];
  readonly convictions: readonly { readonly offence: string; readonly convictedOn: LocalDate }[];
  readonly caseReviews: readonly SubjectAccessCaseReview[];
  readonly partnerActions: readonly {
    readonly id: string;
    readonly agency: string;
    readonly description: string;
    readonly dueOn: LocalDate;
    readonly completedAt?: string;
    readonly outcome?: string;
  }[];
  readonly forumDecisions: readonly { readonly from: Forum; readonly to: Forum; readonly reason: string; readonly at: string }[];
  /** Who the case was disclosed to (Art. 15(1)(c)): the agencies it is shared with, and why. */
  readonly sharedWith: readonly { readonly agency: string; readonly summaryOnly: boolean; readonly reason: string; readonly at: string }[];
  /** The generated documents and the evidence kept on the case that are the person's (see subjectAccessFiles). */
  readonly files: readonly SubjectAccessFile[];
}

export interface SubjectAccessStep {
  readonly id: string;
  readonly kind: EnforcementStepKind;
  readonly title: string;
  readonly level: number;
  readonly takenAt: string;
  readonly notes?: string;
  readonly skipReason?: string;
  readonly complianceDueOn?: LocalDate;
  readonly complied?: boolean;
  readonly nonComplianceRecordedAt?: string;
  readonly requirements?: readonly { readonly text: string; readonly dueOn: LocalDate }[];
  readonly breaches: readonly { readonly at: string; readonly description: string }[];
  readonly amountPounds?: number;
  readonly paidAt?: string;
  readonly premises?: string;
  readonly endedAt?: string;
}

export interface SubjectAccessReferral {
  readonly id: string;
  readonly stepKind: EnforcementStepKind;
  readonly status: LegalReferralStatus;
  readonly referredAt: string;
  readonly youth: boolean;
  readonly decision?: { readonly proceed: boolean; readonly reason: string; readonly at: string };
  readonly hearing?: { readonly at: string; readonly court: Court };
  readonly order?: { readonly madeOn: string; readonly expiresOn: string; readonly terms: string; readonly court: Court; readonly extendedOn?: string };
  readonly breaches: readonly { readonly at: string; readonly description: string; readonly arrestedAt?: string; readonly beforeJudgeAt?: string }[];
}

export interface SubjectAccessCaseReview {
  readonly id: string;
  readonly applicant: CommunityTriggerApplicant;
  /** Only when the applicant is this person; someone applying on their behalf is not named. */
  readonly applicantName?: string;
  readonly receivedAt: string;
  readonly status: CommunityTriggerStatus;
  readonly thresholdDecision?: { readonly met: boolean; readonly reason: string; readonly at: string };
  readonly meeting?: { readonly recommendations: string; readonly heldAt: string };
  readonly outcome?: { readonly summary: string; readonly sentAt: string };
  readonly appeal?: { readonly reason: string; readonly lodgedAt: string; readonly decision?: { readonly upheld: boolean; readonly reason: string; readonly at: string } };
}

/** Leaves out the keys whose value is undefined, so that an absent fact is absent rather than null. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, each]) => each !== undefined)) as T;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Withholds other people's names from free text: each name in full, and each part of it (a first
 * name or a surname said alone) that is not also part of the person's own name. Whole words only,
 * whatever their case. It errs on the side of withholding: a surname that is also a common word is
 * withheld wherever it appears.
 */
export function nameWithholder(otherNames: readonly string[], ownName: string): (text: string) => string {
  const own = normalisedName(ownName);
  const ownParts = new Set(own.split(' '));
  const others = [...new Set(otherNames.map(normalisedName))].filter((name) => name && name !== own);
  const alternatives = new Set<string>();
  for (const name of others) {
    const parts = name.split(' ');
    alternatives.add(parts.map(escapeRegExp).join('\\s+'));
    for (const part of parts) if (part.length >= 2 && !ownParts.has(part)) alternatives.add(escapeRegExp(part));
  }
  if (alternatives.size === 0) return (text) => text;
  // Longest first, so that a full name is withheld as one rather than part by part.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...alternatives].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, NAME_WITHHELD);
}

/** The case's outline alone, when its full file is not kept: the party record and what the read model's columns say. */
export function subjectAccessOutline(outline: CaseOutline, party: SubjectAccessParty, matchedBy: PartyMatchKind): SubjectAccessCase {
  const { reference, ...rest } = outline;
  return {
    reference,
    matchedBy,
    complete: false,
    party: defined(party),
    case: defined(rest),
    incidents: [],
    enforcementSteps: [],
    legalReferrals: [],
    convictions: [],
    caseReviews: [],
    partnerActions: [],
    forumDecisions: [],
    sharedWith: [],
    files: [],
  };
}

/**
 * What one case holds about the party `match` names, and nothing about anyone else; undefined when
 * the case no longer has that party.
 */
export function subjectAccessRecord(file: CaseFile, match: PartyMatch, held: readonly HeldFile[] = []): SubjectAccessCase | undefined {
  const complainant = match.role === 'COMPLAINANT' ? file.complainants.find((person) => person.id === match.partyId) : undefined;
  const subject = match.role === 'SUBJECT' ? file.subjects.find((person) => person.id === match.partyId) : undefined;
  const witness = match.role === 'WITNESS' ? witnessesOf(file).find((person) => person.id === match.partyId) : undefined;
  const person = complainant ?? subject ?? witness;
  if (!person) return undefined;

  const triggers = communityTriggersOf(file);
  const others = [
    ...file.complainants.filter((each) => !(match.role === 'COMPLAINANT' && each.id === match.partyId)).map((each) => each.name),
    ...file.subjects.filter((each) => !(match.role === 'SUBJECT' && each.id === match.partyId)).map((each) => each.name),
    ...triggers.map((trigger) => trigger.applicantName),
    ...witnessesOf(file).filter((each) => !(match.role === 'WITNESS' && each.id === match.partyId)).map((each) => each.name),
  ];
  const withhold = nameWithholder(others, person.name);
  const isSelf = (name: string) => normalisedName(name) === normalisedName(person.name);

  const party: SubjectAccessParty = complainant
    ? { id: complainant.id, role: 'COMPLAINANT', name: complainant.name, vulnerable: complainant.vulnerable }
    : subject
      ? defined({ id: subject.id, role: 'SUBJECT' as const, name: subject.name, dateOfBirth: subject.dateOfBirth, tenure: subject.tenure })
      : defined({ id: witness!.id, role: 'WITNESS' as const, name: witness!.name, contact: witness!.contact });

  const closed = file.closure?.closedAt ? file.closure : undefined;
  const outline = defined({
    type: file.type,
    category: file.category,
    channel: file.channel,
    stage: file.stage,
    team: file.team,
    ward: file.location.ward,
    openedAt: file.openedAt,
    closedAt: closed?.closedAt,
    closureReason: closed?.reason,
    summary: withhold(file.summary),
    // The risk level and its assessment are the victim's: given to complainants only.
    riskLevel: complainant ? file.riskLevel : undefined,
    explanationToComplainant: complainant && closed ? withhold(closed.explanationToComplainant) : undefined,
  });

  const assessment = complainant ? file.riskAssessment : undefined;
  const incidents = file.incidents
    .filter((incident) => complainant !== undefined || (subject !== undefined && incident.subjectIds.includes(subject.id)))
    .map((incident) => ({ id: incident.id, occurredAt: incident.occurredAt, reportedAt: incident.reportedAt, description: withhold(incident.description) }));

  const enforcementSteps: SubjectAccessStep[] = subject
    ? file.enforcement
        .filter((step) => step.subjectId === subject.id)
        .map((step) =>
          defined({
            id: step.id,
            kind: step.kind,
            title: ENFORCEMENT_STEPS[step.kind].title,
            level: step.level,
            takenAt: step.takenAt,
            notes: step.notes === undefined ? undefined : withhold(step.notes),
            skipReason: step.skipReason === undefined ? undefined : withhold(step.skipReason),
            complianceDueOn: step.complianceDueOn,
            complied: step.complied,
            nonComplianceRecordedAt: step.nonComplianceRecordedAt,
            requirements: step.requirements?.map((requirement) => ({ text: withhold(requirement.text), dueOn: requirement.dueOn })),
            breaches: step.breaches.map((breach) => ({ at: breach.at, description: withhold(breach.description) })),
            amountPounds: step.amountPounds,
            paidAt: step.paidAt,
            premises: step.premises,
            endedAt: step.endedAt,
          }),
        )
    : [];

  const legalReferrals: SubjectAccessReferral[] = subject
    ? file.legalReferrals
        .filter((referral) => referral.subjectId === subject.id)
        .map((referral) =>
          defined({
            id: referral.id,
            stepKind: referral.stepKind,
            status: referral.status,
            referredAt: referral.referredAt,
            youth: referral.youth,
            decision: referral.decision && { proceed: referral.decision.proceed, reason: withhold(referral.decision.reason), at: referral.decision.at },
            hearing: referral.hearing && { at: referral.hearing.at, court: referral.hearing.court },
            order: referral.order && defined({ madeOn: referral.order.madeOn, expiresOn: referral.order.expiresOn, terms: withhold(referral.order.terms), court: referral.order.court, extendedOn: referral.order.extendedOn }),
            breaches: referral.breaches.map((breach) => defined({ at: breach.at, description: withhold(breach.description), arrestedAt: breach.arrestedAt, beforeJudgeAt: breach.beforeJudgeAt })),
          }),
        )
    : [];

  const caseReviews: SubjectAccessCaseReview[] = complainant
    ? triggers.map((trigger) =>
        defined({
          id: trigger.id,
          applicant: trigger.applicant,
          applicantName: isSelf(trigger.applicantName) ? trigger.applicantName : undefined,
          receivedAt: trigger.receivedAt,
          status: trigger.status,
          thresholdDecision: trigger.thresholdDecision && { met: trigger.thresholdDecision.met, reason: withhold(trigger.thresholdDecision.reason), at: trigger.thresholdDecision.at },
          meeting: trigger.meeting && { recommendations: withhold(trigger.meeting.recommendations), heldAt: trigger.meeting.heldAt },
          outcome: trigger.outcome && { summary: withhold(trigger.outcome.summary), sentAt: trigger.outcome.sentAt },
          appeal:
            trigger.appeal &&
            defined({
              reason: withhold(trigger.appeal.reason),
              lodgedAt: trigger.appeal.lodgedAt,
              decision: trigger.appeal.decision && { upheld: trigger.appeal.decision.upheld, reason: withhold(trigger.appeal.decision.reason), at: trigger.appeal.decision.at },
            }),
        }),
      )
    : [];

  return {
    reference: file.reference,
    matchedBy: match.matchedBy,
    complete: true,
    party,
    case: outline,
    ...(assessment
      ? {
          riskAssessment: defined({
            disability: assessment.disability,
            mentalHealth: assessment.mentalHealth,
            isolation: assessment.isolation,
            repeatVictimisation: assessment.repeatVictimisation,
            hateMotive: assessment.hateMotive,
            impactOnDailyLife: assessment.impactOnDailyLife,
            professionalJudgement: assessment.professionalJudgement,
          }),
        }
      : {}),
    ...(complainant && file.adultsAtRiskReferral ? { adultsAtRiskReferral: { reason: withhold(file.adultsAtRiskReferral.reason), at: file.adultsAtRiskReferral.at } } : {}),
    incidents,
    enforcementSteps,
    legalReferrals,
    convictions: subject ? file.convictions.filter((conviction) => conviction.subjectId === subject.id).map((conviction) => ({ offence: withhold(conviction.offence), convictedOn: conviction.convictedOn })) : [],
    caseReviews,
    partnerActions: partnerActionsOf(file).map((action) =>
      defined({ id: action.id, agency: action.agency, description: withhold(action.description), dueOn: action.dueOn, completedAt: action.completedAt, outcome: action.outcome === undefined ? undefined : withhold(action.outcome) }),
    ),
    forumDecisions: file.forumHistory.map((decision) => ({ from: decision.from, to: decision.to, reason: withhold(decision.reason), at: decision.at })),
    sharedWith: sharesOf(file).map((share) => ({ agency: share.agency, summaryOnly: share.summaryOnly, reason: withhold(share.reason), at: share.at })),
    files: subjectAccessFiles(file, match, held, { isSelf, withhold }),
  };
}
