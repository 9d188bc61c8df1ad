import { changed, humanise, resolvePending } from '../case-file/change';
import type { CaseChange, CaseFile, CommandContext, Refusal } from '../case-file/state';
import type { ProtectedCharacteristic } from './hate-crime';
import type { HateCrimeRecord } from './records';
import { typeCommandRefusal } from './type-refusal';

export interface RecordVictimContactCommand {
  readonly summary: string;
  /** The hostility the crime was motivated by: one or more of the five monitored strands. */
  readonly protectedCharacteristics: readonly ProtectedCharacteristic[];
  /** The referral to victim support was offered: what the victim said. */
  readonly victimSupport: 'ACCEPTED' | 'DECLINED';
}

export interface RecordPoliceNotificationCommand {
  /** The crime or incident number the police gave. */
  readonly policeReference: string;
}

const recordOf = (file: CaseFile): HateCrimeRecord => file.hateCrime ?? { protectedCharacteristics: [] };

export function victimContactRefusal(file: CaseFile, command: RecordVictimContactCommand): Refusal | undefined {
  const refused = typeCommandRefusal(file, 'HATE_CRIME', 'contact with a hate crime victim');
  if (refused) return refused;
  if (file.hateCrime?.victimContact) return { condition: 'VICTIM_ALREADY_CONTACTED', message: `contact with the victim was recorded at ${file.hateCrime.victimContact.at}` };
  return command.protectedCharacteristics.length === 0
    ? { condition: 'CHARACTERISTIC_REQUIRED', message: 'record the protected characteristic(s) the hostility was based on (protectedCharacteristics)' }
    : undefined;
}

/** Meets the 24-hour contact, and records the hostility and the victim's answer to the offer of victim support. */
export function recordVictimContact(file: CaseFile, command: RecordVictimContactCommand, { now, actor }: CommandContext): CaseChange {
  const late = file.deadlines.some((deadline) => deadline.kind === 'VICTIM_CONTACT' && deadline.status === 'MISSED');
  const protectedCharacteristics = [...new Set(command.protectedCharacteristics)];
  const hateCrime: HateCrimeRecord = {
    ...recordOf(file),
    protectedCharacteristics,
    victimContact: { at: now.toISOString(), by: actor, summary: command.summary, victimSupport: command.victimSupport },
  };
  return changed(
    file,
    { hateCrime, stage: file.stage === 'ALLOCATED' ? 'ACTIVE' : file.stage, deadlines: resolvePending(file.deadlines, (d) => d.kind === 'VICTIM_CONTACT', 'MET', `victim contacted by ${actor}`, now) },
    [
      {
        kind: 'VICTIM_CONTACTED',
        at: now.toISOString(),
        actor,
        summary: `Hate crime victim contacted${late ? ' (late)' : ''}: hostility on ${protectedCharacteristics.map(humanise).join(', ')}; referral to victim support offered and ${command.victimSupport.toLowerCase()}. ${command.summary}`,
        data: { protectedCharacteristics, victimSupport: command.victimSupport },
      },
    ],
  );
}

export function policeNotificationRefusal(file: CaseFile): Refusal | undefined {
  const refused = typeCommandRefusal(file, 'HATE_CRIME', 'notifying the police of a hate crime');
  if (refused) return refused;
  return file.hateCrime?.policeNotified ? { condition: 'POLICE_ALREADY_NOTIFIED', message: `the police were notified at ${file.hateCrime.policeNotified.at} (${file.hateCrime.policeNotified.policeReference})` } : undefined;
}

export function recordPoliceNotification(file: CaseFile, command: RecordPoliceNotificationCommand, { now, actor }: CommandContext): CaseChange {
  const hateCrime: HateCrimeRecord = { ...recordOf(file), policeNotified: { at: now.toISOString(), by: actor, policeReference: command.policeReference } };
  return changed(file, { hateCrime, deadlines: resolvePending(file.deadlines, (d) => d.kind === 'POLICE_NOTIFICATION', 'MET', `police notified by ${actor}`, now) }, [
    { kind: 'POLICE_NOTIFIED', at: now.toISOString(), actor, summary: `Hate crime notified to the police: ${command.policeReference}`, data: { policeReference: command.policeReference } },
  ]);
}
