import { type LocalDate, pspoDeadlines, pspoStatusOn } from '../../../../libs/domain/src';
import type { StoredPspo } from '../../../../libs/persistence/src';
import { PspoView } from './pspo.schemas';

/**
 * The order as the API shows it on `today`: its status that day (EXPIRED once its last day has passed),
 * and what is still to come. Checked against the documented schema, so a response never says more or
 * other than the document.
 */
export function pspoView({ pspo, version }: StoredPspo, today: LocalDate): PspoView {
  return PspoView.parse({
    ...pspo,
    status: pspo.status === 'IN_FORCE' ? pspoStatusOn(pspo, today) : pspo.status,
    deadlines: pspoDeadlines(pspo, today),
    version,
  });
}
