import type { Caller, StaffRole } from '../../../../libs/auth/src';
import { type CaseType, RESTRICTED_CASE_TYPES, restrictionOf } from '../../../../libs/domain/src';

/** What the policy needs to know about a case to decide who may see or change it. */
export interface CaseScope {
  readonly reference: string;
  readonly team: string;
  readonly type: CaseType;
  readonly sharedWith?: readonly { readonly agency: string; readonly summaryOnly: boolean }[];
}

/** Roles that see every team's cases: oversight and the legal team's queue. */
const ACROSS_TEAMS: readonly StaffRole[] = ['head_of_service', 'legal', 'case_review_coordinator', 'admin'];
const TEAM_ROLES: readonly StaffRole[] = ['caseworker', 'manager'];

const has = (caller: Caller, roles: readonly StaffRole[]) => caller.roles.some((role) => roles.includes(role));

/** The share with the caller's agency, for a partner. Agencies compare without regard to case ('police' = 'POLICE'). */
export function shareFor(caller: Caller, scope: Pick<CaseScope, 'sharedWith'>) {
  if (!caller.roles.includes('partner') || !caller.agency) return undefined;
  const agency = caller.agency.toUpperCase();
  return scope.sharedWith?.find((share) => share.agency === agency);
}

/**
 * A restricted case (CSE, Prevent) does not exist for anyone not named for it: the `safeguarding` role
 * (within what the holder's other roles reach), or a partner agency the case is shared with. Everyone
 * else, admins included, is answered 404, never 403, so that a reference tried by URL says nothing.
 */
export function hiddenFrom(caller: Caller, scope: Pick<CaseScope, 'type' | 'sharedWith'>): boolean {
  if (restrictionOf(scope.type) !== 'RESTRICTED') return false;
  return !caller.roles.includes('safeguarding') && shareFor(caller, scope) === undefined;
}

/**
 * Deny by default. Caseworkers and managers work their own team's cases; legal, the head of service,
 * the case review coordinator and admins see across teams. Partners see only cases shared with their
 * agency (s.115), and a summary-only share shows them the summary alone. A restricted case only the
 * named see (`hiddenFrom`).
 */
export function mayReadCase(caller: Caller, scope: CaseScope): boolean {
  if (hiddenFrom(caller, scope)) return false;
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
  if (hiddenFrom(caller, scope)) return false;
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
export function searchScopeOf(caller: Caller): CaseScopeFilter {
  const scope = listScope(caller);
  const except = exceptTypesOf(scope);
  if ('teams' in scope) return { teams: scope.teams, ...except };
  if ('sharedWith' in scope) return { sharedInFullWith: scope.sharedWith };
  if ('none' in scope) return { teams: [] };
  return except;
}

/**
 * Which cases the caller may list and count: all, their team's, those shared with their agency, or none;
 * `exceptTypes` are the restricted types the caller is not named for (a partner's shared cases need none:
 * the share names the agency).
 */
export type ListScope =
  | { readonly all: true; readonly exceptTypes: readonly CaseType[] }
  | { readonly teams: readonly string[]; readonly exceptTypes: readonly CaseType[] }
  | { readonly sharedWith: string }
  | { readonly none: true };

/** The restricted types whose cases the caller's lists, reports and counts leave out: all of them, unless the caller holds `safeguarding`. */
export function typesHiddenFrom(caller: Caller): readonly CaseType[] {
  return caller.roles.includes('safeguarding') ? [] : RESTRICTED_CASE_TYPES;
}

export function listScope(caller: Caller): ListScope {
  const exceptTypes = typesHiddenFrom(caller);
  if (has(caller, ACROSS_TEAMS)) return { all: true, exceptTypes };
  if (has(caller, TEAM_ROLES) && caller.team) return { teams: [caller.team], exceptTypes };
  if (caller.roles.includes('partner') && caller.agency) return { sharedWith: caller.agency.toUpperCase() };
  return { none: true };
}

/** The list scope as the SQL filter of libs/persistence takes it (`caseFilterClauses`); undefined for none. */
export interface CaseScopeFilter {
  readonly teams?: readonly string[];
  readonly sharedWith?: string;
  readonly sharedInFullWith?: string;
  readonly exceptTypes?: readonly CaseType[];
}

export function listFilterOf(caller: Caller): CaseScopeFilter | undefined {
  const scope = listScope(caller);
  if ('none' in scope) return undefined;
  if ('sharedWith' in scope) return { sharedWith: scope.sharedWith };
  return { ...('teams' in scope ? { teams: scope.teams } : {}), ...exceptTypesOf(scope) };
}

function exceptTypesOf(scope: ListScope): { readonly exceptTypes?: readonly CaseType[] } {
  return 'exceptTypes' in scope && scope.exceptTypes.length > 0 ? { exceptTypes: scope.exceptTypes } : {};
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
