import { compareDates, type LocalDate } from '../calendar';
import { STATUTORY_RULES_2014_ACT, type StatutoryRules } from '../policy/statutory-rules';
import type { Pspo, PspoConsultation } from './pspo';
import { consultationRefusal } from './pspo-consultation';
import { latestPspoExpiry } from './pspo-duration';
import { type PspoOutcome, pspoAccepted, pspoRefused } from './pspo-refusal-conditions';
import { checkedPspoTerms, type PspoTerms } from './pspo-terms';

export interface MakePspoCommand extends PspoTerms {
  readonly id: string;
  readonly title: string;
  readonly madeOn: LocalDate;
  readonly expiresOn: LocalDate;
  readonly owner: string;
  readonly madeBy: string;
  /** Why the council is satisfied the two conditions of s.59(2), (3) are met: the detrimental, persistent, unreasonable activities. */
  readonly reason: string;
  /** The consultation held before making it (s.72(3)(a)): the order does not exist yet, so it comes with the order. */
  readonly consultation: Omit<PspoConsultation, 'purpose' | 'usedFor'>;
}

/**
 * Making an order (s.59), recorded on or after the day it is made. Refused without its terms (an area in
 * words, something prohibited or required), without the consultation s.72(3) requires before making,
 * or with an expiry not after the day made or beyond the statutory maximum (s.60(1)).
 */
export function makePspo(command: MakePspoCommand, today: LocalDate, statutory: StatutoryRules = STATUTORY_RULES_2014_ACT): PspoOutcome<Pspo> {
  if (!command.owner.trim()) return pspoRefused('PSPO_OWNER_REQUIRED', 'name the officer who owns the order');
  if (!command.reason.trim()) return pspoRefused('PSPO_REASON_REQUIRED', 'record why the conditions of s.59 are met');
  if (compareDates(command.madeOn, today) > 0) return pspoRefused('PSPO_MADE_IN_FUTURE', `the order is made on ${command.madeOn}: record it on or after that day`);
  if (compareDates(command.expiresOn, command.madeOn) <= 0) return pspoRefused('PSPO_EXPIRY_NOT_AFTER_MADE', `the expiry ${command.expiresOn} is not after the day made, ${command.madeOn}`);
  const latest = latestPspoExpiry(command.madeOn, statutory);
  if (compareDates(command.expiresOn, latest) > 0) return pspoRefused('PSPO_TOO_LONG', `an order made on ${command.madeOn} can have effect to ${latest} at the latest`);
  const terms = checkedPspoTerms(command);
  if (!terms.ok) return terms;
  const notConsulted = consultationRefusal(command.consultation, command.madeOn);
  if (notConsulted) return { ok: false, refusal: notConsulted };
  return pspoAccepted({
    id: command.id,
    title: command.title.trim(),
    ...terms.value,
    madeOn: command.madeOn,
    expiresOn: command.expiresOn,
    owner: command.owner.trim(),
    status: 'IN_FORCE',
    consultations: [{ ...command.consultation, purpose: 'MAKE', usedFor: 'MAKE' }],
    decisions: [{ kind: 'MAKE', on: command.madeOn, by: command.madeBy, consultationId: command.consultation.id, reason: command.reason.trim() }],
  });
}
