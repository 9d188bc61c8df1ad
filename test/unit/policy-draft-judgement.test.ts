import { DEFAULT_CASE_TYPE_POLICY, judgePolicyDraft, leavesOf, POLICY_RANGES, POLICY_VERSIONS, type PolicyVersion, rangeOf } from '../../libs/domain/src';

const shipped = POLICY_VERSIONS[0]!;
const draft = (change: (version: any) => void): unknown => {
  const copy = structuredClone({ ...shipped, id: '2027.1', effectiveFrom: '2027-04-01' }) as any;
  change(copy);
  return copy;
};

describe('judging a draft policy version', () => {
  it('finds nothing wrong with the shipped version, or a copy of it under a new id', () => {
    expect(judgePolicyDraft(shipped)).toEqual([]);
    expect(judgePolicyDraft(draft(() => undefined))).toEqual([]);
  });

  it('has a range for every number a version holds, the optional ones included', () => {
    const everything = draft((v) => {
      v.local.comingDueReminderWorkingDays = 2;
      v.local.fixedPenaltyEarlyPayment = { reducedAmountPounds: 60, withinDays: 10 };
      v.local.caseTypes = DEFAULT_CASE_TYPE_POLICY;
    });
    const numbers = [...leavesOf(everything)].filter(([, value]) => typeof value === 'number').map(([path]) => path);
    expect(numbers.filter((path) => !rangeOf(path))).toEqual([]);
    expect(judgePolicyDraft(everything)).toEqual([]);
    // and no line of the table that matches nothing a version holds
    const used = new Set(numbers.map((path) => Object.keys(POLICY_RANGES).find((key) => rangeOf(path) === POLICY_RANGES[key])));
    expect(Object.keys(POLICY_RANGES).filter((key) => !used.has(key))).toEqual([]);
  });

  it('names each number out of its range, with the range and the value', () => {
    const problems = judgePolicyDraft(
      draft((v) => {
        v.local.reviewIntervalDays.STANDARD = 400;
        v.local.communityProtectionWarningComplianceDays = 0;
        v.local.retentionYears = 0;
        v.statutory.fixedPenaltyMaximumPounds = [...v.statutory.fixedPenaltyMaximumPounds, { effectiveFrom: '2027-01-01', value: 750, source: 'a mistake' }];
      }),
    );
    expect(problems).toEqual([
      { field: 'local.reviewIntervalDays.STANDARD', message: 'must be 1–365 days, not 400' },
      { field: 'local.communityProtectionWarningComplianceDays', message: 'must be 1–365 days, not 0' },
      { field: 'local.retentionYears', message: 'must be 1–100 years, not 0' },
      { field: 'statutory.fixedPenaltyMaximumPounds[1].value', message: 'must be 1–500 pounds, not 750' },
    ]);
  });

  it('holds a higher risk to contact and review no less often than a lower one', () => {
    const problems = judgePolicyDraft(
      draft((v) => {
        v.local.reviewIntervalDays = { HIGH: 30, MEDIUM: 14, STANDARD: 28 };
        v.local.initialContactWorkingDays = { HIGH: 1, MEDIUM: 6, STANDARD: 5 };
      }),
    );
    expect(problems).toEqual([
      { field: 'local.initialContactWorkingDays.MEDIUM', message: 'must be no more than local.initialContactWorkingDays.STANDARD (5): a higher risk is contacted no later than a lower one' },
      { field: 'local.reviewIntervalDays.HIGH', message: 'must be no more than local.reviewIntervalDays.MEDIUM (14): a higher risk is reviewed at least as often as a lower one' },
    ]);
  });

  it('names every missing field, and a number that is not a whole number', () => {
    const problems = judgePolicyDraft(
      draft((v) => {
        delete v.local.retentionYears;
        delete v.local.caseReview.meetingWorkingDays;
        delete v.statutory.tenantReviewRequestDays;
        v.local.complianceCheckWorkingDays = 2.5;
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'local.retentionYears', message: 'missing' },
        { field: 'local.caseReview.meetingWorkingDays', message: 'missing' },
        { field: 'statutory.tenantReviewRequestDays', message: 'missing' },
        { field: 'local.complianceCheckWorkingDays', message: expect.stringMatching(/int/i) },
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('keeps each statutory rule’s entries in date order, one a date, each with its source', () => {
    const law = (entries: PolicyVersion['statutory']['cpwMinimumAge']) => draft((v) => (v.statutory.cpwMinimumAge = entries));
    expect(judgePolicyDraft(law([{ effectiveFrom: '2014-10-20', value: 16, source: 's.43(1)' }, { effectiveFrom: '2014-10-20', value: 10, source: '2026 Act' }]))).toEqual([
      { field: 'statutory.cpwMinimumAge[1].effectiveFrom', message: 'two entries take effect on 2014-10-20: one date, one value' },
    ]);
    expect(judgePolicyDraft(law([{ effectiveFrom: '2027-01-01', value: 10, source: '2026 Act' }, { effectiveFrom: '2014-10-20', value: 16, source: 's.43(1)' }]))).toEqual([
      { field: 'statutory.cpwMinimumAge[1].effectiveFrom', message: 'entries are in date order: 2014-10-20 comes before the entry above it (2027-01-01)' },
    ]);
    expect(judgePolicyDraft(law([{ effectiveFrom: '2014-10-20', value: 16, source: ' ' }]))).toEqual([{ field: 'statutory.cpwMinimumAge[0].source', message: 'each statutory entry names its source' }]);
    expect(judgePolicyDraft(law([]))).toEqual([{ field: 'statutory.cpwMinimumAge', message: 'a statutory rule needs at least one entry' }]);
  });

  it('orders a closure notice’s hours within each entry', () => {
    const problems = judgePolicyDraft(draft((v) => (v.statutory.closureNoticeHours = [{ effectiveFrom: '2014-10-20', value: { standard: 48, extended: 24 }, source: 's.77(1)' }])));
    expect(problems).toEqual([{ field: 'statutory.closureNoticeHours[0].value.standard', message: 'must be no more than statutory.closureNoticeHours[0].value.extended (24): an extended closure notice lasts at least as long as a standard one' }]);
  });

  it('refuses an id or an effective date that is not one, and a field the version does not have', () => {
    const problems = judgePolicyDraft(draft((v) => Object.assign(v, { id: 'next', effectiveFrom: '2027-02-30', colour: 'blue' })));
    expect(problems.map((problem) => problem.field).sort()).toEqual(['', 'effectiveFrom', 'id']);
    expect(problems.find((problem) => problem.field === '')!.message).toMatch(/colour/);
  });
});
