import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { suppressedInStatistics } from '../../../../libs/domain/src';
import { caseStatistics } from '../../../../libs/persistence/src';
import { listFilterOf } from '../auth/access-policy';

type Counted = Awaited<ReturnType<typeof caseStatistics>>;

/**
 * The statistics of the cases the caller may count (`listFilterOf`: a restricted type only for the
 * named). A type under its minimum count (`STATISTICS_MINIMUM_COUNT`: Prevent) is then left out of every
 * count and reported as suppressed, so that no figure, by ward or month either, is one of a few.
 */
export async function statisticsFor(em: EntityManager, caller: Caller, from: string, to: string): Promise<Counted & { suppressed: ReturnType<typeof suppressedInStatistics> }> {
  const scope = listFilterOf(caller);
  if (!scope) return { byType: [], byCategory: [], byWard: [], byMonth: [], byRisk: [], byForum: [], byOutcome: [], escalatedCases: 0, suppressed: suppressedInStatistics([]) };
  const counted = await caseStatistics(em, scope, from, to);
  const suppressed = suppressedInStatistics(counted.byType);
  const shown = counted.byType.some((row) => suppressed.some((each) => each.type === row.key))
    ? await caseStatistics(em, { ...scope, exceptTypes: [...(scope.exceptTypes ?? []), ...suppressed.map((each) => each.type)] }, from, to)
    : counted;
  return { ...shown, suppressed };
}
