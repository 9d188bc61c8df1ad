import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffDirectory } from '../libs/directory/src';
import { addDays, DEADLINE_CATALOGUE, endOfLondonDay, type DigestItem, londonDateOf, type ManagerDigestNotice, noticeKey } from '../libs/domain/src';
import { type CaseDeadlineItem, teamOverview } from '../libs/persistence/src';

const DIGEST_HORIZON_DAYS = 7;

function itemOf(deadline: CaseDeadlineItem): DigestItem {
  return {
    reference: deadline.reference,
    ...(deadline.riskLevel ? { riskLevel: deadline.riskLevel } : {}),
    ...(deadline.caseworker ? { caseworker: deadline.caseworker } : {}),
    title: DEADLINE_CATALOGUE[deadline.kind].title,
    dueOn: deadline.dueOn,
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
