import { compareDates, type LocalDate } from '../calendar';
import { STATUTORY_RULES_2014_ACT, type StatutoryRules } from '../policy/statutory-rules';
import { type Pspo, pspoInForceOn } from './pspo';
import { pspoFixedPenaltyMaximumOn } from './pspo-fixed-penalty';
import { type PspoOutcome, pspoAccepted, pspoRefused } from './pspo-refusal-conditions';

/**
 * The offence a breach is: failing without reasonable excuse to comply with a prohibition or requirement
 * (s.67), or failing to comply with a requirement not to drink alcohol, or to surrender it, under an
 * order's alcohol prohibition (s.63(6)). A fixed penalty may be offered for either (s.68(1)).
 */
export const PSPO_OFFENCES = ['FAILURE_TO_COMPLY', 'ALCOHOL_REQUIREMENT'] as const;
export type PspoOffence = (typeof PSPO_OFFENCES)[number];

/** A fixed penalty notice offered for a breach (s.68), linked to the breach and so to its order. */
export interface PspoFixedPenalty {
  readonly issuedOn: LocalDate;
  readonly amountPounds: number;
}

/** A breach of an order, on the record of that order: a person may be named in the case it belongs to, never here. */
export interface PspoBreach {
  readonly id: string;
  readonly pspoId: string;
  readonly occurredOn: LocalDate;
  readonly offence: PspoOffence;
  readonly description: string;
  readonly recordedBy: string;
  readonly fixedPenalty?: PspoFixedPenalty;
  /** The case the person's conduct is worked on, if any. */
  readonly caseReference?: string;
}

export type RecordPspoBreachCommand = Omit<PspoBreach, 'pspoId'>;

/**
 * Recording a breach of `pspo`, with its fixed penalty if one was offered. Refused for a day still to
 * come or on which the order had no effect, without saying what was done, and for a fixed penalty above
 * the maximum on the day of the breach, not a positive amount in pence, or dated before the breach or in
 * the future.
 */
export function recordPspoBreach(pspo: Pspo, command: RecordPspoBreachCommand, today: LocalDate, statutory: StatutoryRules = STATUTORY_RULES_2014_ACT): PspoOutcome<PspoBreach> {
  if (compareDates(command.occurredOn, today) > 0) return pspoRefused('PSPO_BREACH_IN_FUTURE', `the breach is dated ${command.occurredOn}, after today (${today})`);
  if (!pspoInForceOn(pspo, command.occurredOn)) return pspoRefused('PSPO_BREACH_OUTSIDE_ORDER', `on ${command.occurredOn} the order had no effect: it ran from ${pspo.madeOn} to ${pspo.dischargedOn ? `its discharge on ${pspo.dischargedOn}` : pspo.expiresOn}`);
  if (!command.description.trim()) return pspoRefused('PSPO_BREACH_DESCRIPTION_REQUIRED', 'say what was done, or not done, and where');
  const penalty = command.fixedPenalty;
  if (penalty) {
    const { amountPounds, issuedOn } = penalty;
    if (!Number.isFinite(amountPounds) || amountPounds <= 0 || !wholePence(amountPounds)) return pspoRefused('PSPO_FPN_AMOUNT_INVALID', `£${amountPounds} is not an amount a notice can state`);
    const maximum = pspoFixedPenaltyMaximumOn(command.occurredOn, statutory);
    if (amountPounds > maximum) return pspoRefused('PSPO_FPN_AMOUNT_ABOVE_MAXIMUM', `£${amountPounds} is above the £${maximum} maximum for a breach on ${command.occurredOn}`);
    if (compareDates(issuedOn, command.occurredOn) < 0) return pspoRefused('PSPO_FPN_BEFORE_BREACH', `the notice is dated ${issuedOn}, before the breach on ${command.occurredOn}`);
    if (compareDates(issuedOn, today) > 0) return pspoRefused('PSPO_FPN_IN_FUTURE', `the notice is dated ${issuedOn}, after today (${today})`);
  }
  return pspoAccepted({ ...command, pspoId: pspo.id, description: command.description.trim() });
}

/** Whether a sum in pounds is a whole number of pence (within the float error of a decimal entry such as 0.1 + 0.2). */
function wholePence(pounds: number): boolean {
  return Math.abs(pounds * 100 - Math.round(pounds * 100)) < 1e-6;
}
