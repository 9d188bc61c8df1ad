import type { LocalDate } from '../../calendar';
import { changed, humanise } from '../change';
import type { CaseChange, CaseFile, CommandContext, Complainant, Refusal, Subject, Tenure, Witness } from '../state';
import { ageConflicts } from './age-conflicts';
import { correctionRefusal, refuse } from './correction-refusal';

export const PARTY_ROLES = ['COMPLAINANT', 'SUBJECT', 'WITNESS'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** A party added after opening; the fields besides id and name must fit the role (as in EditPartyCommand). */
export interface AddPartyCommand {
  readonly role: PartyRole;
  readonly id: string;
  readonly name: string;
  readonly vulnerable?: boolean;
  readonly dateOfBirth?: LocalDate;
  readonly tenure?: Tenure;
  readonly contact?: string;
}

/** What may be corrected about a party; a field that does not fit the party's role is refused. */
export interface EditPartyCommand {
  readonly partyId: string;
  readonly name?: string;
  readonly vulnerable?: boolean;
  readonly dateOfBirth?: LocalDate;
  readonly tenure?: Tenure;
  readonly contact?: string;
}

type Party = Complainant | Subject | Witness;

export function witnessesOf(file: CaseFile): readonly Witness[] {
  return file.witnesses ?? [];
}

function partyOf(file: CaseFile, id: string): { role: PartyRole; party: Party } | undefined {
  const complainant = file.complainants.find((person) => person.id === id);
  if (complainant) return { role: 'COMPLAINANT', party: complainant };
  const subject = file.subjects.find((person) => person.id === id);
  if (subject) return { role: 'SUBJECT', party: subject };
  const witness = witnessesOf(file).find((person) => person.id === id);
  return witness ? { role: 'WITNESS', party: witness } : undefined;
}

/** The name of the complainant, subject or witness with this id, if the case has one. */
export function partyNamed(file: CaseFile, id: string): string | undefined {
  return partyOf(file, id)?.party.name;
}

export function addPartyRefusal(file: CaseFile, command: AddPartyCommand): Refusal | undefined {
  const closed = correctionRefusal(file);
  if (closed) return closed;
  const taken = partyOf(file, command.id);
  if (taken) return refuse('PARTY_ID_TAKEN', `${taken.party.name} already has the id ${command.id} on case ${file.reference} (a ${humanise(taken.role)})`);
  const { role: _role, id: partyId, ...fields } = command;
  return misfitRefusal(command.role, givenFields({ ...fields, partyId }));
}

function misfitRefusal(role: PartyRole, fields: readonly (keyof EditPartyCommand)[]): Refusal | undefined {
  const misfit = fields.filter((field) => !FIELDS_OF[role].includes(field));
  return misfit.length > 0 ? refuse('FIELD_NOT_FOR_PARTY', `a ${humanise(role)} has no ${misfit.join(' or ')}: a ${humanise(role)} has ${FIELDS_OF[role].join(', ')}`) : undefined;
}

export function addParty(file: CaseFile, command: AddPartyCommand, { now, actor }: CommandContext): CaseChange {
  const { id, name } = command;
  const at = now.toISOString();
  switch (command.role) {
    case 'COMPLAINANT': {
      const complainant: Complainant = { id, name, vulnerable: command.vulnerable ?? false };
      return changed(file, { complainants: [...file.complainants, complainant] }, [added(command.role, complainant, at, actor)]);
    }
    case 'SUBJECT': {
      const subject: Subject = { id, name, tenure: command.tenure ?? 'UNKNOWN', ...(command.dateOfBirth ? { dateOfBirth: command.dateOfBirth } : {}) };
      return changed(file, { subjects: [...file.subjects, subject] }, [added(command.role, subject, at, actor)]);
    }
    case 'WITNESS': {
      const witness: Witness = { id, name, ...(command.contact ? { contact: command.contact } : {}) };
      return changed(file, { witnesses: [...witnessesOf(file), witness] }, [added(command.role, witness, at, actor)]);
    }
  }
}

const added = (role: PartyRole, party: Party, at: string, actor: string) => ({
  kind: 'PARTY_ADDED',
  at,
  actor,
  summary: `${humanise(role)} added: ${party.name}`,
  data: { partyId: party.id, role, new: party },
});

const FIELDS_OF: Record<PartyRole, readonly (keyof EditPartyCommand)[]> = {
  COMPLAINANT: ['name', 'vulnerable'],
  SUBJECT: ['name', 'dateOfBirth', 'tenure'],
  WITNESS: ['name', 'contact'],
};

const givenFields = (command: EditPartyCommand) => (Object.keys(command) as (keyof EditPartyCommand)[]).filter((field) => field !== 'partyId' && command[field] !== undefined);

/** The fields given whose value differs from the record: a correction of nothing is refused, and records nothing. */
const changedFields = (command: EditPartyCommand, party: Party) => givenFields(command).filter((field) => command[field] !== (party as unknown as Record<string, unknown>)[field]);

export function editPartyRefusal(file: CaseFile, command: EditPartyCommand): Refusal | undefined {
  const closed = correctionRefusal(file);
  if (closed) return closed;
  const found = partyOf(file, command.partyId);
  if (!found) return refuse('UNKNOWN_PARTY', `case ${file.reference} has no complainant, subject or witness with the id ${command.partyId}`);
  const misfit = misfitRefusal(found.role, givenFields(command));
  if (misfit) return misfit;
  return changedFields(command, found.party).length === 0 ? refuse('NOTHING_TO_CORRECT', `the fields given are what ${found.party.name}'s record already says`) : undefined;
}

/**
 * A party corrected, the old values kept in the timeline. A subject's date of birth corrected so that a
 * step already taken would not have been allowed is recorded all the same, and flagged for the manager:
 * the record must say who the person is (a mistyped date is the usual cause), and what to do about the
 * step (withdraw, re-serve, tell the court) is a decision for a person, not a refusal.
 */
export function editParty(file: CaseFile, command: EditPartyCommand, { now, actor }: CommandContext): CaseChange {
  const { role, party } = partyOf(file, command.partyId)!;
  const fields = changedFields(command, party);
  const old = Object.fromEntries(fields.map((field) => [field, (party as unknown as Record<string, unknown>)[field] ?? null]));
  const updates = Object.fromEntries(fields.map((field) => [field, command[field]]));
  const corrected = { ...party, ...updates };
  const replace = <P extends Party>(people: readonly P[]) => people.map((person) => (person.id === command.partyId ? (corrected as P) : person));
  const next: Partial<CaseFile> =
    role === 'COMPLAINANT' ? { complainants: replace(file.complainants) } : role === 'SUBJECT' ? { subjects: replace(file.subjects) } : { witnesses: replace(witnessesOf(file)) };
  const at = now.toISOString();
  const conflicts = role === 'SUBJECT' && command.dateOfBirth ? ageConflicts(file, command.partyId, command.dateOfBirth) : [];
  return changed(file, next, [
    { kind: 'PARTY_CORRECTED', at, actor, summary: `${humanise(role)} ${party.name} corrected: ${fields.join(', ')}`, data: { partyId: command.partyId, role, old, new: updates } },
    ...(conflicts.length > 0
      ? [
          {
            kind: 'AGE_CONFLICT_FLAGGED',
            at,
            actor,
            summary: `For the manager: with the corrected date of birth, ${conflicts.length === 1 ? 'a step already taken' : `${conflicts.length} steps already taken`} would not have been allowed. ${conflicts.map((conflict) => conflict.why).join('; ')}`,
            data: { partyId: command.partyId, conflicts },
          },
        ]
      : []),
  ]);
}
