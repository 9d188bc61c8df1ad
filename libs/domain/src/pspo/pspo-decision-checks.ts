import { compareDates, type LocalDate } from '../calendar';
import { type Pspo, type PspoDecisionKind, pspoStatusOn } from './pspo';
import { consultationFor } from './pspo-consultation';
import type { PspoRefusal } from './pspo-refusal-conditions';

/** What every decision on an order already made has to say: when, by whom, why, and on which consultation. */
export interface PspoDecisionCommand {
  readonly decidedOn: LocalDate;
  readonly decidedBy: string;
  readonly reason: string;
  readonly consultationId: string;
}

/**
 * The refusal shared by extending, varying and discharging: each is a decision taken on a day already
 * come, with its reason, while the order is in force (s.60(2) "before the time when [it] is due to
 * expire"; s.61 "where [it] is in force"), after a consultation of its own (s.72(3)(b), (c)).
 */
export function pspoDecisionRefusal(pspo: Pspo, command: PspoDecisionCommand, kind: PspoDecisionKind, today: LocalDate): PspoRefusal | undefined {
  if (compareDates(command.decidedOn, today) > 0) return { condition: 'PSPO_DECISION_IN_FUTURE', message: `the decision is dated ${command.decidedOn}: record it on or after that day` };
  if (pspo.dischargedOn) return { condition: 'PSPO_NOT_IN_FORCE', message: `the order was discharged on ${pspo.dischargedOn}` };
  if (compareDates(command.decidedOn, pspo.madeOn) < 0) return { condition: 'PSPO_NOT_IN_FORCE', message: `on ${command.decidedOn} the order was not yet made (it was made on ${pspo.madeOn})` };
  const status = pspoStatusOn(pspo, command.decidedOn);
  if (status !== 'IN_FORCE') return { condition: 'PSPO_NOT_IN_FORCE', message: `on ${command.decidedOn} the order was ${status.toLowerCase()}${status === 'EXPIRED' ? ` (its last day was ${pspo.expiresOn})` : ''}` };
  if (!command.reason.trim()) return { condition: 'PSPO_REASON_REQUIRED', message: 'record why the decision is necessary' };
  const consultation = consultationFor(pspo, command.consultationId, kind, command.decidedOn);
  return consultation.ok ? undefined : consultation.refusal;
}
