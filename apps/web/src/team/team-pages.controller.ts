import { Controller, ForbiddenException, Get, Param, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import { StaffDirectory } from '../../../../libs/directory/src';
import { AuditAction } from '../../../api/src/audit/audit-action.decorator';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import { mayReadTeamOverview } from '../../../api/src/cases/case-reports';
import { TeamOverview } from './team-overview';

/** The manager's team overview, scoped as the API's `GET /teams/{team}/overview`: the team's manager and the head of service. */
@Controller()
export class TeamPagesController {
  constructor(
    private readonly overview: TeamOverview,
    private readonly directory: StaffDirectory,
  ) {}

  /** "Team" in the menu: a manager's own team; the head of service, who oversees every team, picks one. */
  @Get('team')
  ownTeam(@CurrentCaller() caller: Caller, @Res() res: Response): void {
    if (caller.team && caller.roles.includes('manager')) return res.redirect(303, `/teams/${encodeURIComponent(caller.team)}`);
    const teams = this.directory.teams().filter((team) => mayReadTeamOverview(caller, team));
    if (teams.length === 0) throw new ForbiddenException();
    res.render('team/teams', { pageTitle: 'Teams', activeNav: 'team', teams });
  }

  @Get('teams/:team')
  @Render('team/team-overview')
  @AuditAction('team.overview')
  async team(@Param('team') team: string, @CurrentCaller() caller: Caller) {
    const overview = await this.overview.of(caller, team);
    return { pageTitle: `The ${team} team`, activeNav: 'team', ...overview };
  }
}
