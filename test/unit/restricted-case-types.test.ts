import { hiddenFrom, listScope, mayReadCase, mayRunCommand } from '../../apps/api/src/auth/access-policy';
import type { Caller } from '../../libs/auth/src';
import { staffClaims } from '../../libs/auth/src/local-provider/accounts';
import { StaffDirectory } from '../../libs/directory/src';
import { CASE_TYPES, restrictionOf, suppressedInStatistics } from '../../libs/domain/src';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const caseworker: Caller = { id: 'amira.khan', name: 'Amira Khan', roles: ['caseworker'], team: 'north' };
const safeguarding: Caller = { id: 'priya.shah', name: 'Priya Shah', roles: ['caseworker', 'safeguarding'], team: 'north' };
const southSafeguarding: Caller = { id: 'tom.price', name: 'Tom Price', roles: ['caseworker', 'safeguarding'], team: 'south' };
const headOfService: Caller = { id: 'helen.ward', name: 'Helen Ward', roles: ['head_of_service'] };
const police: Caller = { id: 'pc.lewis', name: 'PC Lewis', roles: ['partner'], agency: 'police' };
const cse = { reference: 'ASB-2026-000001', team: 'north', type: 'CHILD_SEXUAL_EXPLOITATION' as const, sharedWith: [] };

describe('restricted case types', () => {
  it('restricts child sexual exploitation and Prevent, and no other type', () => {
    expect(CASE_TYPES.filter((type) => restrictionOf(type) === 'RESTRICTED')).toEqual(['PREVENT', 'CHILD_SEXUAL_EXPLOITATION']);
  });

  it('hides a CSE case from its own team’s caseworker and the head of service, and shows it to the role within its team', () => {
    expect([caseworker, headOfService, police].map((caller) => hiddenFrom(caller, cse))).toEqual([true, true, true]);
    expect(mayReadCase(caseworker, cse)).toBe(false);
    expect(mayRunCommand(caseworker, ['caseworker'], cse)).toBe(false);
    expect(mayReadCase(safeguarding, cse)).toBe(true);
    expect(mayRunCommand(safeguarding, ['caseworker'], cse)).toBe(true);
    // The role names who may see; the team still decides which cases.
    expect(mayReadCase(southSafeguarding, cse)).toBe(false);
  });

  it('shows a partner a restricted case only while it is shared with their agency', () => {
    expect(mayReadCase(police, { ...cse, sharedWith: [{ agency: 'POLICE', summaryOnly: false }] })).toBe(true);
    expect(mayReadCase(police, { ...cse, sharedWith: [{ agency: 'HOUSING', summaryOnly: false }] })).toBe(false);
  });

  it('leaves the restricted types out of the lists of everyone but the role', () => {
    expect(listScope(caseworker)).toEqual({ teams: ['north'], exceptTypes: ['PREVENT', 'CHILD_SEXUAL_EXPLOITATION'] });
    expect(listScope(headOfService)).toEqual({ all: true, exceptTypes: ['PREVENT', 'CHILD_SEXUAL_EXPLOITATION'] });
    expect(listScope(safeguarding)).toEqual({ teams: ['north'], exceptTypes: [] });
    expect(listScope(police)).toEqual({ sharedWith: 'POLICE' });
  });

  it('suppresses Prevent in statistics under 10 cases, zero included, and shows it from 10', () => {
    expect(suppressedInStatistics([])).toEqual([{ type: 'PREVENT', fewerThan: 10 }]);
    expect(suppressedInStatistics([{ key: 'PREVENT', count: 9 }])).toEqual([{ type: 'PREVENT', fewerThan: 10 }]);
    expect(suppressedInStatistics([{ key: 'PREVENT', count: 10 }, { key: 'CHILD_SEXUAL_EXPLOITATION', count: 1 }])).toEqual([]);
  });

  it('gives the role beside a working role in the staff directory, and refuses it alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'directory-'));
    const path = join(dir, 'directory.json');
    writeFileSync(path, JSON.stringify({ staff: [{ id: 'priya.shah', name: 'Priya Shah', email: 'priya@example.org', role: 'caseworker', additionalRoles: ['safeguarding'], team: 'north' }] }));
    const member = StaffDirectory.fromFile(path).find('priya.shah')!;
    expect(staffClaims(member).roles).toEqual(['caseworker', 'safeguarding']);
    writeFileSync(path, JSON.stringify({ staff: [{ id: 'sole', name: 'Sole Role', email: 'sole@example.org', role: 'safeguarding', team: 'north' }] }));
    expect(() => StaffDirectory.fromFile(path)).toThrow('staff.0.role: safeguarding is held beside a working role: list it in additionalRoles');
  });
});
