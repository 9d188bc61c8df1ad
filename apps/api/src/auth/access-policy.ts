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
 * How a partner may come to send a command its route allows them: for an action assigned to their own
 * agency, or on a case shared in full with their agency (a summary-only share is for reading).
 */
export type PartnerGrant = { readonly actionAgency: string | undefined } | { readonly fullShare: true };

/** A command is allowed to the roles its route lists: a team role only on its own team's cases, a partner only as `partnerGrant` says. */
export function mayRunCommand(caller: Caller, allowed: readonly StaffRole[], scope: CaseScope, partnerGrant?: PartnerGrant): boolean {
  const granted = caller.roles.filter((role) => allowed.includes(role));
  return granted.some((role) => {
    if (TEAM_ROLES.includes(role)) return caller.team === scope.team;
    if (role === 'partner') return partnerGrant !== undefined && partnerMay(caller, scope, partnerGrant);
    return true;
  });
}

function partnerMay(caller: Caller, scope: CaseScope, grant: PartnerGrant): boolean {
  if ('fullShare' in grant) return shareFor(caller, scope)?.summaryOnly === false;
  return grant.actionAgency !== undefined && caller.agency?.toUpperCase() === grant.actionAgency.toUpperCase();
}

/**
 * A team's caseworkers and managers open its cases. A partner agency's user refers one to any team (the
 * police, a housing provider): the referral arrives untriaged and unallocated, as `referralRefusal` holds.
 */
export function mayOpenCase(caller: Caller, team: string): boolean {
  return (has(caller, TEAM_ROLES) && caller.team === team) || refersAsPartner(caller);
}

/** Opening as a partner: a referral from their agency, not a case of their own. */
export function refersAsPartner(caller: Caller): caller is Caller & { readonly agency: string } {
  return caller.roles.includes('partner') && !has(caller, TEAM_ROLES) && caller.agency !== undefined && caller.agency !== '';
}

/**
 * The cases a search (or a possible duplicate) is looked for among: a partner finds only cases shared
 * with their agency in full, since a summary-only share withholds the names, the address and the summary.
 */
export function searchScopeOf(caller: Caller): { readonly teams?: readonly string[]; readonly sharedInFullWith?: string } {
  const scope = listScope(caller);
  if ('teams' in scope) return { teams: scope.teams };
  if ('sharedWith' in scope) return { sharedInFullWith: scope.sharedWith };
  if ('none' in scope) return { teams: [] };
  return {};
}

/** Which cases the caller may list and count: all, their team's, those shared with their agency, or none. */
export type ListScope = { readonly all: true } | { readonly teams: readonly string[] } | { readonly sharedWith: string } | { readonly none: true };

export function listScope(caller: Caller): ListScope {
  if (has(caller, ACROSS_TEAMS)) return { all: true };
  if (has(caller, TEAM_ROLES) && caller.team) return { teams: [caller.team] };
  if (caller.roles.includes('partner') && caller.agency) return { sharedWith: caller.agency.toUpperCase() };
  return { none: true };
}

/**
 * PSPOs are the council's orders over public places, published in full (the Publication Regulations
 * 2014), and name no one: every staff role reads them, partners too (the police enforce them).
 * Making one and deciding on it (consultation, extension, variation, discharge) is a decision of the
 * council (s.59, s.60, s.61): for managers, the head of service and admins, never a caseworker or a
 * partner. A breach and its fixed penalty are recorded by those who deal with it: the council's
 * caseworkers and managers (authorised persons, s.68), the head of service and admins, and the police
 * (constables, s.68(1)) as a partner of agency POLICE.
 */
const PSPO_DECIDERS: readonly StaffRole[] = ['manager', 'head_of_service', 'admin'];
const PSPO_BREACH_RECORDERS: readonly StaffRole[] = ['caseworker', 'manager', 'head_of_service', 'admin'];

export function mayDecidePspo(caller: Caller): boolean {
  return has(caller, PSPO_DECIDERS);
}

export function mayRecordPspoBreach(caller: Caller): boolean {
  return has(caller, PSPO_BREACH_RECORDERS) || (caller.roles.includes('partner') && caller.agency?.toUpperCase() === 'POLICE');
}
