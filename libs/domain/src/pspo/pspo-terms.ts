import { type PspoArea, pspoGeometryProblem } from './pspo-area';
import { type PspoOutcome, pspoAccepted, pspoRefused } from './pspo-refusal-conditions';

/** What an order says: the area, and what it prohibits and requires there. Made with it, and changed only by a variation. */
export interface PspoTerms {
  readonly area: PspoArea;
  readonly prohibitions: readonly string[];
  readonly requirements: readonly string[];
}

/**
 * The terms as they will be published, tidied (blank entries dropped), or the refusal: an order needs
 * its area in words, a map (if any) of a valid shape, and at least one prohibition or requirement
 * (s.59(4): an order that does neither restricts nothing).
 */
export function checkedPspoTerms(terms: PspoTerms): PspoOutcome<PspoTerms> {
  const description = terms.area.description.trim();
  if (!description) return pspoRefused('PSPO_AREA_DESCRIPTION_REQUIRED', 'the restricted area needs a description in words');
  if (terms.area.geometry !== undefined) {
    const problem = pspoGeometryProblem(terms.area.geometry);
    if (problem) return pspoRefused('PSPO_AREA_SHAPE_INVALID', problem);
  }
  const prohibitions = tidy(terms.prohibitions);
  const requirements = tidy(terms.requirements);
  if (prohibitions.length + requirements.length === 0) return pspoRefused('PSPO_NOTHING_PROHIBITED_OR_REQUIRED', 'the order prohibits nothing and requires nothing');
  return pspoAccepted({ area: { ...terms.area, description }, prohibitions, requirements });
}

function tidy(entries: readonly string[]): readonly string[] {
  return entries.map((entry) => entry.trim()).filter((entry) => entry.length > 0);
}
