import { postcodesIn, withoutPostcodes } from '../../facts/postcode';
import { CASE_STAGES, type CaseStage } from '../../case-classification';

/** What a new report shares with an open case that makes it look like the same problem. */
export const DUPLICATE_GROUNDS = ['COMPLAINANT', 'SUBJECT', 'ADDRESS'] as const;
export type DuplicateGround = (typeof DUPLICATE_GROUNDS)[number];

/** A case still open, up to its closure: what a new report may repeat. A closed case is re-opened, or linked, not repeated. */
export const STAGES_A_REPORT_MAY_REPEAT: readonly CaseStage[] = CASE_STAGES.filter((stage) => stage !== 'CLOSED' && stage !== 'ANONYMISED');

export interface PersonOutline {
  readonly name: string;
  readonly dateOfBirth?: string;
}

/** The parts of a case a duplicate is judged on: its people and its place. */
export interface CaseOutline {
  readonly complainants: readonly PersonOutline[];
  readonly subjects: readonly PersonOutline[];
  readonly address?: string;
}

export interface OpenCaseOutline extends CaseOutline {
  readonly reference: string;
  readonly team: string;
  readonly stage: CaseStage;
  readonly openedAt: string;
}

/** An open case a new report may repeat, and on what grounds; what the person opening it is shown. */
export interface PossibleDuplicate {
  readonly reference: string;
  readonly team: string;
  readonly stage: CaseStage;
  readonly openedAt: string;
  readonly matchedOn: readonly DuplicateGround[];
}

/** Letters and digits only, lower case and without accents or apostrophes, one space apart: how two spellings of the same words compare. */
export function comparable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The same person: the same name, word for word in any order ("Smith, John" is "John Smith"), and no
 * two different dates of birth. A name alone is enough where either date is unknown: it is a prompt to
 * look, and the person opening the case decides.
 */
export function samePerson(a: PersonOutline, b: PersonOutline): boolean {
  const words = (name: string) => comparable(name).split(' ').sort().join(' ');
  if (words(a.name) === '' || words(a.name) !== words(b.name)) return false;
  return a.dateOfBirth === undefined || b.dateOfBirth === undefined || a.dateOfBirth === b.dateOfBirth;
}

/**
 * The same place: one address is the other with less of it written ("14 Egerton View" and "14 Egerton
 * View, Melton Mowbray LE13 0AB"), or both give the same postcode and begin with the same house number
 * or name. A street alone ("Egerton View") is not a place: it needs two words at least.
 */
export function sameAddress(a: string, b: string): boolean {
  const [shorter, longer] = [comparable(withoutPostcodes(a)), comparable(withoutPostcodes(b))].sort((x, y) => x.length - y.length) as [string, string];
  if (shorter.split(' ').length >= 2 && (longer === shorter || longer.startsWith(`${shorter} `))) return true;
  const shared = postcodesIn(a).some((postcode) => postcodesIn(b).includes(postcode));
  return shared && shorter !== '' && shorter.split(' ')[0] === longer.split(' ')[0];
}

/** On what grounds `report` repeats `existing`: none, or the parties and the place they share. */
export function groundsOfDuplicate(report: CaseOutline, existing: CaseOutline): DuplicateGround[] {
  const anyShared = (mine: readonly PersonOutline[], theirs: readonly PersonOutline[]) => mine.some((person) => theirs.some((other) => samePerson(person, other)));
  const grounds: DuplicateGround[] = [];
  if (anyShared(report.complainants, existing.complainants)) grounds.push('COMPLAINANT');
  if (anyShared(report.subjects, existing.subjects)) grounds.push('SUBJECT');
  if (report.address && existing.address && sameAddress(report.address, existing.address)) grounds.push('ADDRESS');
  return grounds;
}

/** The open cases `report` may repeat, most grounds first, then the newest. */
export function possibleDuplicates(report: CaseOutline, candidates: readonly OpenCaseOutline[]): PossibleDuplicate[] {
  return candidates
    .map(({ reference, team, stage, openedAt, ...outline }) => ({ reference, team, stage, openedAt, matchedOn: groundsOfDuplicate(report, outline) }))
    .filter((match) => match.matchedOn.length > 0)
    .sort((a, b) => b.matchedOn.length - a.matchedOn.length || b.openedAt.localeCompare(a.openedAt));
}
