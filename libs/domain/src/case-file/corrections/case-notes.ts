import { changed, humanise } from '../change';
import type { CaseChange, CaseFile, CaseNote, CommandContext, ContactMethod, Refusal } from '../state';
import { enteredLate, type TrueMoment, trueMomentRefusal } from '../late-entry';
import { refuse } from './correction-refusal';
import { partyNamed } from './parties';

export interface AddCaseNoteCommand {
  readonly text: string;
}

export interface RecordContactLogCommand extends TrueMoment {
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

export function contactLogRefusal(file: CaseFile, command: RecordContactLogCommand, ctx: CommandContext): Refusal | undefined {
  const refusal = caseNoteRefusal(file) ?? trueMomentRefusal(file, command, ctx);
  if (refusal) return refusal;
  if ((command.withPartyId === undefined) === (command.withName === undefined)) {
    return refuse('CONTACT_PERSON_REQUIRED', 'say who the contact was with: a party of the case (withPartyId) or someone else by name (withName), not both');
  }
  return command.withPartyId !== undefined && !partyNamed(file, command.withPartyId)
    ? refuse('UNKNOWN_PARTY', `case ${file.reference} has no complainant, subject or witness with the id ${command.withPartyId}`)
    : undefined;
}

/**
 * A contact plans no deadline, so it needs none of `withTrueMoment`'s re-timing: it keeps when it really
 * happened beside when it was recorded, and an entry made afterwards is flagged late like any other.
 */
export function recordContactLog(file: CaseFile, command: RecordContactLogCommand, ctx: CommandContext): CaseChange {
  const { now, actor } = ctx;
  const late = enteredLate(command, ctx);
  const contact = { method: command.method, ...(command.withPartyId !== undefined ? { withPartyId: command.withPartyId } : { withName: command.withName! }) };
  const note: CaseNote = {
    id: `note-${caseNotesOf(file).length + 1}`,
    text: command.text,
    recordedBy: actor,
    recordedAt: now.toISOString(),
    ...(late ? { occurredAt: command.occurredAt } : {}),
    contact,
  };
  const who = command.withPartyId !== undefined ? partyNamed(file, command.withPartyId)! : command.withName!;
  return changed(file, { notes: [...caseNotesOf(file), note] }, [
    {
      kind: 'CONTACT_LOGGED',
      at: note.recordedAt,
      actor,
      summary: `${humanise(command.method)} with ${who}: ${command.text}`,
      data: { noteId: note.id, ...contact, ...(late ? { occurredAt: command.occurredAt, late: true } : {}) },
    },
  ]);
}
