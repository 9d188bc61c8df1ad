import { ACT_2026_PROVISIONS, diffPolicyVersions, draftFrom, judgePolicyDraft, POLICY_VERSIONS, type PolicyVersion, type RecordEnforcementStepCommand } from '../../libs/domain/src';
import { DARREN, KYLE, openCase, stepRefusal } from './case-builder';

const shipped = POLICY_VERSIONS[0]!;

describe('what changed between two policy versions', () => {
  it('is nothing between a version and itself', () => {
    expect(diffPolicyVersions(shipped, structuredClone(shipped))).toEqual([]);
  });

  it('lists each changed local number with its value before and after, and statutory entries with their commencement', () => {
    const { draft, problems } = draftFrom(
      { id: '2027.1', effectiveFrom: '2027-04-01', local: { communityProtectionWarningComplianceDays: 21, reviewIntervalDays: { HIGH: 5 } }, commence: [{ provision: 'CPN_FIXED_PENALTY_500', on: '2027-06-01' }] },
      shipped,
    );
    expect(problems).toEqual([]);
    expect(judgePolicyDraft(draft)).toEqual([]);
    expect(diffPolicyVersions(shipped, draft as PolicyVersion)).toEqual([
      { path: 'local.reviewIntervalDays.HIGH', before: 7, after: 5 },
      { path: 'local.communityProtectionWarningComplianceDays', before: 14, after: 21 },
      { path: 'statutory.fixedPenaltyMaximumPounds', commencement: '2027-06-01', before: null, after: 500, source: ACT_2026_PROVISIONS.CPN_FIXED_PENALTY_500.source },
    ]);
  });

  it('shows a local number added or taken out, and a statutory entry changed on its own date', () => {
    const next = structuredClone(shipped) as any;
    next.local.comingDueReminderWorkingDays = 3;
    next.statutory.cpnAppealWindowDays = [{ ...next.statutory.cpnAppealWindowDays[0], value: 28 }];
    expect(diffPolicyVersions(shipped, next)).toEqual([
      { path: 'local.comingDueReminderWorkingDays', before: null, after: 3 },
      { path: 'statutory.cpnAppealWindowDays', commencement: '2014-10-20', before: 21, after: 28, source: shipped.statutory.cpnAppealWindowDays[0]!.source },
    ]);
    expect(diffPolicyVersions(next, shipped)[0]).toEqual({ path: 'local.comingDueReminderWorkingDays', before: 3, after: null });
  });
});

describe('commencing a provision of the Crime and Policing Act 2026 in a draft', () => {
  it('adds its entry to its rule in date order, leaving the 2014 value in force until then', () => {
    const { draft } = draftFrom({ id: '2027.1', effectiveFrom: '2027-04-01', commence: [{ provision: 'RESPECT_ORDERS', on: '2027-09-01' }, { provision: 'CPW_MINIMUM_AGE_10', on: '2027-09-01' }] }, shipped);
    const statutory = (draft as PolicyVersion).statutory;
    expect(statutory.respectOrdersInForce.map((entry) => [entry.effectiveFrom, entry.value])).toEqual([['2014-10-20', false], ['2027-09-01', true]]);
    expect(statutory.cpwMinimumAge.map((entry) => [entry.effectiveFrom, entry.value])).toEqual([['2014-10-20', 16], ['2027-09-01', 10]]);
    expect(judgePolicyDraft(draft)).toEqual([]);
  });

  it('asks for the date where none is published, and names a provision it does not know', () => {
    expect(draftFrom({ id: '2027.1', effectiveFrom: '2027-04-01', commence: [{ provision: 'CPN_FIXED_PENALTY_500' }, { provision: 'NO_SUCH' as never, on: '2027-01-01' }] }, shipped).problems).toEqual([
      { field: 'commence[0].on', message: 'no commencement date is published for CPN_FIXED_PENALTY_500: say the day it comes into force' },
      { field: 'commence[1].provision', message: 'no such provision: one of CPN_FIXED_PENALTY_500, PSPO_FIXED_PENALTY_500, RESPECT_ORDERS, CPW_MINIMUM_AGE_10' },
    ]);
  });

  it('ships each provision with its source and value, and no commencement date none has published', () => {
    expect(Object.values(ACT_2026_PROVISIONS).map((p) => [p.rule, p.value, 'commencement' in p])).toEqual([
      ['fixedPenaltyMaximumPounds', 500, false],
      ['pspoFixedPenaltyMaximumPounds', 500, false],
      ['respectOrdersInForce', true, false],
      ['cpwMinimumAge', 10, false],
    ]);
    for (const p of Object.values(ACT_2026_PROVISIONS)) expect(p.source).toMatch(/^Crime and Policing Act 2026, Part 1/);
  });
});

describe('the shipped provisions on the ladder, once a version commences them', () => {
  const { draft } = draftFrom({ id: '2027.1', effectiveFrom: '2026-01-01', commence: [{ provision: 'CPW_MINIMUM_AGE_10', on: '2027-01-01' }, { provision: 'RESPECT_ORDERS', on: '2027-01-01' }] }, shipped);
  const file = () => openCase({}, '2026-11-02T09:00:00Z', draft as PolicyVersion);
  const cpw: RecordEnforcementStepCommand = { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: KYLE.id, conductConfirmed: true, skipReason: 'Persistent over months' };

  it('gives a 15-year-old a CPW from the day the lower age commences, not before', () => {
    expect(stepRefusal(file(), cpw, '2026-12-31T12:00:00Z')?.condition).toBe('SUBJECT_TOO_YOUNG');
    expect(stepRefusal(file(), cpw, '2027-01-01T09:00:00Z')).toBeUndefined();
  });

  it('takes a Respect Order for an adult from the day it commences, and no longer a civil injunction', () => {
    const order: RecordEnforcementStepCommand = { kind: 'RESPECT_ORDER', subjectId: DARREN.id, skipReason: 'Serious harassment' };
    expect(stepRefusal(file(), order, '2026-12-31T12:00:00Z')?.condition).toBe('NOT_IN_FORCE');
    expect(stepRefusal(file(), order, '2027-01-04T10:00:00Z')).toBeUndefined();
    expect(stepRefusal(file(), { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: 'Serious harassment' }, '2027-01-04T10:00:00Z')?.condition).toBe('RESPECT_ORDER_APPLIES');
  });
});
