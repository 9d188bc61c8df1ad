import { addDays, compareDates, type LocalDate } from '../calendar';
import { type Pspo, type PspoConsultation, type PspoDecisionKind, PSPO_REQUIRED_CONSULTEES, pspoStatusOn } from './pspo';
import { pspoLocalPolicyOn, type PspoLocalPolicy } from './pspo-local-policy';
import { type PspoOutcome, type PspoRefusal, pspoAccepted, pspoRefused } from './pspo-refusal-conditions';

/** A consultation on an order already made is about its future: extending, varying or discharging it. */
export type RecordPspoConsultationCommand = Omit<PspoConsultation, 'usedFor' | 'purpose'> & { readonly purpose: Exclude<PspoDecisionKind, 'MAKE'> };

/**
 * Whether `consultation` is the necessary consultation and publicity of s.72(3), (4): the police and
 * the local policing body and community representatives consulted, the proposal published first, and
 * closed by the day the decision is taken.
 */
export function consultationRefusal(consultation: Omit<PspoConsultation, 'usedFor' | 'id' | 'purpose'>, decidedOn: LocalDate): PspoRefusal | undefined {
  const missing = PSPO_REQUIRED_CONSULTEES.filter((consultee) => !consultation.consultees.includes(consultee));
  if (missing.length > 0) return { condition: 'PSPO_CONSULTATION_INCOMPLETE', message: `not consulted: ${missing.map((m) => m.toLowerCase().replaceAll('_', ' ')).join(', ')}` };
  if (compareDates(consultation.publishedOn, consultation.closedOn) > 0) return { condition: 'PSPO_CONSULTATION_INCOMPLETE', message: `the proposal was published on ${consultation.publishedOn}, after the consultation closed on ${consultation.closedOn}` };
  if (compareDates(consultation.closedOn, decidedOn) > 0) return { condition: 'PSPO_CONSULTATION_NOT_CLOSED', message: `the consultation closed on ${consultation.closedOn}, after the decision on ${decidedOn}` };
  return undefined;
}

/**
 * Records a consultation on an order in force, for the decision it is about (extending, varying or
 * discharging). Recorded once it has closed, as the law asks for it before the decision, not beside it.
 */
export function recordPspoConsultation(pspo: Pspo, command: RecordPspoConsultationCommand, today: LocalDate): PspoOutcome<Pspo> {
  if (pspoStatusOn(pspo, today) !== 'IN_FORCE') return pspoRefused('PSPO_NOT_IN_FORCE', `the order is ${pspoStatusOn(pspo, today).toLowerCase().replace('_', ' ')}: a new order needs its own consultation`);
  if (compareDates(command.closedOn, today) > 0) return pspoRefused('PSPO_CONSULTATION_IN_FUTURE', `the consultation closes on ${command.closedOn}: record it once it has closed`);
  if (pspo.consultations.some((existing) => existing.id === command.id)) return pspoRefused('PSPO_CONSULTATION_ID_TAKEN', `the order already has a consultation ${command.id}`);
  const incomplete = consultationRefusal(command, today);
  if (incomplete) return { ok: false, refusal: incomplete };
  return pspoAccepted({ ...pspo, consultations: [...pspo.consultations, { ...command }] });
}

/**
 * The consultation a decision relies on: recorded on the order, for that decision, closed by the day it
 * is taken, and not already relied on by another decision.
 */
export function consultationFor(pspo: Pspo, consultationId: string, decision: PspoDecisionKind, decidedOn: LocalDate): PspoOutcome<PspoConsultation> {
  const consultation = pspo.consultations.find((candidate) => candidate.id === consultationId);
  if (!consultation || consultation.purpose !== decision) return pspoRefused('PSPO_NOT_CONSULTED', `no consultation ${consultationId} on ${decisionWords(decision)} the order is recorded`);
  if (consultation.usedFor) return pspoRefused('PSPO_CONSULTATION_ALREADY_USED', `consultation ${consultationId} was already relied on when the order was ${pastTense(consultation.usedFor)}`);
  const periodFrom = currentPeriodFrom(pspo);
  if (compareDates(consultation.closedOn, periodFrom) < 0) return pspoRefused('PSPO_NOT_CONSULTED', `consultation ${consultationId} closed on ${consultation.closedOn}, before the order was last made or extended, on ${periodFrom}`);
  if (compareDates(consultation.closedOn, decidedOn) > 0) return pspoRefused('PSPO_CONSULTATION_NOT_CLOSED', `consultation ${consultationId} closes on ${consultation.closedOn}, after ${decidedOn}`);
  return pspoAccepted(consultation);
}

/** The order's consultations with `consultationId` marked as relied on by `decision`. */
export function consultationsUsing(pspo: Pspo, consultationId: string, decision: PspoDecisionKind): readonly PspoConsultation[] {
  return pspo.consultations.map((consultation) => (consultation.id === consultationId ? { ...consultation, usedFor: decision } : consultation));
}

/**
 * The day the consultation on extending the order is due to have closed: the local lead time before
 * its expiry, by the PSPO policy in force on `today` (the day it is reckoned, so a new policy version
 * reaches orders already made).
 */
export function pspoConsultationDueOn(pspo: Pspo, today: LocalDate, versions?: readonly PspoLocalPolicy[]): LocalDate {
  return addDays(pspo.expiresOn, -pspoLocalPolicyOn(today, versions).consultationLeadDays);
}

/** Whether a consultation on extending the order, not yet relied on, has closed since it was made or last extended (a new period needs a new one). */
export function extensionConsultationRecorded(pspo: Pspo): boolean {
  const periodFrom = currentPeriodFrom(pspo);
  return pspo.consultations.some((consultation) => consultation.purpose === 'EXTEND' && !consultation.usedFor && compareDates(consultation.closedOn, periodFrom) >= 0);
}

/**
 * The day of the order's last making or extension. A consultation that closed before it was about the
 * order as it then stood, and what people said then is not a consultation on what is decided now.
 */
function currentPeriodFrom(pspo: Pspo): LocalDate {
  return pspo.lastExtendedOn ?? pspo.madeOn;
}

function decisionWords(decision: PspoDecisionKind): string {
  return { MAKE: 'making', EXTEND: 'extending', VARY: 'varying', DISCHARGE: 'discharging' }[decision];
}

function pastTense(decision: PspoDecisionKind): string {
  return { MAKE: 'made', EXTEND: 'extended', VARY: 'varied', DISCHARGE: 'discharged' }[decision];
}
