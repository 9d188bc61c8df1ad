import { z } from 'zod';
import { STAFF_ROLES } from '../../directory/src';
import { plainTextPattern } from '../../domain/src';

/** Claims end up in the timeline and the audit trail: held to the rule for any stored text. */
const claimText = z.string().regex(new RegExp(plainTextPattern(1), 'u'), 'must be plain text, without control characters');

export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who is making a request, from their verified token. */
export interface Caller {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly StaffRole[];
  readonly team?: string;
  readonly agency?: string;
}

/** The claims the service reads; `roles` may be one string or a list, as identity providers differ. */
export const CallerClaims = z.object({
  sub: claimText,
  name: claimText.optional(),
  roles: z.union([z.enum(STAFF_ROLES), z.array(z.enum(STAFF_ROLES)).min(1)]),
  team: claimText.optional(),
  agency: claimText.optional(),
});

export function callerFrom(claims: z.infer<typeof CallerClaims>): Caller {
  return {
    id: claims.sub,
    name: claims.name ?? claims.sub,
    roles: Array.isArray(claims.roles) ? claims.roles : [claims.roles],
    ...(claims.team ? { team: claims.team } : {}),
    ...(claims.agency ? { agency: claims.agency } : {}),
  };
}
