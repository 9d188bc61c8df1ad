import { type CaseFile, ENFORCEMENT_STEP_KINDS, type EnforcementStepKind, localDate, type NextStep, nextSteps } from '../../libs/domain/src';
import { ctx, DARREN, GARY, LEGAL, lastStep, MANAGER, openCase, run, step, withCpw } from './case-builder';

/** Darren and Gary are the subjects; the case was opened and allocated on Monday 2 November 2026. */
const allocated = () => openCase({ subjects: [DARREN, GARY] });
/** A CPW served on Darren on Monday 16 November 2026: 14 days to comply, until 30 November. */
const warned = () => withCpw(allocated(), DARREN, '2026-11-16T10:00:00Z');

const enforcementSteps = (file: CaseFile, at: string) => nextSteps(file, ctx(at)).filter((s) => s.command === 'recordEnforcementStep');

function entry(file: CaseFile, at: string, kind: EnforcementStepKind, subjectId?: string): NextStep {
  const found = enforcementSteps(file, at).find((s) => s.step === kind && s.subjectId === subjectId);
  if (!found) throw new Error(`no next step ${kind} for ${subjectId ?? 'the premises'}`);
  return found;
}

function probe(file: CaseFile, at: string, command: NextStep['command']): NextStep {
  const found = nextSteps(file, ctx(at)).find((s) => s.command === command);
  if (!found) throw new Error(`no next step ${command}`);
  return found;
}

describe('the enforcement steps offered', () => {
  it('lists every step of the ladder for each subject, and the closure notice once, for the premises', () => {
    const offered = enforcementSteps(allocated(), '2026-11-09T10:00:00Z').map((s) => [s.subjectId, s.step]);
    const personal = ENFORCEMENT_STEP_KINDS.filter((kind) => kind !== 'CLOSURE_NOTICE');
    expect(offered).toEqual([...personal.map((kind) => [DARREN.id, kind]), ...personal.map((kind) => [GARY.id, kind]), [undefined, 'CLOSURE_NOTICE']]);
    expect(entry(allocated(), '2026-11-09T10:00:00Z', 'COMMUNITY_PROTECTION_WARNING', DARREN.id).title).toBe('Community Protection Warning');
  });

  it('offers the level-1 steps as available with nothing more to record', () => {
    const verbal = entry(allocated(), '2026-11-09T10:00:00Z', 'VERBAL_WARNING', GARY.id);
    expect(verbal).toEqual({ command: 'recordEnforcementStep', title: 'Verbal warning', step: 'VERBAL_WARNING', subjectId: GARY.id, available: true });
  });

  it("shows the tenancy warning as unavailable for the owner-occupier, with the reason", () => {
    expect(entry(allocated(), '2026-11-09T10:00:00Z', 'TENANCY_WARNING', GARY.id)).toMatchObject({
      available: false,
      refusal: { condition: 'NOT_A_COUNCIL_TENANT', message: 'Gary Pratt is not a council (MBC) tenant, so a tenancy warning does not apply' },
    });
  });

  it('shows every step as unavailable on a closed case', () => {
    let file = run(allocated(), 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'The noise stopped.' }, '2026-11-05T10:00:00Z');
    file = run(file, 'decideClosure', { approve: true, reason: 'Agreed' }, '2026-11-06T10:00:00Z', MANAGER);
    const offered = enforcementSteps(file, '2026-11-09T10:00:00Z');
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.filter((s) => s.available || s.refusal?.condition !== 'CASE_NOT_IN_WORK')).toEqual([]);
  });
});

describe('the CPN while the CPW compliance period runs, and after', () => {
  it('is unavailable during the period, with the day it becomes available', () => {
    expect(entry(warned(), '2026-11-20T10:00:00Z', 'COMMUNITY_PROTECTION_NOTICE', DARREN.id)).toMatchObject({
      available: false,
      refusal: {
        condition: 'CPW_COMPLIANCE_PERIOD_RUNNING',
        message: 'CPN not available until 2026-12-01: the CPW compliance period runs until 2026-11-30',
        holdsFrom: '2026-12-01',
      },
    });
  });

  it('is unavailable for the subject with no CPW, whatever the date', () => {
    expect(entry(warned(), '2026-12-01T10:00:00Z', 'COMMUNITY_PROTECTION_NOTICE', GARY.id).refusal?.condition).toBe('NO_CPW_SERVED');
  });

  it('stays unavailable after the period until non-compliance is recorded, and time alone will not cure it', () => {
    const cpn = entry(warned(), '2026-12-01T10:00:00Z', 'COMMUNITY_PROTECTION_NOTICE', DARREN.id);
    expect(cpn.available).toBe(false);
    expect(cpn.refusal?.condition).toBe('NON_COMPLIANCE_NOT_RECORDED');
    expect(cpn.refusal).not.toHaveProperty('holdsFrom');
  });

  it('is available once a further incident after the deadline is recorded', () => {
    const file = run(warned(), 'recordIncident', { occurredAt: '2026-12-01T01:30:00Z', description: 'Music until 3am', subjectIds: [DARREN.id] }, '2026-12-01T09:00:00Z');
    expect(entry(file, '2026-12-01T10:00:00Z', 'COMMUNITY_PROTECTION_NOTICE', DARREN.id)).toEqual({
      command: 'recordEnforcementStep',
      title: 'Community Protection Notice',
      step: 'COMMUNITY_PROTECTION_NOTICE',
      subjectId: DARREN.id,
      available: true,
    });
  });

  it('is available once a compliance check finds the warning not complied with', () => {
    const file = warned();
    const checked = run(file, 'recordComplianceCheck', { stepId: lastStep(file).id, complied: false, notes: 'Music heard on two visits' }, '2026-12-02T10:00:00Z');
    expect(entry(checked, '2026-12-02T11:00:00Z', 'COMMUNITY_PROTECTION_NOTICE', DARREN.id).available).toBe(true);
  });
});

