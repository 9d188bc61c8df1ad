import type { CaseFile } from './state';
import { communityTriggersOf } from './community-trigger';
import type { PartyRole } from './corrections/parties';

/** A generated document or an item of evidence kept on a case, as the read model lists it. */
export type HeldFile =
  | {
      readonly type: 'DOCUMENT';
      readonly id: string;
      readonly kind: string;
      /** What it is the paper of: a step's id, or for a letter the complainant's or the ASB Case Review's. */
      readonly paperOf: string;
      readonly title: string;
      readonly at: string;
      readonly sha256: string;
      readonly sizeBytes: number;
    }
  | {
      readonly type: 'EVIDENCE';
      readonly id: string;
      readonly incidentId: string;
      readonly description: string;
      readonly providedBy: string;
      readonly at: string;
      readonly sha256: string;
      readonly sizeBytes: number;
      readonly withdrawn: boolean;
    };

/** Why a file is in a person's export: addressed to them, provided by them, or evidence of an incident they are in. */
export const FILE_BEARINGS = ['ADDRESSED_TO_THEM', 'PROVIDED_BY_THEM', 'ABOUT_THEIR_INCIDENT'] as const;
export type FileBearing = (typeof FILE_BEARINGS)[number];

export interface SubjectAccessFile {
  readonly type: HeldFile['type'];
  readonly id: string;
  readonly title: string;
  readonly at: string;
  readonly bearing: FileBearing;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly withdrawn?: boolean;
}

/**
 * The files of a case that are the party's: the notices and letters addressed to them, the evidence
 * they provided, and the evidence of the incidents they are shown (a complainant every incident, a
 * subject those that name them, as `subjectAccessRecord` shows them). A notice to someone else is
 * that person's, and left out. Evidence descriptions pass through `withhold`, as all free text does.
 */
export function subjectAccessFiles(
  file: CaseFile,
  match: { readonly role: PartyRole; readonly partyId: string },
  held: readonly HeldFile[],
  { isSelf, withhold }: { readonly isSelf: (name: string) => boolean; readonly withhold: (text: string) => string },
): SubjectAccessFile[] {
  const stepSubject = new Map(file.enforcement.map((step) => [step.id, step.subjectId]));
  const reviewApplicant = new Map(communityTriggersOf(file).map((trigger) => [trigger.id, trigger.applicantName]));
  const shownIncidents = new Set(
    file.incidents.filter((incident) => match.role === 'COMPLAINANT' || (match.role === 'SUBJECT' && incident.subjectIds.includes(match.partyId))).map((incident) => incident.id),
  );

  const bearingOf = (each: HeldFile): FileBearing | undefined => {
    if (each.type === 'EVIDENCE') {
      if (isSelf(each.providedBy)) return 'PROVIDED_BY_THEM';
      return shownIncidents.has(each.incidentId) ? 'ABOUT_THEIR_INCIDENT' : undefined;
    }
    const addressed =
      each.kind === 'CASE_CLOSED_LETTER' ? match.role === 'COMPLAINANT' && each.paperOf === match.partyId
      : each.kind === 'CASE_REVIEW_OUTCOME_LETTER' ? isSelf(reviewApplicant.get(each.paperOf) ?? '')
      : match.role === 'SUBJECT' && stepSubject.get(each.paperOf) === match.partyId;
    return addressed ? 'ADDRESSED_TO_THEM' : undefined;
  };

  return held.flatMap((each): SubjectAccessFile[] => {
    const bearing = bearingOf(each);
    if (!bearing) return [];
    const common = { type: each.type, id: each.id, at: each.at, bearing, sha256: each.sha256, sizeBytes: each.sizeBytes };
    return [each.type === 'DOCUMENT' ? { ...common, title: each.title } : { ...common, title: withhold(each.description), withdrawn: each.withdrawn }];
  });
}
