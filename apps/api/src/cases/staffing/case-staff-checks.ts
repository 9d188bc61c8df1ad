import { Injectable } from '@nestjs/common';
import type { CaseCommandName } from '../../../../../libs/domain/src';
import { StaffDirectory } from '../../../../../libs/directory/src';
import { problems } from '../../http/problem';

/**
 * Who a command hands a case to must exist: a team, or a caseworker, the staff directory knows. The
 * workflow cannot read the directory, and a case given to nobody real would wait for a manager or a
 * caseworker who is never told (its alerts have no one to go to), so the API refuses it first (422,
 * the field named), before anything is sent.
 */
@Injectable()
export class CaseStaffChecks {
  constructor(private readonly directory: StaffDirectory) {}

  check(name: CaseCommandName, command: Record<string, unknown>): void {
    if (name === 'transferCase') {
      const team = String(command.team);
      const teams = this.directory.teams();
      if (!teams.includes(team)) throw problems.unprocessable([{ field: 'team', message: `no team ${team} in the staff directory (its teams: ${teams.join(', ')})` }]);
      if (command.caseworker !== undefined) this.mustBeCaseworker(String(command.caseworker), team);
    }
    if (name === 'allocate') this.mustBeCaseworker(String(command.caseworker));
  }

  private mustBeCaseworker(id: string, team?: string): void {
    const member = this.directory.find(id);
    const works = member && (member.role === 'caseworker' || member.role === 'manager') && (team === undefined || member.team === team);
    if (!works) throw problems.unprocessable([{ field: 'caseworker', message: `${id} is not a caseworker${team ? ` of team ${team}` : ''} in the staff directory` }]);
  }
}
