import type { StaffDirectory, StaffMember } from '../../../directory/src';

/**
 * The claims a staff member's ID token carries: those the API's token verifier reads (`CallerClaims`:
 * name, roles, team, agency) under the `profile` scope, so that the console's caller and the API's are
 * the same person with the same rights.
 */
export function staffClaims(member: StaffMember): { sub: string; [claim: string]: unknown } {
  return {
    sub: member.id,
    name: member.name,
    email: member.email,
    roles: [member.role, ...(member.additionalRoles ?? [])],
    ...(member.team ? { team: member.team } : {}),
    ...(member.agency ? { agency: member.agency } : {}),
  };
}

export const STAFF_SCOPE_CLAIMS = { openid: ['sub'], profile: ['name', 'roles', 'team', 'agency'], email: ['email'] };

/** How the sign-in page describes a member: their role, and their team or agency. */
export function staffDescription(member: StaffMember): string {
  const words = member.role.replaceAll('_', ' ');
  const role = words.charAt(0).toUpperCase() + words.slice(1) + (member.additionalRoles?.includes('safeguarding') ? ' (safeguarding)' : '');
  if (member.team) return `${role}, ${member.team} team`;
  if (member.agency) return `${role}, ${member.agency}`;
  return role;
}

export function directoryAccount(directory: StaffDirectory, id: string): { accountId: string; claims: () => ReturnType<typeof staffClaims> } | undefined {
  const member = directory.find(id);
  return member ? { accountId: member.id, claims: () => staffClaims(member) } : undefined;
}
