import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffDirectory } from '../libs/directory/src';
import { addDays, DEADLINE_CATALOGUE, endOfLondonDay, type DeadlineKind, type DigestItem, type LocalDate, londonDateOf, type ManagerDigestNotice, noticeKey, type RiskLevel } from '../libs/domain/src';
import { teamOverview } from '../libs/persistence/src';

const DIGEST_HORIZON_DAYS = 7;

function itemOf(row: Record<string, unknown>): DigestItem {
  return {
    reference: String(row.reference),
    ...(row.risk_level ? { riskLevel: row.risk_level as RiskLevel } : {}),
    ...(row.caseworker ? { caseworker: String(row.caseworker) } : {}),
    title: DEADLINE_CATALOGUE[row.kind as DeadlineKind]?.title ?? String(row.kind),
    dueOn: String(row.due_on) as LocalDate,
  };
}

/** One digest per team that has a manager and anything to report; a quiet team's managers get no mail. */
export async function compileManagerDigests(em: EntityManager, directory: StaffDirectory, asOf: Date): Promise<ManagerDigestNotice[]> {
  const on = londonDateOf(asOf);
  const until = addDays(on, DIGEST_HORIZON_DAYS);
  // Through the end of the seventh day, as a manager reads "the next 7 days".
  const horizonDays = (endOfLondonDay(until).getTime() + 1 - asOf.getTime()) / 86_400_000;
  const teams = [...new Set(directory.withRole('manager').flatMap((manager) => (manager.team ? [manager.team] : [])))].sort();
  const digests: ManagerDigestNotice[] = [];
  for (const team of teams) {
    const { overdue, comingDue } = await teamOverview(em, team, asOf, horizonDays);
    if (overdue.length === 0 && comingDue.length === 0) continue;
    digests.push({
      kind: 'MANAGER_DIGEST',
      key: noticeKey(`digest-${team}`, on, 'MANAGER_DIGEST'),
      audience: 'MANAGER',
      team,
      on,
      until,
      overdueReviews: overdue.map(itemOf),
      comingDeadlines: comingDue.map(itemOf),
    });
  }
  return digests;
}
