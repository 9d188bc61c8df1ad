import { londonDateOf } from '../calendar';
import { changed } from './change';
import type { CaseChange, CaseFile, CommandContext, Conviction, Incident, Refusal } from './state';
import type { RefusalCondition } from './refusal-conditions';

export interface RecordIncidentCommand {
  readonly occurredAt: string;
  readonly description: string;
  readonly subjectIds: readonly string[];
}

const refuse = (condition: RefusalCondition, message: string): Refusal => ({ condition, message });

export function incidentRefusal(file: CaseFile, command: RecordIncidentCommand, { now }: CommandContext): Refusal | undefined {
  if (file.stage === 'ANONYMISED') return refuse('CASE_ANONYMISED', 'an anonymised case takes no new incidents');
  if (Date.parse(command.occurredAt) > now.getTime()) return refuse('INCIDENT_IN_FUTURE', 'an incident is recorded after it happens');
  const unknown = command.subjectIds.filter((id) => !file.subjects.some((subject) => subject.id === id));
  return unknown.length > 0 ? refuse('UNKNOWN_SUBJECT', `no subject ${unknown.join(', ')} on case ${file.reference}`) : undefined;
}

/**
 * A new incident is evidence: after a CPW's compliance period it is non-compliance, during a
 * closed case's re-open window it is reason to re-open (the caseworker decides).
 */
export function recordIncident(file: CaseFile, command: RecordIncidentCommand, { now, actor }: CommandContext): CaseChange {
  const incident: Incident = {
    id: `incident-${file.incidents.length + 1}`,
    occurredAt: command.occurredAt,
    reportedAt: now.toISOString(),
    description: command.description,
    subjectIds: command.subjectIds,
    reportedBy: actor,
  };
  return changed(file, { incidents: [...file.incidents, incident] }, [
    { kind: 'INCIDENT_RECORDED', at: now.toISOString(), actor, summary: `Incident on ${londonDateOf(new Date(command.occurredAt))}: ${command.description}`, data: { incidentId: incident.id, subjectIds: [...command.subjectIds] } },
  ]);
}

export type RecordConvictionCommand = Conviction;

export function convictionRefusal(file: CaseFile, command: RecordConvictionCommand): Refusal | undefined {
  return file.subjects.some((subject) => subject.id === command.subjectId) ? undefined : refuse('UNKNOWN_SUBJECT', `no subject ${command.subjectId} on case ${file.reference}`);
}

export function recordConviction(file: CaseFile, command: RecordConvictionCommand, { now, actor }: CommandContext): CaseChange {
  return changed(file, { convictions: [...file.convictions, command] }, [
    { kind: 'CONVICTION_RECORDED', at: now.toISOString(), actor, summary: `Conviction on ${command.convictedOn}: ${command.offence}`, data: { ...command } },
  ]);
}
