import {
  type CaseFile,
  ENFORCEMENT_STEP_KINDS,
  ENFORCEMENT_STEPS,
  processOf,
  type EnforcementStepKind,
  localDate,
  type RecordEnforcementStepCommand,
  STATUTORY_RULES_2014_ACT,
} from '../../libs/domain/src';
import {
  change,
  DARREN,
  GARY,
  JORDAN,
  KYLE,
  LEGAL,
  LIAM,
  lastStep,
  openCase,
  policyWith,
  referralFor,
  run,
  step,
  stepRefusal,
  UNKNOWN_AGE,
  withCpw,
} from './case-builder';

const d = localDate;

/** The case the steps are recorded on: opened and allocated on Monday 2 November 2026. */
const allocated = () => openCase();

/** A command for `kind` that carries everything the step itself needs, against `subjectId`. */
function complete(kind: EnforcementStepKind, subjectId: string | undefined): RecordEnforcementStepCommand {
  return {
    kind,
    ...(subjectId ? { subjectId } : {}),
    skipReason: 'Serious harassment of a vulnerable victim',
    subjectAgreed: true,
    conductConfirmed: true,
    requirements: [{ text: 'No amplified music after 23:00', dueOn: d('2027-02-01') }],
    amountPounds: 100,
    youthOffendingTeamConsultedOn: d('2026-11-01'),
    premises: '14 Egerton Road',
    issuedBy: 'POLICE_INSPECTOR',
    trigger: 'INJUNCTION_BREACH',
  };
}

describe('every step on the ladder', () => {
  it.each(ENFORCEMENT_STEP_KINDS)('%s is refused on a Prevent case: Prevent is voluntary support, with no place for enforcement', (kind) => {
    const prevent = openCase({ type: 'PREVENT' });
    expect(stepRefusal(prevent, complete(kind, DARREN.id), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'LADDER_NOT_FOR_CASE_TYPE',
      message: `the enforcement ladder does not apply to a prevent case: ${processOf('PREVENT').ladder.why}`,
    });
  });

  it.each(ENFORCEMENT_STEP_KINDS)('%s is refused on a case not yet allocated to a caseworker', (kind) => {
    const triaged = openCase({ caseworker: undefined });
    expect(triaged.stage).toBe('TRIAGED');
    expect(stepRefusal(triaged, complete(kind, DARREN.id), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'CASE_NOT_IN_WORK',
      message: `a ${ENFORCEMENT_STEPS[kind].title} can be recorded once the case is allocated and until it goes to closure review; it is TRIAGED`,
    });
  });

  it.each(ENFORCEMENT_STEP_KINDS.filter((kind) => kind !== 'CLOSURE_NOTICE'))('%s is refused against a subject not on the case', (kind) => {
    expect(stepRefusal(allocated(), complete(kind, 'subject-99'), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'UNKNOWN_SUBJECT',
      message: 'no subject subject-99 on case ASB-2026-000123',
    });
  });

  it.each(ENFORCEMENT_STEP_KINDS.filter((kind) => kind !== 'CLOSURE_NOTICE'))('%s is refused without a subject, asking for one', (kind) => {
    expect(stepRefusal(allocated(), complete(kind, undefined), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'SUBJECT_REQUIRED',
      message: `a ${ENFORCEMENT_STEPS[kind].title} is taken against a subject: name one (subjectId)`,
    });
  });
});

