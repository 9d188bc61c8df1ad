import { compareDates, type LocalDate } from '../calendar';
import { type Pspo, pspoStatusOn } from './pspo';
import { consultationsUsing } from './pspo-consultation';
import { type PspoDecisionCommand, pspoDecisionRefusal } from './pspo-decision-checks';
import { type PspoOutcome, pspoAccepted, pspoRefused } from './pspo-refusal-conditions';

/**
 * Discharging an order in force (s.61), after a consultation on discharging it. It stops having effect
 * on the day of discharge; breaches before then stay breaches.
 */
export function dischargePspo(pspo: Pspo, command: PspoDecisionCommand, today: LocalDate): PspoOutcome<Pspo> {
  const refusal = pspoDecisionRefusal(pspo, command, 'DISCHARGE', today);
  if (refusal) return { ok: false, refusal };
  return pspoAccepted({
    ...pspo,
    status: 'DISCHARGED',
    dischargedOn: command.decidedOn,
    consultations: consultationsUsing(pspo, command.consultationId, 'DISCHARGE'),
    decisions: [...pspo.decisions, { kind: 'DISCHARGE', on: command.decidedOn, by: command.decidedBy, consultationId: command.consultationId, reason: command.reason.trim() }],
  });
}

/**
 * Recording that the order has lapsed at the end of its last day, as the expiry deadline passes. Needs
 * no decision and no consultation: the law ends it (s.60(1)). Refused before then, and for an order
 * already discharged.
 */
export function expirePspo(pspo: Pspo, today: LocalDate): PspoOutcome<Pspo> {
  if (pspo.status === 'EXPIRED') return pspoAccepted(pspo);
  if (pspoStatusOn(pspo, today) === 'DISCHARGED') return pspoRefused('PSPO_NOT_IN_FORCE', `the order was discharged on ${pspo.dischargedOn}`);
  if (compareDates(today, pspo.expiresOn) <= 0) return pspoRefused('PSPO_NOT_YET_EXPIRED', `the order has effect to the end of ${pspo.expiresOn}`);
  return pspoAccepted({ ...pspo, status: 'EXPIRED' });
}
