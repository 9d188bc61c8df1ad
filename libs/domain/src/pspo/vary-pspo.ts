import type { LocalDate } from '../calendar';
import type { Pspo } from './pspo';
import { consultationsUsing } from './pspo-consultation';
import { type PspoDecisionCommand, pspoDecisionRefusal } from './pspo-decision-checks';
import { type PspoOutcome, pspoAccepted, pspoRefused } from './pspo-refusal-conditions';
import { checkedPspoTerms, type PspoTerms } from './pspo-terms';

/** The terms after the variation; what is left out stays as it is. */
export interface VaryPspoCommand extends PspoDecisionCommand, Partial<PspoTerms> {}

/**
 * Varying an order in force (s.61(1)): the area made larger or smaller, a prohibition or requirement
 * altered, removed or added, after a consultation on varying it. Its expiry is not a term: only an
 * extension (s.60) moves it. A variation that would leave nothing prohibited or required is refused,
 * since what it describes is a discharge, which has its own consultation.
 */
export function varyPspo(pspo: Pspo, command: VaryPspoCommand, today: LocalDate): PspoOutcome<Pspo> {
  const refusal = pspoDecisionRefusal(pspo, command, 'VARY', today);
  if (refusal) return { ok: false, refusal };
  const terms = checkedPspoTerms({ area: command.area ?? pspo.area, prohibitions: command.prohibitions ?? pspo.prohibitions, requirements: command.requirements ?? pspo.requirements });
  if (!terms.ok) return terms;
  const before: PspoTerms = { area: pspo.area, prohibitions: pspo.prohibitions, requirements: pspo.requirements };
  if (JSON.stringify(terms.value) === JSON.stringify(before)) return pspoRefused('PSPO_VARIATION_CHANGES_NOTHING', 'the area, prohibitions and requirements are as the order already says');
  return pspoAccepted({
    ...pspo,
    ...terms.value,
    consultations: consultationsUsing(pspo, command.consultationId, 'VARY'),
    decisions: [...pspo.decisions, { kind: 'VARY', on: command.decidedOn, by: command.decidedBy, consultationId: command.consultationId, reason: command.reason.trim() }],
  });
}