describe('level-5 steps that would skip the ladder', () => {
  it('are available but require a skip reason when the subject is at level 3', () => {
    expect(entry(warned(), '2026-11-20T10:00:00Z', 'CIVIL_INJUNCTION', DARREN.id)).toMatchObject({ available: true, requires: ['skipReason'] });
  });

  it('need no skip reason once a CPN (level 4) has been served on the subject', () => {
    let file = run(warned(), 'recordIncident', { occurredAt: '2026-12-01T01:30:00Z', description: 'Music until 3am', subjectIds: [DARREN.id] }, '2026-12-01T09:00:00Z');
    file = step(file, { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: DARREN.id, requirements: [{ text: 'No music after 23:00', dueOn: localDate('2026-12-15') }] }, '2026-12-01T10:00:00Z');
    const injunction = entry(file, '2026-12-02T10:00:00Z', 'CIVIL_INJUNCTION', DARREN.id);
    expect(injunction.available).toBe(true);
    expect(injunction).not.toHaveProperty('requires');
  });

  it('require a skip reason for a subject with no steps yet', () => {
    expect(entry(warned(), '2026-11-20T10:00:00Z', 'CIVIL_INJUNCTION', GARY.id)).toMatchObject({ available: true, requires: ['skipReason'] });
    expect(entry(warned(), '2026-11-20T10:00:00Z', 'CRIMINAL_BEHAVIOUR_ORDER', GARY.id)).not.toHaveProperty('requires');
  });

  it('show the refusal, not a skip reason, when they are not available at all', () => {
    const cbo = entry(warned(), '2026-11-20T10:00:00Z', 'CRIMINAL_BEHAVIOUR_ORDER', DARREN.id);
    expect(cbo.available).toBe(false);
    expect(cbo.refusal?.condition).toBe('NO_CONVICTION');
    expect(cbo).not.toHaveProperty('requires');
  });

  it('do not ask for a skip reason one level up', () => {
    expect(entry(warned(), '2026-11-20T10:00:00Z', 'VERBAL_WARNING', DARREN.id)).not.toHaveProperty('requires');
    expect(entry(allocated(), '2026-11-09T10:00:00Z', 'VERBAL_WARNING', DARREN.id)).not.toHaveProperty('requires');
  });
});

describe('the other commands offered', () => {
  it('offers first contact on a new case, and not re-opening it', () => {
    const file = allocated();
    expect(probe(file, '2026-11-03T10:00:00Z', 'recordInitialContact')).toMatchObject({ available: true, title: 'Record initial contact with the complainant' });
    expect(probe(file, '2026-11-03T10:00:00Z', 'reopen')).toMatchObject({ available: false, refusal: { condition: 'NOT_CLOSED' } });
    expect(probe(file, '2026-11-03T10:00:00Z', 'decideClosure')).toMatchObject({ available: false, refusal: { condition: 'NO_CLOSURE_REQUESTED' } });
  });

  it('offers moves to the forums the case is not at', () => {
    const forums = nextSteps(allocated(), ctx('2026-11-03T10:00:00Z')).filter((s) => s.command === 'changeForum').map((s) => s.title);
    expect(forums).toEqual(['Move to MAG', 'Move to JAG']);
  });

  it('offers the legal team what comes next on each referral', () => {
    let file = step(warned(), { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: 'Threats with a knife' }, '2026-11-20T10:00:00Z');
    const at = '2026-11-23T10:00:00Z';
    expect(nextSteps(file, ctx(at, LEGAL)).filter((s) => s.referralId === 'legal-1').map((s) => [s.command, s.available])).toEqual([
      ['acknowledgeLegalReferral', true],
      ['recordLegalDecision', true],
      ['listHearing', false],
    ]);
    file = run(file, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Strong evidence' }, at, LEGAL);
    expect(nextSteps(file, ctx('2026-11-24T10:00:00Z', LEGAL)).find((s) => s.command === 'listHearing')).toMatchObject({ available: true, referralId: 'legal-1' });
  });
});
