import type { Caller, StaffRole } from '../../../../libs/auth/src';

/** What the policy needs to know about a case to decide who may see or change it. */
export interface CaseScope {
  readonly reference: string;
  readonly team: string;
}

/** Roles that see every team's cases: oversight and the legal team's queue. */
const ACROSS_TEAMS: readonly StaffRole[] = ['head_of_service', 'legal', 'case_review_coordinator', 'admin'];
const TEAM_ROLES: readonly StaffRole[] = ['caseworker', 'manager'];

const has = (caller: Caller, roles: readonly StaffRole[]) => caller.roles.some((role) => roles.includes(role));

/**
 * Deny by default. Caseworkers and managers work their own team's cases; legal, the head of service,
 * the case review coordinator and admins see across teams. Partners see only cases shared with their
 * agency, and no sharing is recorded yet, so they see none.
 */
export function mayReadCase(caller: Caller, scope: CaseScope): boolean {
  if (has(caller, ACROSS_TEAMS)) return true;
  return has(caller, TEAM_ROLES) && caller.team === scope.team;
}

/** A command is allowed to the roles its route lists, and a team role only on its own team's cases. */
export function mayRunCommand(caller: Caller, allowed: readonly StaffRole[], scope: CaseScope): boolean {
  const granted = caller.roles.filter((role) => allowed.includes(role));
  if (granted.length === 0) return false;
  return granted.some((role) => !TEAM_ROLES.includes(role) || caller.team === scope.team);
}

export function mayOpenCase(caller: Caller, team: string): boolean {
  return has(caller, TEAM_ROLES) && caller.team === team;
}

/** The teams whose cases the caller may list and count: undefined for all, [] for none. */
export function visibleTeams(caller: Caller): readonly string[] | undefined {
  if (has(caller, ACROSS_TEAMS)) return undefined;
  return has(caller, TEAM_ROLES) && caller.team ? [caller.team] : [];
}