describe('level 1: warnings, mediation, restorative justice, support', () => {
  it.each(['VERBAL_WARNING', 'WRITTEN_WARNING', 'MEDIATION', 'RESTORATIVE_JUSTICE', 'SUPPORT_REFERRAL'] as const)(
    '%s is accepted as a first step with nothing else recorded',
    (kind) => {
      const file = step(allocated(), { kind, subjectId: DARREN.id }, '2026-11-16T10:00:00Z');
      expect(lastStep(file)).toMatchObject({ id: 'step-1', kind, level: 1, subjectId: DARREN.id, takenBy: 'amira.khan' });
      expect(file.stage).toBe('ACTIVE');
    },
  );

  it('is accepted on a hate crime case too', () => {
    const hate = openCase({ type: 'HATE_CRIME', category: 'HARASSMENT' });
    expect(stepRefusal(hate, { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-16T10:00:00Z')).toBeUndefined();
  });
});

describe('skipping levels', () => {
  it('refuses a jump from nothing to a CPW (level 3) without a reason', () => {
    expect(stepRefusal(allocated(), { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: DARREN.id, conductConfirmed: true }, '2026-11-16T10:00:00Z')).toEqual({
      condition: 'SKIP_REASON_REQUIRED',
      message: 'Community Protection Warning is level 3 and the highest step so far is level 0: record why the ladder is skipped (skipReason)',
    });
  });

  it('refuses a jump to level 5 from level 3, and a blank reason', () => {
    const file = withCpw(allocated(), DARREN, '2026-11-16T10:00:00Z');
    const refusal = stepRefusal(file, { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: '   ' }, '2026-11-17T10:00:00Z');
    expect(refusal).toEqual({
      condition: 'SKIP_REASON_REQUIRED',
      message: 'Civil injunction (Part 1, 2014 Act) is level 5 and the highest step so far is level 3: record why the ladder is skipped (skipReason)',
    });
  });

  it('accepts the jump with a reason, and keeps the reason on the step and in the timeline', () => {
    const { file, timeline } = change(allocated(), 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: DARREN.id, conductConfirmed: true, skipReason: 'Police already warned him twice' }, '2026-11-16T10:00:00Z');
    expect(lastStep(file)).toMatchObject({ kind: 'COMMUNITY_PROTECTION_WARNING', skipReason: 'Police already warned him twice' });
    expect(timeline[0]?.summary).toBe('Community Protection Warning (level 3) against Darren Cole, skipping levels: Police already warned him twice');
  });

  it('needs no reason one level at a time: verbal warning, contract, CPW', () => {
    const file = withCpw(allocated(), DARREN, '2026-11-16T10:00:00Z');
    expect(file.enforcement.map((s) => [s.kind, s.skipReason])).toEqual([
      ['VERBAL_WARNING', undefined],
      ['ACCEPTABLE_BEHAVIOUR_CONTRACT', undefined],
      ['COMMUNITY_PROTECTION_WARNING', undefined],
    ]);
  });

  it('counts the ladder per subject: steps against Darren do not lift Gary', () => {
    const file = withCpw(allocated(), DARREN, '2026-11-16T10:00:00Z');
    expect(stepRefusal(file, { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: GARY.id, conductConfirmed: true }, '2026-11-17T10:00:00Z')?.condition).toBe('SKIP_REASON_REQUIRED');
  });
});

describe('Acceptable Behaviour Contract', () => {
  const warned = () => step(allocated(), { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-09T10:00:00Z');

  it('is refused unless the subject agreed and signed', () => {
    expect(stepRefusal(warned(), { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: DARREN.id }, '2026-11-16T10:00:00Z')).toEqual({
      condition: 'SUBJECT_HAS_NOT_AGREED',
      message: 'an Acceptable Behaviour Contract is voluntary: record that the subject agreed and signed (subjectAgreed)',
    });
  });

  it('is accepted when signed', () => {
    expect(stepRefusal(warned(), { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: DARREN.id, subjectAgreed: true }, '2026-11-16T10:00:00Z')).toBeUndefined();
  });
});

describe('tenancy warning', () => {
  it('is refused for an owner-occupier', () => {
    const file = step(allocated(), { kind: 'VERBAL_WARNING', subjectId: GARY.id }, '2026-11-09T10:00:00Z');
    expect(stepRefusal(file, { kind: 'TENANCY_WARNING', subjectId: GARY.id }, '2026-11-16T10:00:00Z')).toEqual({
      condition: 'NOT_A_COUNCIL_TENANT',
      message: 'Gary Pratt is not a council (MBC) tenant, so a tenancy warning does not apply',
    });
  });

  it('is refused for a housing association tenant', () => {
    expect(stepRefusal(allocated(), { kind: 'TENANCY_WARNING', subjectId: JORDAN.id, skipReason: 'x' }, '2026-11-16T10:00:00Z')?.condition).toBe('NOT_A_COUNCIL_TENANT');
  });

  it('is accepted for a council tenant', () => {
    const file = step(allocated(), { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-09T10:00:00Z');
    expect(stepRefusal(file, { kind: 'TENANCY_WARNING', subjectId: DARREN.id }, '2026-11-16T10:00:00Z')).toBeUndefined();
  });
});

describe('Community Protection Warning', () => {
  const cpw = (subjectId: string): RecordEnforcementStepCommand => ({ kind: 'COMMUNITY_PROTECTION_WARNING', subjectId, conductConfirmed: true, skipReason: 'Persistent over months' });

  it('is refused for a 15-year-old until their 16th birthday', () => {
    expect(stepRefusal(allocated(), cpw(KYLE.id), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'SUBJECT_TOO_YOUNG',
      message: 'Community Protection Warning not available until 2027-03-10: Kyle Mason must be 16 or over',
      holdsFrom: '2027-03-10',
    });
  });

  it('is refused the day before the 16th birthday and accepted on it', () => {
    expect(stepRefusal(allocated(), cpw(KYLE.id), '2027-03-09T12:00:00Z')?.condition).toBe('SUBJECT_TOO_YOUNG');
    expect(stepRefusal(allocated(), cpw(KYLE.id), '2027-03-10T09:00:00Z')).toBeUndefined();
  });

  it('is accepted from the day a commenced lower minimum age applies', () => {
    const lowered = policyWith('2027.1', {
      cpwMinimumAge: [...STATUTORY_RULES_2014_ACT.cpwMinimumAge, { effectiveFrom: '2027-01-01', value: 10, source: 'Crime and Policing Act 2026' }],
    });
    const file = openCase({}, '2026-11-02T09:00:00Z', lowered);
    expect(stepRefusal(file, cpw(KYLE.id), '2026-12-31T10:00:00Z')?.condition).toBe('SUBJECT_TOO_YOUNG');
    expect(stepRefusal(file, cpw(KYLE.id), '2027-01-01T10:00:00Z')).toBeUndefined();
  });

  it('is refused when the subject has no date of birth on file', () => {
    expect(stepRefusal(allocated(), cpw(UNKNOWN_AGE.id), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'DATE_OF_BIRTH_UNKNOWN',
      message: "Unknown male's date of birth is not recorded, and a Community Protection Warning depends on age",
    });
  });

  it('is refused until the conduct is confirmed as persistent, unreasonable and affecting quality of life', () => {
    expect(stepRefusal(allocated(), { ...cpw(DARREN.id), conductConfirmed: false }, '2026-11-16T10:00:00Z')?.condition).toBe('CONDUCT_NOT_CONFIRMED');
  });

  it('is accepted for an adult and for a 16-year-old', () => {
    expect(stepRefusal(allocated(), cpw(DARREN.id), '2026-11-16T10:00:00Z')).toBeUndefined();
    expect(stepRefusal(allocated(), cpw(JORDAN.id), '2026-11-16T10:00:00Z')).toBeUndefined();
  });
});

describe('Community Protection Notice', () => {
  /** CPW served on Monday 16 November 2026: 14 days to comply, so the period runs until 30 November. */
  const CPW_SERVED = '2026-11-16T10:00:00Z';
  const warned = () => withCpw(allocated(), DARREN, CPW_SERVED);
  const cpn: RecordEnforcementStepCommand = { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: DARREN.id, requirements: [{ text: 'No amplified music after 23:00', dueOn: d('2026-12-15') }] };
  const incident = (file: CaseFile, occurredAt: string, subjectIds: string[]) =>
    run(file, 'recordIncident', { occurredAt, description: 'Music until 3am', subjectIds }, '2026-12-01T09:00:00Z');

  it('is refused without a CPW served on the subject first', () => {
    const file = step(allocated(), { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-09T10:00:00Z');
    expect(stepRefusal(file, { ...cpn, skipReason: 'x' }, '2026-11-16T10:00:00Z')).toEqual({
      condition: 'NO_CPW_SERVED',
      message: 'a CPN needs a Community Protection Warning served on Darren Cole first',
    });
  });

  it('is refused while the CPW compliance period runs, saying from when it will be available', () => {
    expect(stepRefusal(warned(), cpn, '2026-11-20T10:00:00Z')).toEqual({
      condition: 'CPW_COMPLIANCE_PERIOD_RUNNING',
      message: 'CPN not available until 2026-12-01: the CPW compliance period runs until 2026-11-30',
      holdsFrom: '2026-12-01',
    });
  });

  it('is still refused on the last day of the compliance period, late in the evening', () => {
    expect(stepRefusal(warned(), cpn, '2026-11-30T23:30:00Z')?.condition).toBe('CPW_COMPLIANCE_PERIOD_RUNNING');
  });

  it('is refused after the period when no non-compliance is recorded', () => {
    expect(stepRefusal(warned(), cpn, '2026-12-01T10:00:00Z')).toEqual({
      condition: 'NON_COMPLIANCE_NOT_RECORDED',
      message: 'the CPW compliance period has ended, but no non-compliance is recorded (a failed compliance check, or a further incident involving Darren Cole after 2026-11-30)',
    });
  });

  it('is accepted after a further incident involving the subject after the compliance deadline', () => {
    const file = incident(warned(), '2026-12-01T01:30:00Z', [DARREN.id]);
    expect(stepRefusal(file, cpn, '2026-12-01T10:00:00Z')).toBeUndefined();
  });

  it('is not unlocked by an incident within the compliance period', () => {
    const file = incident(warned(), '2026-11-30T22:00:00Z', [DARREN.id]);
    expect(stepRefusal(file, cpn, '2026-12-01T10:00:00Z')?.condition).toBe('NON_COMPLIANCE_NOT_RECORDED');
  });

  it('is not unlocked by an incident involving someone else', () => {
    const file = incident(warned(), '2026-12-01T01:30:00Z', [GARY.id]);
    expect(stepRefusal(file, cpn, '2026-12-01T10:00:00Z')?.condition).toBe('NON_COMPLIANCE_NOT_RECORDED');
  });

  it('is accepted after a failed compliance check', () => {
    const file = warned();
    const cpwId = lastStep(file).id;
    const checked = run(file, 'recordComplianceCheck', { stepId: cpwId, complied: false, notes: 'Music heard on two visits' }, '2026-12-02T10:00:00Z');
    expect(lastStep(checked)).toMatchObject({ complied: false, nonComplianceRecordedAt: '2026-12-02T10:00:00.000Z' });
    expect(stepRefusal(checked, cpn, '2026-12-02T11:00:00Z')).toBeUndefined();
  });

  it('is refused after a compliance check that found the warning complied with', () => {
    const file = warned();
    const checked = run(file, 'recordComplianceCheck', { stepId: lastStep(file).id, complied: true, notes: 'Quiet on every visit' }, '2026-12-02T10:00:00Z');
    expect(stepRefusal(checked, cpn, '2026-12-02T11:00:00Z')?.condition).toBe('NON_COMPLIANCE_NOT_RECORDED');
  });

  it('is refused without requirements, or with a requirement already overdue', () => {
    const file = incident(warned(), '2026-12-01T01:30:00Z', [DARREN.id]);
    expect(stepRefusal(file, { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: DARREN.id }, '2026-12-01T10:00:00Z')?.condition).toBe('REQUIREMENTS_MISSING');
    expect(stepRefusal(file, { ...cpn, requirements: [{ text: 'Remove speakers', dueOn: d('2026-11-30') }] }, '2026-12-01T10:00:00Z')).toEqual({
      condition: 'REQUIREMENT_DUE_IN_PAST',
      message: 'every CPN requirement must fall due today or later',
    });
  });
});

/** CPW 16 November 2026, a further incident on 1 December, and the CPN served the same day. */
function served(file: CaseFile = allocated()): { file: CaseFile; cpnId: string } {
  let next = withCpw(file, DARREN, '2026-11-16T10:00:00Z');
  next = run(next, 'recordIncident', { occurredAt: '2026-12-01T01:30:00Z', description: 'Music until 3am', subjectIds: [DARREN.id] }, '2026-12-01T09:00:00Z');
  next = step(next, { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: DARREN.id, requirements: [{ text: 'No amplified music after 23:00', dueOn: d('2026-12-02') }] }, '2026-12-01T10:00:00Z');
  return { file: next, cpnId: lastStep(next).id };
}

/** The CPN above, breached at 01:00 on `breachAt`'s day (8 December 2026 unless said) and recorded at 09:00. */
function breached(file: CaseFile = allocated(), breachAt = '2026-12-08T01:00:00Z'): { file: CaseFile; cpnId: string } {
  const { file: next, cpnId } = served(file);
  return { file: run(next, 'recordBreach', { stepId: cpnId, description: 'Music at 1am', occurredAt: breachAt }, breachAt.replace('T01', 'T09')), cpnId };
}

describe('fixed penalty notice for a CPN breach', () => {
  const fpn = (amountPounds?: number): RecordEnforcementStepCommand => ({ kind: 'FIXED_PENALTY_NOTICE', subjectId: DARREN.id, ...(amountPounds ? { amountPounds } : {}) });

  it('is refused with no CPN in force on the subject', () => {
    const file = withCpw(allocated(), DARREN, '2026-11-16T10:00:00Z');
    expect(stepRefusal(file, { ...fpn(100), skipReason: 'x' }, '2026-12-10T10:00:00Z')).toEqual({
      condition: 'NO_CPN_IN_FORCE',
      message: 'no Community Protection Notice is in force on Darren Cole',
    });
  });

  it('is refused while no breach of the CPN is recorded', () => {
    expect(stepRefusal(served().file, fpn(100), '2026-12-10T10:00:00Z')?.condition).toBe('NO_BREACH_RECORDED');
  });

  it('is refused above £100 under the 2014 Act', () => {
    expect(stepRefusal(breached().file, fpn(150), '2026-12-10T10:00:00Z')).toEqual({
      condition: 'FPN_AMOUNT_ABOVE_MAXIMUM',
      message: 'the maximum fixed penalty for a CPN breach on 2026-12-10 is £100',
    });
  });

  it('is accepted at £100, and the breach it deals with cannot be fined again', () => {
    const file = step(breached().file, fpn(100), '2026-12-10T10:00:00Z');
    expect(lastStep(file)).toMatchObject({ kind: 'FIXED_PENALTY_NOTICE', amountPounds: 100, followsStepId: 'step-4' });
    expect(stepRefusal(file, fpn(100), '2026-12-11T10:00:00Z')).toEqual({
      condition: 'NO_BREACH_RECORDED',
      message: 'no breach of the CPN served on Darren Cole is recorded that has not already been dealt with',
    });
  });

  it('is refused without an amount', () => {
    expect(stepRefusal(breached().file, fpn(), '2026-12-10T10:00:00Z')).toEqual({ condition: 'AMOUNT_MISSING', message: 'state the fixed penalty amount (amountPounds)' });
  });

  describe('once the Crime and Policing Act 2026 raises the maximum to £500 on 1 January 2027', () => {
    const raised = policyWith('2027.1', {
      fixedPenaltyMaximumPounds: [...STATUTORY_RULES_2014_ACT.fixedPenaltyMaximumPounds, { effectiveFrom: '2027-01-01', value: 500, source: 'Crime and Policing Act 2026' }],
    });
    const underRaised = () => breached(openCase({}, '2026-11-02T09:00:00Z', raised), '2026-12-28T01:00:00Z').file;

    it('refuses £500 for a step taken the day before', () => {
      expect(stepRefusal(underRaised(), fpn(500), '2026-12-31T15:00:00Z')).toEqual({
        condition: 'FPN_AMOUNT_ABOVE_MAXIMUM',
        message: 'the maximum fixed penalty for a CPN breach on 2026-12-31 is £100',
      });
    });

    it('accepts £500 for a step taken on the day it comes into force', () => {
      const file = step(underRaised(), fpn(500), '2027-01-01T10:00:00Z');
      expect(lastStep(file).amountPounds).toBe(500);
    });

    it('still refuses more than £500', () => {
      expect(stepRefusal(underRaised(), fpn(501), '2027-01-04T10:00:00Z')?.message).toBe('the maximum fixed penalty for a CPN breach on 2027-01-04 is £500');
    });
  });
});

describe('prosecution for a CPN breach', () => {
  const prosecution: RecordEnforcementStepCommand = { kind: 'PROSECUTION', subjectId: DARREN.id };
  /** FPN issued Thursday 10 December 2026: no proceedings for 14 days following, so from 25 December. */
  const fined = () => step(breached().file, { kind: 'FIXED_PENALTY_NOTICE', subjectId: DARREN.id, amountPounds: 100 }, '2026-12-10T10:00:00Z');

  it('is refused within 14 days of a fixed penalty notice, saying from when it is available', () => {
    expect(stepRefusal(fined(), prosecution, '2026-12-11T10:00:00Z')).toEqual({
      condition: 'FPN_PERIOD_RUNNING',
      message: 'prosecution not available until 2026-12-25: no proceedings for 14 days after a fixed penalty notice',
      holdsFrom: '2026-12-25',
    });
    expect(stepRefusal(fined(), prosecution, '2026-12-24T16:00:00Z')?.condition).toBe('FPN_PERIOD_RUNNING');
  });

  it('is accepted once the 14 days have passed with the penalty unpaid, and follows the FPN', () => {
    const file = step(fined(), prosecution, '2026-12-29T10:00:00Z');
    const fpnId = file.enforcement.find((s) => s.kind === 'FIXED_PENALTY_NOTICE')?.id;
    expect(lastStep(file)).toMatchObject({ kind: 'PROSECUTION', followsStepId: fpnId });
  });

  it('is refused after the fixed penalty is paid', () => {
    const file = fined();
    const fpnId = lastStep(file).id;
    const paid = run(file, 'recordFixedPenaltyPayment', { stepId: fpnId }, '2026-12-14T10:00:00Z');
    expect(stepRefusal(paid, prosecution, '2026-12-29T10:00:00Z')).toEqual({
      condition: 'FPN_PAID',
      message: 'the fixed penalty was paid, which discharges liability for that breach',
    });
  });

  it('is accepted straight after a breach when no fixed penalty was offered', () => {
    const { file, cpnId } = breached();
    const prosecuted = step(file, prosecution, '2026-12-09T10:00:00Z');
    expect(lastStep(prosecuted)).toMatchObject({ kind: 'PROSECUTION', followsStepId: cpnId });
  });

  it('is refused with no CPN in force', () => {
    const file = withCpw(allocated(), DARREN, '2026-11-16T10:00:00Z');
    expect(stepRefusal(file, { ...prosecution, skipReason: 'x' }, '2026-12-10T10:00:00Z')?.condition).toBe('NO_CPN_IN_FORCE');
  });
});

describe('civil injunction', () => {
  const injunction = (subjectId: string, extra: Partial<RecordEnforcementStepCommand> = {}): RecordEnforcementStepCommand => ({
    kind: 'CIVIL_INJUNCTION',
    subjectId,
    skipReason: 'Serious harassment',
    ...extra,
  });

  it('is refused for a 9-year-old until their 10th birthday', () => {
    expect(stepRefusal(allocated(), injunction(LIAM.id), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'SUBJECT_TOO_YOUNG',
      message: 'Civil injunction (Part 1, 2014 Act) not available until 2027-06-01: Liam Hale must be 10 or over',
      holdsFrom: '2027-06-01',
    });
  });

  it('is refused for a 16-year-old until the youth offending team has been consulted', () => {
    expect(stepRefusal(allocated(), injunction(JORDAN.id), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'YOT_NOT_CONSULTED',
      message: 'Jordan Hale is under 18: the youth offending team must be consulted before applying (youthOffendingTeamConsultedOn)',
    });
  });

  it('is refused for a 16-year-old when the consultation is dated in the future', () => {
    expect(stepRefusal(allocated(), injunction(JORDAN.id, { youthOffendingTeamConsultedOn: d('2026-11-17') }), '2026-11-16T10:00:00Z')?.condition).toBe('YOT_NOT_CONSULTED');
  });

  it('is accepted for a 16-year-old once the youth offending team was consulted, as a youth referral', () => {
    const file = step(allocated(), injunction(JORDAN.id, { youthOffendingTeamConsultedOn: d('2026-11-12') }), '2026-11-16T10:00:00Z');
    expect(referralFor(file, 'CIVIL_INJUNCTION')).toMatchObject({ subjectId: JORDAN.id, youth: true, status: 'REFERRED' });
  });

  it('is accepted for an adult without a youth consultation', () => {
    const file = step(allocated(), injunction(DARREN.id), '2026-11-16T10:00:00Z');
    expect(referralFor(file, 'CIVIL_INJUNCTION')).toMatchObject({ subjectId: DARREN.id, youth: false });
  });

  it('is refused for an adult once Respect Orders are in force', () => {
    const respect = policyWith('2027.1', { respectOrdersInForce: [...STATUTORY_RULES_2014_ACT.respectOrdersInForce, { effectiveFrom: '2027-01-01', value: true, source: 'Crime and Policing Act 2026' }] });
    const file = openCase({}, '2026-11-02T09:00:00Z', respect);
    expect(stepRefusal(file, injunction(DARREN.id), '2027-01-04T10:00:00Z')).toEqual({
      condition: 'RESPECT_ORDER_APPLIES',
      message: 'for an adult the Part 1 order is now a Respect Order: record RESPECT_ORDER instead',
    });
    expect(stepRefusal(file, injunction(JORDAN.id, { youthOffendingTeamConsultedOn: d('2026-12-01') }), '2027-01-04T10:00:00Z')).toBeUndefined();
  });
});

describe('Respect Order', () => {
  const respectOrder = (subjectId: string): RecordEnforcementStepCommand => ({ kind: 'RESPECT_ORDER', subjectId, skipReason: 'Serious harassment' });

  it('is refused while the 2026 Act provision is not in force', () => {
    expect(stepRefusal(allocated(), respectOrder(DARREN.id), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'NOT_IN_FORCE',
      message: 'Respect Orders are not in force on 2026-11-16: use a civil injunction',
    });
  });

  describe('once in force on 1 January 2027', () => {
    const respect = policyWith('2027.1', { respectOrdersInForce: [...STATUTORY_RULES_2014_ACT.respectOrdersInForce, { effectiveFrom: '2027-01-01', value: true, source: 'Crime and Policing Act 2026' }] });
    const file = () => openCase({}, '2026-11-02T09:00:00Z', respect);

    it('is still refused the day before', () => {
      expect(stepRefusal(file(), respectOrder(DARREN.id), '2026-12-31T10:00:00Z')?.condition).toBe('NOT_IN_FORCE');
    });

    it('is accepted for an adult, with a legal referral', () => {
      const recorded = step(file(), respectOrder(DARREN.id), '2027-01-04T10:00:00Z');
      expect(referralFor(recorded, 'RESPECT_ORDER')).toMatchObject({ subjectId: DARREN.id, youth: false, status: 'REFERRED' });
    });

    it('is refused for a 16-year-old until their 18th birthday', () => {
      expect(stepRefusal(file(), respectOrder(JORDAN.id), '2027-01-04T10:00:00Z')).toEqual({
        condition: 'SUBJECT_TOO_YOUNG',
        message: 'Respect Order (Crime and Policing Act 2026) not available until 2028-02-01: Jordan Hale must be 18 or over',
        holdsFrom: '2028-02-01',
      });
    });
  });
});

describe('Criminal Behaviour Order', () => {
  const cbo: RecordEnforcementStepCommand = { kind: 'CRIMINAL_BEHAVIOUR_ORDER', subjectId: DARREN.id, skipReason: 'Convicted of criminal damage' };

  it('is refused without a conviction of the subject', () => {
    expect(stepRefusal(allocated(), cbo, '2026-11-16T10:00:00Z')).toEqual({
      condition: 'NO_CONVICTION',
      message: 'a Criminal Behaviour Order follows a conviction; none is recorded for Darren Cole',
    });
  });

  it('is refused when only another subject was convicted', () => {
    const file = run(allocated(), 'recordConviction', { subjectId: GARY.id, offence: 'Criminal damage', convictedOn: d('2026-11-10') }, '2026-11-11T10:00:00Z');
    expect(stepRefusal(file, cbo, '2026-11-16T10:00:00Z')?.condition).toBe('NO_CONVICTION');
  });

  it('is accepted after the subject is convicted', () => {
    const file = run(allocated(), 'recordConviction', { subjectId: DARREN.id, offence: 'Criminal damage', convictedOn: d('2026-11-10') }, '2026-11-11T10:00:00Z');
    expect(stepRefusal(file, cbo, '2026-11-16T10:00:00Z')).toBeUndefined();
  });
});

describe('closure notice (premises)', () => {
  const notice = (extra: Partial<RecordEnforcementStepCommand> = {}): RecordEnforcementStepCommand => ({
    kind: 'CLOSURE_NOTICE',
    premises: '14 Egerton Road',
    issuedBy: 'POLICE_INSPECTOR',
    skipReason: 'Drug dealing from the flat',
    ...extra,
  });

  it('is refused for 48 hours without a senior sign-off', () => {
    expect(stepRefusal(allocated(), notice({ extendedTo48Hours: true }), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'SENIOR_SIGN_OFF_REQUIRED',
      message: 'a 48-hour closure notice needs sign-off by a superintendent or the council chief executive (seniorSignOffBy)',
    });
  });

  it('is accepted for 48 hours with a senior sign-off, and for 24 hours without one', () => {
    expect(stepRefusal(allocated(), notice({ extendedTo48Hours: true, seniorSignOffBy: 'Supt. R. Patel' }), '2026-11-16T10:00:00Z')).toBeUndefined();
    expect(stepRefusal(allocated(), notice(), '2026-11-16T10:00:00Z')).toBeUndefined();
  });

  it('is refused without the premises or without who issues it', () => {
    expect(stepRefusal(allocated(), notice({ premises: ' ' }), '2026-11-16T10:00:00Z')?.condition).toBe('PREMISES_MISSING');
    expect(stepRefusal(allocated(), { kind: 'CLOSURE_NOTICE', premises: '14 Egerton Road', skipReason: 'x' }, '2026-11-16T10:00:00Z')?.condition).toBe('ISSUER_MISSING');
  });
});

describe('notice of seeking possession (absolute ground)', () => {
  const nosp = (subjectId: string, trigger?: RecordEnforcementStepCommand['trigger']): RecordEnforcementStepCommand => ({
    kind: 'NOTICE_OF_SEEKING_POSSESSION',
    subjectId,
    skipReason: 'Injunction breached',
    ...(trigger ? { trigger } : {}),
  });

  /** An injunction against Darren, granted by the county court on 14 December 2026 and breached on 9 January 2027. */
  function injunctionBreached(): CaseFile {
    let file = step(allocated(), { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: 'Threats with a knife' }, '2026-11-16T10:00:00Z');
    file = run(file, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Strong evidence' }, '2026-11-18T10:00:00Z', LEGAL);
    file = run(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court: 'COUNTY_COURT' }, '2026-11-20T10:00:00Z', LEGAL);
    file = run(file, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'Not to enter Egerton Road', expiresOn: d('2027-12-14') }, '2026-12-14T15:00:00Z', LEGAL);
    return run(file, 'recordOrderBreach', { referralId: 'legal-1', description: 'Seen on Egerton Road' }, '2027-01-09T10:00:00Z', LEGAL);
  }

  it('is refused for a subject who is not a council tenant', () => {
    expect(stepRefusal(allocated(), nosp(GARY.id, 'INJUNCTION_BREACH'), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'NOT_A_COUNCIL_TENANT',
      message: 'Gary Pratt is not a council (MBC) tenant',
    });
  });

  it('is refused for a council tenant with no qualifying trigger', () => {
    expect(stepRefusal(allocated(), nosp(DARREN.id, 'INJUNCTION_BREACH'), '2026-11-16T10:00:00Z')).toEqual({
      condition: 'NO_POSSESSION_TRIGGER',
      message: 'the absolute ground needs a closure order (served within the last 3 months), an injunction breach or a CBO breach; none is recorded for Darren Cole',
    });
  });

  it('is accepted after a breach of an injunction against the tenant', () => {
    expect(stepRefusal(injunctionBreached(), nosp(DARREN.id, 'INJUNCTION_BREACH'), '2027-01-11T10:00:00Z')).toBeUndefined();
  });

  it('is refused when the trigger named is not the one recorded, or none is named', () => {
    expect(stepRefusal(injunctionBreached(), nosp(DARREN.id, 'CBO_BREACH'), '2027-01-11T10:00:00Z')).toEqual({
      condition: 'TRIGGER_NOT_MET',
      message: 'no cbo breach qualifying for the absolute ground is recorded for this subject',
    });
    expect(stepRefusal(injunctionBreached(), nosp(DARREN.id), '2027-01-11T10:00:00Z')?.condition).toBe('TRIGGER_MISSING');
  });
});
