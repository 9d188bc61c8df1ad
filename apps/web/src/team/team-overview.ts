import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { DEADLINE_CATALOGUE, type Forum } from '../../../../libs/domain/src';
import { StaffDirectory } from '../../../../libs/directory/src';
import type { CaseDeadlineItem, CaseListItem } from '../../../../libs/persistence/src';
import { type CaseQuery, findCases } from '../../../api/src/cases/case-finder';
import { CaseReports } from '../../../api/src/cases/case-reports';
import { staffNameOf } from '../rendering/staff-names';

/** More open cases than a team holds at once: the page lists them all. */
const TEAM_LIMIT = 200;
/** Where a case goes when escalated one step (docs/domain.md, Forums). */
const NEXT_FORUM: Readonly<Partial<Record<Forum, 'MAG' | 'JAG'>>> = { GENERAL_CASEWORK: 'MAG', MAG: 'JAG' };
const FINISHED = new Set(['CLOSED', 'ANONYMISED', 'CLOSURE_REVIEW', 'REPORTED', 'TRIAGED']);

/**
 * A manager's day: overdue reviews, then what falls due in the next 7 days (the API's team overview,
 * with its access rule), then what waits for the manager: cases to allocate, closures to decide, and
 * the open cases they may escalate to the MAG or the JAG.
 */
@Injectable()
export class TeamOverview {
  constructor(
    private readonly reports: CaseReports,
    private readonly em: EntityManager,
    private readonly directory: StaffDirectory,
  ) {}

  async of(caller: Caller, team: string) {
    const { overdue, comingDue } = await this.reports.teamOverview(caller, team);
    const inStage = (stage: 'TRIAGED' | 'CLOSURE_REVIEW') => this.list(caller, { team, stage });
    const open = (await this.list(caller, { team })).filter((row) => !FINISHED.has(row.stage) && NEXT_FORUM[row.forum]);
    return {
      team,
      overdue: overdue.map(this.deadline),
      comingDue: comingDue.map(this.deadline),
      unallocated: (await inStage('TRIAGED')).map(this.row),
      closures: (await inStage('CLOSURE_REVIEW')).map(this.row),
      escalations: open.map((row) => ({ ...this.row(row), nextForum: NEXT_FORUM[row.forum]! })),
    };
  }

  /** The team's cases as the API's `GET /cases?team=` lists them for the caller. */
  private list(caller: Caller, filter: CaseQuery['filter']): Promise<CaseListItem[]> {
    return findCases(this.em.fork(), caller, { filter, sort: 'reference', limit: TEAM_LIMIT }).then(({ rows }) => rows);
  }

  private deadline = (item: CaseDeadlineItem) => ({ ...item, title: DEADLINE_CATALOGUE[item.kind].title, caseworkerName: staffNameOf(this.directory, item.caseworker) });

  private row = (row: CaseListItem) => ({ ...row, caseworkerName: staffNameOf(this.directory, row.caseworker) });
}
