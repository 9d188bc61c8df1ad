import type { Caller, StaffRole } from '../../../../libs/auth/src';

/** What the policy needs to know about a case to decide who may see or change it. */
export interface CaseScope {
  readonly reference: string;
  readonly team: string;
  readonly sharedWith?: readonly { readonly agency: string; readonly summaryOnly: boolean }[];
}

/** Roles that see every team's cases: oversight and the legal team's queue. */
const ACROSS_TEAMS: readonly StaffRole[] = ['head_of_service', 'legal', 'case_review_coordinator', 'admin'];
const TEAM_ROLES: readonly StaffRole[] = ['caseworker', 'manager'];

const has = (caller: Caller, roles: readonly StaffRole[]) => caller.roles.some((role) => roles.includes(role));

/** The share with the caller's agency, for a partner. Agencies compare without regard to case ('police' = 'POLICE'). */
export function shareFor(caller: Caller, scope: CaseScope) {
  if (!caller.roles.includes('partner') || !caller.agency) return undefined;
  const agency = caller.agency.toUpperCase();
  return scope.sharedWith?.find((share) => share.agency === agency);
}

/**
 * Deny by default. Caseworkers and managers work their own team's cases; legal, the head of service,
 * the case review coordinator and admins see across teams. Partners see only cases shared with their
 * agency (s.115), and a summary-only share shows them the summary alone.
 */
export function mayReadCase(caller: Caller, scope: CaseScope): boolean {
  if (has(caller, ACROSS_TEAMS)) return true;
  if (has(caller, TEAM_ROLES) && caller.team === scope.team) return true;
  return shareFor(caller, scope) !== undefined;
}

/** Whether the caller may see only the summary: a partner whose agency has a summary-only share. */
export function seesSummaryOnly(caller: Caller, scope: CaseScope): boolean {
  if (has(caller, ACROSS_TEAMS) || (has(caller, TEAM_ROLES) && caller.team === scope.team)) return false;
  return shareFor(caller, scope)?.summaryOnly ?? true;
}

/**
 * A command is allowed to the roles its route lists: a team role only on its own team's cases, a
 * partner only for an action assigned to their own agency (`actionAgency`).
 */
export function mayRunCommand(caller: Caller, allowed: readonly StaffRole[], scope: CaseScope, actionAgency?: string): boolean {
  const granted = caller.roles.filter((role) => allowed.includes(role));
  return granted.some((role) => {
    if (TEAM_ROLES.includes(role)) return caller.team === scope.team;
    if (role === 'partner') return actionAgency !== undefined && caller.agency?.toUpperCase() === actionAgency.toUpperCase();
    return true;
  });
}

export function mayOpenCase(caller: Caller, team: string): boolean {
  return has(caller, TEAM_ROLES) && caller.team === team;
}

/** Which cases the caller may list and count: all, their team's, those shared with their agency, or none. */
export type ListScope = { readonly all: true } | { readonly teams: readonly string[] } | { readonly sharedWith: string } | { readonly none: true };

export function listScope(caller: Caller): ListScope {
  if (has(caller, ACROSS_TEAMS)) return { all: true };
  if (has(caller, TEAM_ROLES) && caller.team) return { teams: [caller.team] };
  if (caller.roles.includes('partner') && caller.agency) return { sharedWith: caller.agency.toUpperCase() };
  return { none: true };
}
