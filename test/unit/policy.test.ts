import { localDate, POLICY_VERSIONS, type PolicyVersion, policyInForceOn, policyVersion, ruleOn, STATUTORY_RULES_2014_ACT } from '../../libs/domain/src';

const d = localDate;

describe('the policy version a case runs under', () => {
  it('is 2026.1 from its first day', () => {
    expect(policyInForceOn(d('2026-01-01')).id).toBe('2026.1');
    expect(policyInForceOn(d('2026-12-03')).id).toBe('2026.1');
  });

  it('does not exist before the first version took effect', () => {
    expect(() => policyInForceOn(d('2025-12-31'))).toThrow(/no policy version is in force on 2025-12-31/);
  });

  it('carries the local policy numbers of docs/domain.md', () => {
    const local = policyVersion('2026.1').local;
    expect(local.initialContactWorkingDays).toEqual({ HIGH: 1, MEDIUM: 2, STANDARD: 5 });
    expect(local.reviewIntervalDays).toEqual({ HIGH: 7, MEDIUM: 14, STANDARD: 28 });
    expect(local.complainantUpdateWorkingDays).toBe(10);
    expect(local.overdueReviewHeadOfServiceWorkingDays).toBe(5);
    expect(local.writtenWarningComplianceDays).toBe(14);
    expect(local.tenancyWarningComplianceDays).toBe(28);
    expect(local.communityProtectionWarningComplianceDays).toBe(14);
    expect([local.acceptableBehaviourContractReviewMonths, local.acceptableBehaviourContractMonths]).toEqual([3, 6]);
    expect([local.legalAcknowledgementWorkingDays, local.legalDecisionWorkingDays]).toEqual([2, 10]);
    expect(local.reopenWindowMonths).toBe(3);
    expect(local.satisfactionFollowUpWorkingDays).toBe(10);
    expect(local.caseReview).toMatchObject({ qualifyingComplaints: 3, windowMonths: 6, acknowledgeWorkingDays: 2, thresholdDecisionWorkingDays: 10, meetingWorkingDays: 20, outcomeLetterWorkingDays: 5 });
  });

  it('carries the statutory numbers of the 2014 Act, as they stand on a day in 2026', () => {
    const statutory = policyVersion('2026.1').statutory;
    const today = d('2026-12-03');
    expect(statutory).toBe(STATUTORY_RULES_2014_ACT);
    expect(ruleOn(statutory.cpwMinimumAge, today)).toBe(16);
    expect(ruleOn(statutory.cpnAppealWindowDays, today)).toBe(21);
    expect(ruleOn(statutory.fixedPenaltyMaximumPounds, today)).toBe(100);
    expect(ruleOn(statutory.fixedPenaltyNoProsecutionDays, today)).toBe(14);
    expect(ruleOn(statutory.injunctionMinimumAge, today)).toBe(10);
    expect(ruleOn(statutory.youthInjunctionMaximumMonths, today)).toBe(12);
    expect(ruleOn(statutory.respectOrdersInForce, today)).toBe(false);
    expect(ruleOn(statutory.breachArrestBeforeJudgeHours, today)).toBe(24);
    expect(ruleOn(statutory.closureNoticeHours, today)).toEqual({ standard: 24, extended: 48 });
    expect(ruleOn(statutory.closureOrderHearingHours, today)).toBe(48);
    expect(ruleOn(statutory.closureOrderMaximumMonths, today)).toEqual({ initial: 3, total: 6 });
    expect(ruleOn(statutory.youthCriminalBehaviourOrderReviewMonths, today)).toBe(12);
    expect(ruleOn(statutory.possessionNoticeAfterClosureOrderMonths, today)).toBe(3);
    expect(ruleOn(statutory.tenantReviewRequestDays, today)).toBe(7);
  });

  it('cites the section each statutory number comes from', () => {
    expect(STATUTORY_RULES_2014_ACT.cpnAppealWindowDays[0]?.source).toBe('Anti-social Behaviour, Crime and Policing Act 2014 s.46(1)');
    expect(STATUTORY_RULES_2014_ACT.fixedPenaltyMaximumPounds[0]?.source).toBe('Anti-social Behaviour, Crime and Policing Act 2014 s.52(6)');
  });

  it('refuses an unknown version id', () => {
    expect(() => policyVersion('1999.1')).toThrow(/unknown policy version 1999\.1/);
  });
});

describe('a statutory number changing when a provision commences', () => {
  const maximum = [
    ...STATUTORY_RULES_2014_ACT.fixedPenaltyMaximumPounds,
    { effectiveFrom: '2027-01-01', value: 500, source: 'Crime and Policing Act 2026' },
  ];

  it('keeps the old value up to the day before commencement', () => {
    expect(ruleOn(maximum, d('2026-12-31'))).toBe(100);
  });

  it('takes the new value from the day of commencement', () => {
    expect(ruleOn(maximum, d('2027-01-01'))).toBe(500);
  });

  it('does not depend on the order the entries are listed in', () => {
    expect(ruleOn([...maximum].reverse(), d('2027-06-01'))).toBe(500);
    expect(ruleOn([...maximum].reverse(), d('2026-06-01'))).toBe(100);
  });

  it('has no value before the 2014 Act came into force', () => {
    expect(() => ruleOn(maximum, d('2014-10-19'))).toThrow(/no statutory rule is in force on 2014-10-19/);
  });
});

describe('a partnership publishing a new policy version', () => {
  const first = policyVersion('2026.1');
  const second: PolicyVersion = {
    id: '2027.1',
    effectiveFrom: '2027-04-01',
    local: { ...first.local, reviewIntervalDays: { HIGH: 5, MEDIUM: 10, STANDARD: 21 } },
    statutory: first.statutory,
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
