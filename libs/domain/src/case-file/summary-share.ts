import type { CaseFile } from './state';
import type { LinkedCase } from './links';

/** The parts of a case file a caseworker reads beside the case's outline: who, what happened, what was done. */
export type CaseFileParts = Pick<
  CaseFile,
  | 'complainants'
  | 'subjects'
  | 'witnesses'
  | 'incidents'
  | 'enforcement'
  | 'legalReferrals'
  | 'forumHistory'
  | 'adultsAtRiskReferral'
  | 'partnerActions'
  | 'communityTriggers'
  | 'deadlines'
  | 'notes'
>;

/** What a summary-only share is judged on: the parts, with the case's own account and place, and the cases linked with it either way. */
export type SummaryShareable = CaseFileParts & Pick<CaseFile, 'summary' | 'location'> & { readonly linkedCases?: readonly LinkedCase[] };

/** What stands where a personal detail was held back. */
export const WITHHELD = '(withheld: shared as a summary only)';

/**
 * What a partner with a summary-only share (s.115) sees: what kind of case it is, what was done and
 * when, and nothing that names, describes or places a person. Names, dates of birth, contact details,
 * the address and premises, and every free-text account (descriptions, notes, reasons, terms,
 * requirements, outcomes) are withheld; ids, kinds, states and dates stay, so the partner can follow
 * the case. One rule for the API and the console.
 */
export function summaryShareOf<T extends SummaryShareable>(file: T): T {
  const { address: _address, ...location } = file.location;
  return {
    ...file,
    summary: WITHHELD,
    location,
    complainants: file.complainants.map((person) => ({ ...person, name: WITHHELD })),
    subjects: file.subjects.map(({ dateOfBirth: _dateOfBirth, ...person }) => ({ ...person, name: WITHHELD })),
    ...(file.witnesses ? { witnesses: file.witnesses.map(({ contact: _contact, ...person }) => ({ ...person, name: WITHHELD })) } : {}),
    incidents: file.incidents.map((incident) => ({ ...incident, description: WITHHELD })),
    enforcement: file.enforcement.map(({ notes: _notes, skipReason: _skipReason, premises: _premises, ...step }) => ({
      ...step,
      ...(step.requirements ? { requirements: step.requirements.map((requirement) => ({ ...requirement, text: WITHHELD })) } : {}),
      breaches: step.breaches.map((breach) => ({ ...breach, description: WITHHELD })),
      // A process server is a person named on the file, like anyone else.
      ...(step.service ? { service: { ...step.service, servedBy: WITHHELD } } : {}),
    })),
    legalReferrals: file.legalReferrals.map((referral) => ({
      ...referral,
      ...(referral.decision ? { decision: { ...referral.decision, reason: WITHHELD } } : {}),
      ...(referral.order ? { order: { ...referral.order, terms: WITHHELD } } : {}),
      breaches: referral.breaches.map((breach) => ({ ...breach, description: WITHHELD })),
    })),
    forumHistory: file.forumHistory.map((decision) => ({ ...decision, reason: WITHHELD })),
    ...(file.adultsAtRiskReferral ? { adultsAtRiskReferral: { ...file.adultsAtRiskReferral, reason: WITHHELD } } : {}),
    ...(file.partnerActions
      ? { partnerActions: file.partnerActions.map(({ outcome, ...action }) => ({ ...action, description: WITHHELD, ...(outcome !== undefined ? { outcome: WITHHELD } : {}) })) }
      : {}),
    ...(file.communityTriggers
      ? {
          communityTriggers: file.communityTriggers.map((trigger) => ({
            ...trigger,
            applicantName: WITHHELD,
            ...(trigger.thresholdDecision ? { thresholdDecision: { ...trigger.thresholdDecision, reason: WITHHELD } } : {}),
            ...(trigger.meeting ? { meeting: { ...trigger.meeting, recommendations: WITHHELD } } : {}),
            ...(trigger.outcome ? { outcome: { ...trigger.outcome, summary: WITHHELD } } : {}),
            ...(trigger.appeal
              ? { appeal: { ...trigger.appeal, reason: WITHHELD, ...(trigger.appeal.decision ? { decision: { ...trigger.appeal.decision, reason: WITHHELD } } : {}) } }
              : {}),
          })),
        }
      : {}),
    ...(file.notes
      ? {
          notes: file.notes.map((note) => ({
            ...note,
            text: WITHHELD,
            // Whom a contact was with, when not a party of the case, is a name.
            ...(note.contact?.withName !== undefined ? { contact: { ...note.contact, withName: WITHHELD } } : {}),
          })),
        }
      : {}),
    // Which cases are linked, and why in a word, stays; the note saying how is an account.
    ...(file.linkedCases ? { linkedCases: file.linkedCases.map((link) => (link.note !== undefined ? { ...link, note: WITHHELD } : link)) } : {}),
    // A partner action's deadline quotes what the agency was asked to do, and a resolution can quote a
    // decision's reason; whether and when each deadline was met stays.
    deadlines: file.deadlines.map((deadline) => ({
      ...deadline,
      ...(deadline.kind === 'PARTNER_ACTION' ? { reason: WITHHELD } : {}),
      ...(deadline.resolution !== undefined ? { resolution: WITHHELD } : {}),
    })),
  };
}
