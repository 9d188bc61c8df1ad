import { changed, humanise } from '../change';
import type { CaseChange, CaseFile, CaseNote, CommandContext, ContactMethod, Refusal } from '../state';
import { refuse } from './correction-refusal';
import { partyNamed } from './parties';

export interface AddCaseNoteCommand {
  readonly text: string;
}

export interface RecordContactLogCommand {
  readonly method: ContactMethod;
  readonly withPartyId?: string;
  readonly withName?: string;
  /** What was said. */
  readonly text: string;
}

export function caseNotesOf(file: CaseFile): readonly CaseNote[] {
  return file.notes ?? [];
}

/** A note may be added to a closed case too (a call after closure is still a fact of it); not to an anonymised one. */
export function caseNoteRefusal(file: CaseFile): Refusal | undefined {
  return file.stage === 'ANONYMISED' ? refuse('CASE_ANONYMISED', `case ${file.reference} has been anonymised`) : undefined;
}

export function addCaseNote(file: CaseFile, command: AddCaseNoteCommand, { now, actor }: CommandContext): CaseChange {
  const note: CaseNote = { id: `note-${caseNotesOf(file).length + 1}`, text: command.text, recordedBy: actor, recordedAt: now.toISOString() };
  return changed(file, { notes: [...caseNotesOf(file), note] }, [
    { kind: 'CASE_NOTE_ADDED', at: note.recordedAt, actor, summary: `Note: ${command.text}`, data: { noteId: note.id } },
  ]);
}

export function contactLogRefusal(file: CaseFile, command: RecordContactLogCommand): Refusal | undefined {
  const anonymised = caseNoteRefusal(file);
  if (anonymised) return anonymised;
  if ((command.withPartyId === undefined) === (command.withName === undefined)) {
    return refuse('CONTACT_PERSON_REQUIRED', 'say who the contact was with: a party of the case (withPartyId) or someone else by name (withName), not both');
  }
  return command.withPartyId !== undefined && !partyNamed(file, command.withPartyId)
    ? refuse('UNKNOWN_PARTY', `case ${file.reference} has no complainant, subject or witness with the id ${command.withPartyId}`)
    : undefined;
}

export function recordContactLog(file: CaseFile, command: RecordContactLogCommand, { now, actor }: CommandContext): CaseChange {
  const contact = { method: command.method, ...(command.withPartyId !== undefined ? { withPartyId: command.withPartyId } : { withName: command.withName! }) };
  const note: CaseNote = { id: `note-${caseNotesOf(file).length + 1}`, text: command.text, recordedBy: actor, recordedAt: now.toISOString(), contact };
  const who = command.withPartyId !== undefined ? partyNamed(file, command.withPartyId)! : command.withName!;
  return changed(file, { notes: [...caseNotesOf(file), note] }, [
    { kind: 'CONTACT_LOGGED', at: note.recordedAt, actor, summary: `${humanise(command.method)} with ${who}: ${command.text}`, data: { noteId: note.id, ...contact } },
  ]);
}
