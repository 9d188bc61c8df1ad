import { compareDates, type LocalDate } from '../calendar';
import { STATUTORY_RULES_2014_ACT, type StatutoryRules } from '../policy/statutory-rules';
import type { Pspo } from './pspo';
import { consultationsUsing } from './pspo-consultation';
import { type PspoDecisionCommand, pspoDecisionRefusal } from './pspo-decision-checks';
import { latestExtendedPspoExpiry } from './pspo-duration';
import { type PspoOutcome, pspoAccepted, pspoRefused } from './pspo-refusal-conditions';

export interface ExtendPspoCommand extends PspoDecisionCommand {
  readonly expiresOn: LocalDate;
}

/**
 * Extending an order (s.60(2)): before it expires, after a consultation on extending it, to a new expiry
 * beyond the current one and at most a further 3 years. It may be extended more than once (s.60(4));
 * each extension needs a consultation of its own.
 */
export function extendPspo(pspo: Pspo, command: ExtendPspoCommand, today: LocalDate, statutory: StatutoryRules = STATUTORY_RULES_2014_ACT): PspoOutcome<Pspo> {
  const refusal = pspoDecisionRefusal(pspo, command, 'EXTEND', today);
  if (refusal) return { ok: false, refusal };
  if (compareDates(command.expiresOn, pspo.expiresOn) <= 0) return pspoRefused('PSPO_EXTENSION_NOT_LATER', `the order already runs to ${pspo.expiresOn}`);
  const latest = latestExtendedPspoExpiry(pspo.expiresOn, command.decidedOn, statutory);
  if (compareDates(command.expiresOn, latest) > 0) return pspoRefused('PSPO_TOO_LONG', `an order running to ${pspo.expiresOn} can be extended to ${latest} at the latest`);
  return pspoAccepted({
    ...pspo,
    expiresOn: command.expiresOn,
    lastExtendedOn: command.decidedOn,
    consultations: consultationsUsing(pspo, command.consultationId, 'EXTEND'),
    decisions: [
      ...pspo.decisions,
      { kind: 'EXTEND', on: command.decidedOn, by: command.decidedBy, consultationId: command.consultationId, reason: command.reason.trim(), expiry: { from: pspo.expiresOn, to: command.expiresOn } },
    ],
  });
}
