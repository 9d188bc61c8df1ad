import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const STAFF_ROLES = ['caseworker', 'manager', 'head_of_service', 'legal', 'partner', 'case_review_coordinator', 'admin', 'safeguarding'] as const;

/**
 * `safeguarding` names who may see restricted cases (CSE, Prevent: docs/restricted-case-types.md). It is
 * held beside a working role, whose team or reach it keeps, and grants no work of its own.
 */
const StaffMemberSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.email(),
  role: z.enum(STAFF_ROLES).refine((role) => role !== 'safeguarding', 'safeguarding is held beside a working role: list it in additionalRoles'),
  additionalRoles: z.array(z.literal('safeguarding')).optional(),
  team: z.string().min(1).optional(),
  agency: z.string().min(1).optional(),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

const DirectorySchema = z.object({ staff: z.array(StaffMemberSchema) });

/**
 * Who works where, by role, team and agency: the source of every alert's recipients. A partnership
 * points `DIRECTORY_PATH` at its own export (from its identity provider, say); no address is in code.
 */
export class StaffDirectory {
  constructor(private readonly staff: readonly StaffMember[]) {}

  static fromFile(path: string): StaffDirectory {
    const parsed = DirectorySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      throw new Error(`staff directory ${path} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return new StaffDirectory(parsed.data.staff);
  }

  managersOf(team: string): StaffMember[] {
    return this.staff.filter((member) => member.role === 'manager' && member.team === team);
  }

  withRole(role: (typeof STAFF_ROLES)[number]): StaffMember[] {
    return this.staff.filter((member) => member.role === role || member.additionalRoles?.some((held) => held === role));
  }

  /** An agency's partner users; agencies compare without regard to case ('police' = 'POLICE'). */
  ofAgency(agency: string): StaffMember[] {
    return this.staff.filter((member) => member.role === 'partner' && member.agency?.toUpperCase() === agency.toUpperCase());
  }

  /** Everyone, in the directory's order: the local identity provider's accounts. */
  members(): readonly StaffMember[] {
    return this.staff;
  }

  /** The partnership's teams: every team someone in the directory belongs to, by name. */
  teams(): string[] {
    return [...new Set(this.staff.flatMap((member) => (member.team ? [member.team] : [])))].sort();
  }

  find(id: string): StaffMember | undefined {
    return this.staff.find((member) => member.id === id);
  }
}
