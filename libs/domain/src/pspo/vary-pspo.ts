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
  if (sameTerms(terms.value, pspo)) return pspoRefused('PSPO_VARIATION_CHANGES_NOTHING', 'the area, prohibitions and requirements are as the order already says');
  return pspoAccepted({
    ...pspo,
    ...terms.value,
    consultations: consultationsUsing(pspo, command.consultationId, 'VARY'),
    decisions: [...pspo.decisions, { kind: 'VARY', on: command.decidedOn, by: command.decidedBy, consultationId: command.consultationId, reason: command.reason.trim() }],
  });
}

/** Whether two sets of terms say the same: compared field by field, so that the order of keys in a request does not read as a change. */
function sameTerms(a: PspoTerms, b: PspoTerms): boolean {
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  return (
    a.area.description === b.area.description &&
    same(a.area.geometry?.type, b.area.geometry?.type) &&
    same(a.area.geometry?.coordinates, b.area.geometry?.coordinates) &&
    same(a.prohibitions, b.prohibitions) &&
    same(a.requirements, b.requirements)
  );
}
