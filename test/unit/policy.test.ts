import { localDate, POLICY_VERSIONS, type PolicyVersion, policyInForceOn, policyVersion } from '../../libs/domain/src';

const d = localDate;

describe('the policy version a case runs under', () => {
  it('is 2026.1 from its first day', () => {
    expect(policyInForceOn(d('2026-01-01')).id).toBe('2026.1');
    expect(policyInForceOn(d('2026-12-03')).id).toBe('2026.1');
  });

  it('does not exist before the first version took effect', () => {
    expect(() => policyInForceOn(d('2025-12-31'))).toThrow(/no policy version is in force on 2025-12-31/);
  });

  it('carries the default numbers of the domain brief', () => {
    const local = policyVersion('2026.1').local;
    expect(local.initialContactWorkingDays).toEqual({ HIGH: 1, MEDIUM: 2, STANDARD: 5 });
    expect(local.reviewIntervalDays).toEqual({ HIGH: 7, MEDIUM: 14, STANDARD: 28 });
    expect(local.complainantUpdateWorkingDays).toBe(10);
    expect(local.overdueReviewHeadOfServiceWorkingDays).toBe(5);
    expect(local.reopenWindowMonths).toBe(3);
    expect(local.satisfactionFollowUpWorkingDays).toBe(10);
    expect(local.caseReview).toMatchObject({ qualifyingComplaints: 3, windowMonths: 6, acknowledgeWorkingDays: 2, meetingWorkingDays: 20 });
  });

  it('refuses an unknown version id', () => {
    expect(() => policyVersion('1999.1')).toThrow(/unknown policy version 1999\.1/);
  });
});

describe('a partnership publishing a new policy version', () => {
  const first = policyVersion('2026.1');
  const second: PolicyVersion = {
    id: '2027.1',
    effectiveFrom: '2027-04-01',
    local: { ...first.local, reviewIntervalDays: { HIGH: 5, MEDIUM: 10, STANDARD: 21 } },
  };
  // Listed newest first, to show the order of the list does not matter.
  const published: readonly PolicyVersion[] = [second, first];

  it('keeps the old version up to the day before the new one takes effect', () => {
    expect(policyInForceOn(d('2027-03-31'), published).id).toBe('2026.1');
  });

  it('takes the new version from the day it takes effect', () => {
    expect(policyInForceOn(d('2027-04-01'), published).id).toBe('2027.1');
    expect(policyInForceOn(d('2027-04-01'), published).local.reviewIntervalDays.HIGH).toBe(5);
  });

  it('finds the new version by id only in the list that holds it', () => {
    expect(policyVersion('2027.1', published)).toBe(second);
    expect(() => policyVersion('2027.1')).toThrow(RangeError);
  });

  it('does not reorder the list it is given', () => {
    policyInForceOn(d('2027-06-01'), published);
    expect(published.map((version) => version.id)).toEqual(['2027.1', '2026.1']);
    expect(POLICY_VERSIONS.map((version) => version.id)).toEqual(['2026.1']);
  });
});
