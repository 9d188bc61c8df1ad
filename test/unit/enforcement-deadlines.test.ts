import { type CaseFile, localDate, type RecordEnforcementStepCommand } from '../../libs/domain/src';
import { change, DARREN, deadlinesOf, JORDAN, LEGAL, lastStep, onlyPending, openCase, run, step, withCpw } from './case-builder';

const d = localDate;

/** Opened and allocated on Monday 2 November 2026; Darren has had a verbal warning on 9 November. */
const warned = () => step(openCase(), { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-09T10:00:00Z');

function newDeadlines(before: CaseFile, after: CaseFile) {
  const known = new Set(before.deadlines.map((deadline) => deadline.id));
  return after.deadlines.filter((deadline) => !known.has(deadline.id));
}

describe('level 1 and 2 steps', () => {
  it('plans nothing for a verbal warning', () => {
    const file = openCase();
    expect(newDeadlines(file, step(file, { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-09T10:00:00Z'))).toEqual([]);
  });

  it('plans a compliance check 14 days after a written warning, tied to the step and the subject', () => {
    const before = openCase();
    const after = step(before, { kind: 'WRITTEN_WARNING', subjectId: DARREN.id }, '2026-11-16T10:00:00Z');
    expect(newDeadlines(before, after)).toEqual([
      expect.objectContaining({
        id: 'compliance-check-1',
        kind: 'COMPLIANCE_CHECK',
        dueOn: '2026-11-30',
        dueAt: '2026-11-30T23:59:59.999Z',
        status: 'PENDING',
        reason: 'compliance check 14 days after a written warning',
        stepId: 'step-1',
        subjectId: DARREN.id,
      }),
    ]);
  });

  it('plans a compliance check 28 days after a tenancy warning', () => {
    const before = warned();
    const after = step(before, { kind: 'TENANCY_WARNING', subjectId: DARREN.id }, '2026-11-16T10:00:00Z');
    expect(newDeadlines(before, after).map((dl) => [dl.kind, dl.dueOn, dl.reason, dl.stepId])).toEqual([
      ['COMPLIANCE_CHECK', '2026-12-14', 'compliance check 28 days after a tenancy warning', 'step-2'],
    ]);
  });

  it('plans an Acceptable Behaviour Contract review at 3 months and its end at 6', () => {
    const before = warned();
    const after = step(before, { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: DARREN.id, subjectAgreed: true }, '2026-11-16T10:00:00Z');
    expect(newDeadlines(before, after).map((dl) => [dl.kind, dl.dueOn, dl.reason])).toEqual([
      ['ABC_REVIEW', '2027-02-16', 'an Acceptable Behaviour Contract is reviewed at 3 months'],
      ['ABC_END', '2027-05-16', 'an Acceptable Behaviour Contract runs 6 months'],
    ]);
  });

  it('reviews a contract signed on 30 November on the last day of February', () => {
    const after = step(warned(), { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: DARREN.id, subjectAgreed: true }, '2026-11-30T10:00:00Z');
    expect(onlyPending(after, 'ABC_REVIEW').dueOn).toBe('2027-02-28');
    expect(onlyPending(after, 'ABC_END').dueOn).toBe('2027-05-30');
  });
});

describe('Community Protection Warning', () => {
  it('gives 14 days to comply by default, on the step and as a period in the ledger', () => {
    const file = withCpw(openCase(), DARREN, '2026-11-16T10:00:00Z');
    expect(lastStep(file).complianceDueOn).toBe('2026-11-30');
    expect(onlyPending(file, 'CPW_COMPLIANCE')).toMatchObject({ dueOn: '2026-11-30', reason: 'the warning gives 14 days to comply', stepId: 'step-3', subjectId: DARREN.id });
  });

  it('gives the days set on the warning when they differ from the policy', () => {
    let file = step(openCase(), { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-09T10:00:00Z');
    file = step(file, { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: DARREN.id, subjectAgreed: true }, '2026-11-09T11:00:00Z');
    file = step(file, { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: DARREN.id, conductConfirmed: true, complianceDays: 21 }, '2026-11-16T10:00:00Z');
    expect(lastStep(file).complianceDueOn).toBe('2026-12-07');
    expect(onlyPending(file, 'CPW_COMPLIANCE')).toMatchObject({ dueOn: '2026-12-07', reason: 'the warning gives 21 days to comply' });
  });
});

describe('Community Protection Notice', () => {
  /** CPW 16 November, further incident 1 December, CPN issued Tuesday 1 December 2026. */
  function issued(requirements: RecordEnforcementStepCommand['requirements']) {
    let file = withCpw(openCase(), DARREN, '2026-11-16T10:00:00Z');
    file = run(file, 'recordIncident', { occurredAt: '2026-12-01T01:30:00Z', description: 'Music until 3am', subjectIds: [DARREN.id] }, '2026-12-01T09:00:00Z');
    return change(file, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: DARREN.id, requirements }, '2026-12-01T10:00:00Z');
  }
  const REQUIREMENTS = [
    { text: 'Remove the outdoor speakers', dueOn: d('2026-12-15') },
    { text: 'No amplified music after 23:00', dueOn: d('2027-01-31') },
  ];

  it('ends the 21-day appeal window on 21 December, the day of issue counting as day 1', () => {
    const { file } = issued(REQUIREMENTS);
    expect(onlyPending(file, 'CPN_APPEAL_WINDOW')).toMatchObject({
      dueOn: '2026-12-21',
      dueAt: '2026-12-21T23:59:59.999Z',
      reason: '21-day appeal window, the day of issue counted as day 1',
      stepId: 'step-4',
    });
  });

  it('plans each requirement on its own deadline', () => {
    const { file } = issued(REQUIREMENTS);
    expect(deadlinesOf(file, 'CPN_REQUIREMENT').map((dl) => [dl.id, dl.dueOn, dl.reason, dl.status])).toEqual([
      ['cpn-requirement-1', '2026-12-15', 'CPN requirement: Remove the outdoor speakers', 'PENDING'],
      ['cpn-requirement-2', '2027-01-31', 'CPN requirement: No amplified music after 23:00', 'PENDING'],
    ]);
    expect(lastStep(file).requirements).toEqual(REQUIREMENTS);
  });

  it('lists the deadlines it planned in the timeline entry', () => {
    const { timeline } = issued(REQUIREMENTS.slice(0, 1));
    expect(timeline[0]).toMatchObject({
      kind: 'ENFORCEMENT_STEP_RECORDED',
      summary: 'Community Protection Notice (level 4) against Darren Cole',
      data: {
        stepId: 'step-4',
        kind: 'COMMUNITY_PROTECTION_NOTICE',
        level: 4,
        subjectId: DARREN.id,
        deadlines: [
          { id: 'cpn-appeal-window-1', kind: 'CPN_APPEAL_WINDOW', dueOn: '2026-12-21' },
          { id: 'cpn-requirement-1', kind: 'CPN_REQUIREMENT', dueOn: '2026-12-15' },
        ],
      },
    });
  });
});

describe('fixed penalty notice', () => {
  it('gives 14 days to pay, during which there is no prosecution', () => {
    let file = withCpw(openCase(), DARREN, '2026-11-16T10:00:00Z');
    file = run(file, 'recordIncident', { occurredAt: '2026-12-01T01:30:00Z', description: 'Music until 3am', subjectIds: [DARREN.id] }, '2026-12-01T09:00:00Z');
    file = step(file, { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: DARREN.id, requirements: [{ text: 'No music after 23:00', dueOn: d('2026-12-02') }] }, '2026-12-01T10:00:00Z');
    file = run(file, 'recordBreach', { stepId: 'step-4', description: 'Music at 1am', occurredAt: '2026-12-08T01:00:00Z' }, '2026-12-08T09:00:00Z');
    file = step(file, { kind: 'FIXED_PENALTY_NOTICE', subjectId: DARREN.id, amountPounds: 100 }, '2026-12-10T10:00:00Z');
    expect(onlyPending(file, 'FPN_PAYMENT')).toMatchObject({ dueOn: '2026-12-24', reason: '14 days to pay the £100 fixed penalty; no prosecution meanwhile', stepId: 'step-5' });
  });
});

describe('closure notice', () => {
  const notice = (extra: Partial<RecordEnforcementStepCommand> = {}): RecordEnforcementStepCommand => ({
    kind: 'CLOSURE_NOTICE',
    premises: '14 Egerton Road',
    issuedBy: 'POLICE_INSPECTOR',
    skipReason: 'Drug dealing from the flat',
    ...extra,
  });
  /** Served at 15:30 on Monday 16 November 2026. */
  const SERVED = '2026-11-16T15:30:00Z';

  it('lasts exactly 24 hours, and the closure order must be heard within 48 hours of service', () => {
    const file = step(openCase(), notice(), SERVED);
    expect(onlyPending(file, 'CLOSURE_NOTICE_EXPIRY')).toMatchObject({ dueAt: '2026-11-17T15:30:00.000Z', dueOn: '2026-11-17', reason: 'a closure notice lasts 24 hours' });
    expect(onlyPending(file, 'CLOSURE_ORDER_HEARING')).toMatchObject({
      dueAt: '2026-11-18T15:30:00.000Z',
      dueOn: '2026-11-18',
      reason: 'a closure order application must be heard within 48 hours of the notice being served',
    });
  });

  it('lasts exactly 48 hours with senior sign-off, naming who signed it off', () => {
    const file = step(openCase(), notice({ extendedTo48Hours: true, seniorSignOffBy: 'Supt. R. Patel' }), SERVED);
    expect(onlyPending(file, 'CLOSURE_NOTICE_EXPIRY')).toMatchObject({ dueAt: '2026-11-18T15:30:00.000Z', reason: 'a closure notice lasts 48 hours (extended, signed off by Supt. R. Patel)' });
    expect(lastStep(file)).toMatchObject({ premises: '14 Egerton Road', issuedBy: 'POLICE_INSPECTOR', extended: true });
  });

  it('counts 24 elapsed hours across the clocks going back, not 24 hours of wall-clock time', () => {
    // Served 21:00 BST on Saturday 24 October 2026; the clocks go back at 02:00 on the 25th.
    const file = step(openCase({}, '2026-10-19T08:00:00Z'), notice(), '2026-10-24T20:00:00Z');
    expect(onlyPending(file, 'CLOSURE_NOTICE_EXPIRY')).toMatchObject({ dueAt: '2026-10-25T20:00:00.000Z', dueOn: '2026-10-25' });
  });

  it('is recorded against the premises, not a person', () => {
    const { file, timeline } = change(openCase(), 'recordEnforcementStep', notice(), SERVED);
    expect(lastStep(file)).not.toHaveProperty('subjectId');
    expect(timeline[0]?.summary).toBe('Closure notice (premises) (level 5) on 14 Egerton Road, skipping levels: Drug dealing from the flat');
  });
});

describe('level 5 steps go to the legal team', () => {
  const INJUNCTION: RecordEnforcementStepCommand = { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: 'Threats with a knife' };

  it('creates a legal referral and says so in the timeline', () => {
    const { file, timeline } = change(openCase(), 'recordEnforcementStep', INJUNCTION, '2026-11-16T10:00:00Z');
    expect(file.legalReferrals).toEqual([
      { id: 'legal-1', stepId: 'step-1', stepKind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, status: 'REFERRED', referredAt: '2026-11-16T10:00:00.000Z', youth: false, breaches: [] },
    ]);
    expect(lastStep(file).legalReferralId).toBe('legal-1');
    expect(timeline.map((entry) => [entry.kind, entry.summary])).toEqual([
      ['ENFORCEMENT_STEP_RECORDED', 'Civil injunction (Part 1, 2014 Act) (level 5) against Darren Cole, skipping levels: Threats with a knife'],
      ['LEGAL_REFERRAL_MADE', 'Referred to the legal team: Civil injunction (Part 1, 2014 Act) against Darren Cole'],
    ]);
  });

  it('gives legal 2 working days to acknowledge and 10 to decide', () => {
    // Monday 16 November 2026: no bank holidays in the way.
    const file = step(openCase(), INJUNCTION, '2026-11-16T10:00:00Z');
    expect(onlyPending(file, 'LEGAL_ACKNOWLEDGEMENT')).toMatchObject({ dueOn: '2026-11-18', reason: 'the legal team acknowledges a referral within 2 working days', stepId: 'step-1' });
    expect(onlyPending(file, 'LEGAL_DECISION')).toMatchObject({ dueOn: '2026-11-30', reason: 'the legal team decides on a referral within 10 working days' });
  });

  it('counts the legal working days past Good Friday and Easter Monday', () => {
    // Thursday 2 April 2026: Friday 3 and Monday 6 April are bank holidays.
    const file = step(openCase({}, '2026-03-02T09:00:00Z'), INJUNCTION, '2026-04-02T10:00:00+01:00');
    expect(onlyPending(file, 'LEGAL_ACKNOWLEDGEMENT').dueOn).toBe('2026-04-08');
    expect(onlyPending(file, 'LEGAL_DECISION').dueOn).toBe('2026-04-20');
  });

  it('counts the legal working days past Christmas, the substitute Boxing Day and New Year', () => {
    // Thursday 24 December 2026: 25 and 28 December and 1 January are bank holidays.
    const file = step(openCase(), INJUNCTION, '2026-12-24T10:00:00Z');
    expect(onlyPending(file, 'LEGAL_ACKNOWLEDGEMENT').dueOn).toBe('2026-12-30');
    expect(onlyPending(file, 'LEGAL_DECISION').dueOn).toBe('2027-01-12');
  });

  it.each([
    ['CRIMINAL_BEHAVIOUR_ORDER', { kind: 'CRIMINAL_BEHAVIOUR_ORDER', subjectId: DARREN.id, skipReason: 'Convicted' }],
    ['CLOSURE_NOTICE', { kind: 'CLOSURE_NOTICE', premises: '14 Egerton Road', issuedBy: 'COUNCIL', skipReason: 'Drugs' }],
  ] as const)('refers a %s to legal as well', (kind, command) => {
    let file = run(openCase(), 'recordConviction', { subjectId: DARREN.id, offence: 'Criminal damage', convictedOn: d('2026-11-10') }, '2026-11-11T10:00:00Z');
    file = step(file, command, '2026-11-16T10:00:00Z');
    expect(file.legalReferrals.map((r) => [r.stepKind, r.status])).toEqual([[kind, 'REFERRED']]);
    expect(pendingKinds(file)).toEqual(expect.arrayContaining(['LEGAL_ACKNOWLEDGEMENT', 'LEGAL_DECISION']));
  });

  it('marks the referral of an under-18 as youth', () => {
    const file = step(openCase(), { kind: 'CIVIL_INJUNCTION', subjectId: JORDAN.id, skipReason: 'Threats', youthOffendingTeamConsultedOn: d('2026-11-12') }, '2026-11-16T10:00:00Z');
    expect(file.legalReferrals[0]?.youth).toBe(true);
  });

  it('gives the tenant 7 days to ask for a review of a notice of seeking possession', () => {
    let file = step(openCase(), INJUNCTION, '2026-11-16T10:00:00Z');
    file = run(file, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Strong evidence' }, '2026-11-18T10:00:00Z', LEGAL);
    file = run(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court: 'COUNTY_COURT' }, '2026-11-20T10:00:00Z', LEGAL);
    file = run(file, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'Not to enter Egerton Road', expiresOn: d('2027-12-14') }, '2026-12-14T15:00:00Z', LEGAL);
    file = run(file, 'recordOrderBreach', { referralId: 'legal-1', description: 'Seen on Egerton Road' }, '2027-01-09T10:00:00Z', LEGAL);
    file = step(file, { kind: 'NOTICE_OF_SEEKING_POSSESSION', subjectId: DARREN.id, trigger: 'INJUNCTION_BREACH' }, '2027-01-11T10:00:00Z');
    expect(onlyPending(file, 'TENANT_REVIEW_REQUEST')).toMatchObject({ dueOn: '2027-01-18', reason: 'the tenant may ask for a review within 7 days' });
    expect(lastStep(file).trigger).toBe('INJUNCTION_BREACH');
  });
});

function pendingKinds(file: CaseFile) {
  return file.deadlines.filter((dl) => dl.status === 'PENDING').map((dl) => dl.kind);
}

describe('the case', () => {
  it('becomes ACTIVE when the first step is taken on an allocated case', () => {
    const file = openCase();
    expect(file.stage).toBe('ALLOCATED');
    expect(step(file, { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-09T10:00:00Z').stage).toBe('ACTIVE');
  });
});
