import { changed, humanise } from './change';
import type { RefusalCondition } from './refusal-conditions';
import type { CaseChange, CaseFile, CaseLink, CommandContext, LinkReason, Refusal } from './state';

/** A link as either case shows it: `TO` the other case when made on this one, `FROM` it when made on the other. */
export interface LinkedCase extends CaseLink {
  readonly direction: 'TO' | 'FROM';
}

export interface LinkCaseCommand {
  /** The other case. */
  readonly linkedReference: string;
  readonly reason: LinkReason;
  readonly note?: string;
}

export interface UnlinkCaseCommand {
  readonly linkedReference: string;
  /** Why the cases no longer belong together. */
  readonly reason: string;
}

export function linksOf(file: CaseFile): readonly CaseLink[] {
  return file.links ?? [];
}

const refuse = (condition: RefusalCondition, message: string): Refusal => ({ condition, message });

/**
 * A link may be made on a closed case too (a new report about a closed case's subject links to it), not
 * on an anonymised one. The other case must exist and be readable by the caller: the API holds that,
 * with `linkFromOtherSideRefusal` for a link the other case already holds.
 */
export function linkCaseRefusal(file: CaseFile, command: LinkCaseCommand): Refusal | undefined {
  if (file.stage === 'ANONYMISED') return refuse('CASE_ANONYMISED', `case ${file.reference} has been anonymised`);
  if (command.linkedReference === file.reference) return refuse('LINK_TO_SELF', `case ${file.reference} cannot be linked to itself`);
  const existing = linksOf(file).find((link) => link.reference === command.linkedReference);
  return existing ? refuse('ALREADY_LINKED', `case ${file.reference} is already linked to ${command.linkedReference} (${humanise(existing.reason)})`) : undefined;
}

export function linkCase(file: CaseFile, command: LinkCaseCommand, { now, actor }: CommandContext): CaseChange {
  const link: CaseLink = { reference: command.linkedReference, reason: command.reason, ...(command.note !== undefined ? { note: command.note } : {}), linkedBy: actor, linkedAt: now.toISOString() };
  return changed(file, { links: [...linksOf(file), link] }, [
    {
      kind: 'CASE_LINKED',
      at: link.linkedAt,
      actor,
      summary: `Linked to ${link.reference}: ${humanise(link.reason)}${link.note !== undefined ? ` (${link.note})` : ''}`,
      data: { linkedReference: link.reference, reason: link.reason, ...(link.note !== undefined ? { note: link.note } : {}) },
    },
  ]);
}

export function unlinkCaseRefusal(file: CaseFile, command: UnlinkCaseCommand): Refusal | undefined {
  if (file.stage === 'ANONYMISED') return refuse('CASE_ANONYMISED', `case ${file.reference} has been anonymised`);
  return linksOf(file).some((link) => link.reference === command.linkedReference)
    ? undefined
    : refuse('NOT_LINKED', `case ${file.reference} holds no link to ${command.linkedReference}`);
}

export function unlinkCase(file: CaseFile, command: UnlinkCaseCommand, { now, actor }: CommandContext): CaseChange {
  const removed = linksOf(file).find((link) => link.reference === command.linkedReference)!;
  return changed(file, { links: linksOf(file).filter((link) => link !== removed) }, [
    {
      kind: 'CASE_UNLINKED',
      at: now.toISOString(),
      actor,
      summary: `Link to ${removed.reference} removed: ${command.reason}`,
      data: { linkedReference: removed.reference, reason: command.reason, old: { reason: removed.reason, ...(removed.note !== undefined ? { note: removed.note } : {}), linkedBy: removed.linkedBy, linkedAt: removed.linkedAt } },
    },
  ]);
}

/**
 * What the file of the case a command is sent to cannot know: the links other cases hold to it.
 * Linking back a case that already links here would show the pair twice, so it is refused; unlinking
 * here a link held by the other case is refused with the case that holds it, where it is removed
 * (with its own timeline and audit: a command on one case never changes another's file).
 */
export function linkFromOtherSideRefusal(
  reference: string,
  command: { readonly linkedReference: string },
  kind: 'link' | 'unlink',
  linkedHere: readonly LinkedCase[],
): Refusal | undefined {
  const held = linkedHere.find((link) => link.direction === 'FROM' && link.reference === command.linkedReference);
  if (!held) return undefined;
  if (kind === 'link') return refuse('ALREADY_LINKED', `case ${held.reference} already links to ${reference} (${humanise(held.reason)})`);
  return linkedHere.some((link) => link.direction === 'TO' && link.reference === command.linkedReference)
    ? undefined
    : refuse('LINK_HELD_BY_OTHER_CASE', `the link between ${reference} and ${held.reference} was made on ${held.reference}: remove it there`);
}
