import { type CaseFile, deadlinePassed, planPolicyMove, type PolicyVersion, type RiskAssessment } from '../../libs/domain/src';
import {
  CASEWORKER,
  change,
  DARREN,
  deadlineById,
  deadlinesOf,
  LEGAL,
  MANAGER,
  onlyPending,
  openCase,
  POLICY,
  refusalOf,
  run,
  step,
} from './case-builder';

const MEDIUM_ANSWERS: RiskAssessment = {
  disability: true,
  mentalHealth: false,
  isolation: true,
  repeatVictimisation: false,
  hateMotive: false,
  impactOnDailyLife: false,
  assessedBy: CASEWORKER,
};

/** Reported online on Monday 2 November 2026; nobody has assessed the risk or taken the case yet. */
const reported = () => openCase({ riskLevel: undefined, caseworker: undefined }, '2026-11-02T09:00:00Z');

/** Reported, triaged MEDIUM, allocated and contacted on 3 November: an ACTIVE case. */
function activeCase(): CaseFile {
  let file = run(reported(), 'assessRisk', { assessment: MEDIUM_ANSWERS }, '2026-11-02T11:00:00Z');
  file = run(file, 'allocate', { caseworker: CASEWORKER }, '2026-11-02T14:00:00Z', MANAGER);
  return run(file, 'recordInitialContact', { summary: 'Visited Mrs Ellis at home' }, '2026-11-03T10:00:00Z');
}

/** Closed on Monday 23 November 2026 after a review from monitoring. */
function closedCase(): CaseFile {
  let file = run(activeCase(), 'startMonitoring', { reason: 'No incidents for two weeks' }, '2026-11-16T10:00:00Z');
  file = run(file, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'The noise has stopped since the written warning.' }, '2026-11-20T10:00:00Z');
  return run(file, 'decideClosure', { approve: true, reason: 'Resolved' }, '2026-11-23T10:00:00Z', MANAGER);
}

describe('from report to active', () => {
  it('starts REPORTED with no deadlines, and cannot be allocated before the risk is assessed', () => {
    const file = reported();
    expect(file.stage).toBe('REPORTED');
    expect(file.deadlines).toEqual([]);
    expect(refusalOf(file, 'allocate', { caseworker: CASEWORKER }, '2026-11-02T10:00:00Z', MANAGER)).toEqual({ condition: 'NOT_TRIAGED', message: 'assess the risk before allocating the case' });
  });

  it('is TRIAGED by the risk assessment, which plans contact, review and update from the report', () => {
    const { file, timeline } = change(reported(), 'assessRisk', { assessment: MEDIUM_ANSWERS }, '2026-11-02T11:00:00Z');
    expect(file.stage).toBe('TRIAGED');
    expect(file.riskLevel).toBe('MEDIUM');
    expect(file.deadlines.map((d) => [d.kind, d.dueOn])).toEqual([
      ['INITIAL_CONTACT', '2026-11-04'],
      ['CASE_REVIEW', '2026-11-16'],
      ['COMPLAINANT_UPDATE', '2026-11-16'],
    ]);
    expect(timeline[0]).toMatchObject({ kind: 'RISK_ASSESSED', data: expect.objectContaining({ from: null, to: 'MEDIUM' }) });
    expect(timeline[0]?.summary).toMatch(/^Risk assessed as MEDIUM/);
  });

  it('is ALLOCATED to the named caseworker, and refuses allocating to the same one twice', () => {
    let file = run(reported(), 'assessRisk', { assessment: MEDIUM_ANSWERS }, '2026-11-02T11:00:00Z');
    const allocated = change(file, 'allocate', { caseworker: CASEWORKER }, '2026-11-02T14:00:00Z', MANAGER);
    file = allocated.file;
    expect(file.stage).toBe('ALLOCATED');
    expect(file.caseworker).toBe(CASEWORKER);
    expect(allocated.timeline[0]?.summary).toBe('Allocated to amira.khan');
    expect(refusalOf(file, 'allocate', { caseworker: CASEWORKER }, '2026-11-02T15:00:00Z', MANAGER)?.condition).toBe('ALREADY_ALLOCATED');
  });

  it('becomes ACTIVE when first contact with the complainant is made, meeting the contact deadline', () => {
    const file = activeCase();
    expect(file.stage).toBe('ACTIVE');
    expect(deadlineById(file, 'initial-contact-1')).toMatchObject({ status: 'MET', resolution: 'contact made by amira.khan' });
    expect(refusalOf(file, 'recordInitialContact', { summary: 'again' }, '2026-11-04T10:00:00Z')?.condition).toBe('ALREADY_CONTACTED');
  });
});

describe('active and monitoring', () => {
  it('moves ACTIVE → MONITORING → ACTIVE, each with its reason in the timeline', () => {
    const monitoring = change(activeCase(), 'startMonitoring', { reason: 'No incidents for two weeks' }, '2026-11-16T10:00:00Z');
    expect(monitoring.file.stage).toBe('MONITORING');
    expect(monitoring.timeline[0]).toMatchObject({ kind: 'STAGE_CHANGED', summary: 'active → monitoring: No incidents for two weeks', data: { from: 'ACTIVE', to: 'MONITORING' } });
    const active = run(monitoring.file, 'resumeActive', { reason: 'Music again on Saturday' }, '2026-11-23T10:00:00Z');
    expect(active.stage).toBe('ACTIVE');
  });

  it('refuses monitoring a case that is not active, and resuming one that is not monitored', () => {
    expect(refusalOf(activeCase(), 'resumeActive', { reason: 'x' }, '2026-11-16T10:00:00Z')).toEqual({
      condition: 'NOT_MONITORING',
      message: 'only a case under monitoring is made active again; this one is active',
    });
    const triaged = run(reported(), 'assessRisk', { assessment: MEDIUM_ANSWERS }, '2026-11-02T11:00:00Z');
    expect(refusalOf(triaged, 'startMonitoring', { reason: 'x' }, '2026-11-16T10:00:00Z')).toEqual({
      condition: 'NOT_ACTIVE',
      message: 'only an active case moves to monitoring; this one is triaged',
    });
  });
});

describe('closing a case', () => {
  it('goes to CLOSURE_REVIEW with the reason and what the complainant is told', () => {
    const file = run(activeCase(), 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'The noise has stopped.' }, '2026-11-20T10:00:00Z');
    expect(file.stage).toBe('CLOSURE_REVIEW');
    expect(file.closure).toMatchObject({ reason: 'RESOLVED', explanationToComplainant: 'The noise has stopped.', requestedBy: CASEWORKER, stageBefore: 'ACTIVE' });
  });

  it('is CLOSED on approval: every pending deadline CANCELLED, the satisfaction follow-up and re-open window planned', () => {
    const file = closedCase();
    expect(file.stage).toBe('CLOSED');
    expect(file.closure).toMatchObject({ approvedBy: MANAGER, closedAt: '2026-11-23T10:00:00.000Z' });
    const before = file.deadlines.filter((d) => d.kind !== 'SATISFACTION_FOLLOW_UP' && d.kind !== 'REOPEN_WINDOW');
    expect(before.filter((d) => d.status === 'PENDING')).toEqual([]);
    expect(deadlineById(file, 'case-review-1')).toMatchObject({ status: 'CANCELLED', resolution: 'case closed' });
    expect(deadlineById(file, 'complainant-update-1')).toMatchObject({ status: 'CANCELLED', resolution: 'case closed' });
    // 10 working days from Monday 23 November 2026, and 3 months.
    expect(onlyPending(file, 'SATISFACTION_FOLLOW_UP')).toMatchObject({ dueOn: '2026-12-07', reason: 'the complainant is asked about their satisfaction within 10 working days of closure' });
    expect(onlyPending(file, 'REOPEN_WINDOW')).toMatchObject({ dueOn: '2027-02-23', reason: 'a new incident within 3 months re-opens the case' });
  });

  it('tells the timeline why it closed and what the complainant was told', () => {
    let file = run(activeCase(), 'requestClosure', { reason: 'COMPLAINANT_UNRESPONSIVE', explanationToComplainant: 'We wrote three times without reply.' }, '2026-11-20T10:00:00Z');
    const { timeline } = change(file, 'decideClosure', { approve: true, reason: 'ok' }, '2026-11-23T10:00:00Z', MANAGER);
    expect(timeline[0]).toMatchObject({
      kind: 'CASE_CLOSED',
      actor: MANAGER,
      summary: 'Case closed (complainant unresponsive); the complainant was told: We wrote three times without reply.',
    });
    file = run(file, 'decideClosure', { approve: true, reason: 'ok' }, '2026-11-23T10:00:00Z', MANAGER);
    expect(file.closure?.reason).toBe('COMPLAINANT_UNRESPONSIVE');
  });

  it('returns to the stage it came from when closure is rejected, and keeps its deadlines', () => {
    let file = run(activeCase(), 'startMonitoring', { reason: 'Quiet' }, '2026-11-16T10:00:00Z');
    file = run(file, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'x' }, '2026-11-20T10:00:00Z');
    const { file: rejected, timeline } = change(file, 'decideClosure', { approve: false, reason: 'Victim reports new threats' }, '2026-11-23T10:00:00Z', MANAGER);
    expect(rejected.stage).toBe('MONITORING');
    expect(rejected.closure).toBeUndefined();
    expect(onlyPending(rejected, 'CASE_REVIEW').id).toBe('case-review-1');
    expect(timeline[0]).toMatchObject({ kind: 'CLOSURE_REJECTED', summary: 'Closure not approved: Victim reports new threats' });
  });

  it('refuses a decision when no closure was requested', () => {
    expect(refusalOf(activeCase(), 'decideClosure', { approve: true, reason: 'x' }, '2026-11-23T10:00:00Z', MANAGER)).toEqual({
      condition: 'NO_CLOSURE_REQUESTED',
      message: 'no closure is awaiting a decision',
    });
  });

  it('refuses closure of a case not yet in work', () => {
    expect(refusalOf(reported(), 'requestClosure', { reason: 'NOT_ASB', explanationToComplainant: 'x' }, '2026-11-02T10:00:00Z')?.condition).toBe('CASE_NOT_IN_WORK');
  });

  it('refuses closure while a legal referral is live, and allows it once legal declines', () => {
    let file = step(activeCase(), { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: 'Threats with a knife' }, '2026-11-05T10:00:00Z');
    expect(refusalOf(file, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'x' }, '2026-11-20T10:00:00Z')).toEqual({
      condition: 'LEGAL_STEP_LIVE',
      message: '1 legal referral is still with the legal team: close the case when it is decided or heard',
    });
    file = run(file, 'recordLegalDecision', { referralId: 'legal-1', proceed: false, reason: 'Insufficient evidence' }, '2026-11-10T10:00:00Z', LEGAL);
    expect(refusalOf(file, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'x' }, '2026-11-20T10:00:00Z')).toBeUndefined();
  });
});

describe('re-opening a closed case', () => {
  it('re-opens within the 3-month window, up to and including its last day', () => {
    const { file, timeline } = change(closedCase(), 'reopen', { reason: 'Music again every night' }, '2027-02-23T16:00:00Z');
    expect(file.stage).toBe('ACTIVE');
    expect(file.reopenCount).toBe(1);
    expect(file.closure).toBeUndefined();
    expect(deadlineById(file, 'reopen-window-1')).toMatchObject({ status: 'CANCELLED', resolution: 're-opened' });
    expect(timeline[0]).toMatchObject({ kind: 'CASE_REOPENED', summary: 'Case re-opened: Music again every night' });
  });

  it('starts updating the complainant again', () => {
    const file = run(closedCase(), 'reopen', { reason: 'Music again' }, '2026-12-15T10:00:00Z');
    expect(onlyPending(file, 'COMPLAINANT_UPDATE')).toMatchObject({ dueOn: '2026-12-31' });
  });

  it('is refused the day after the window ends: a new case is opened instead', () => {
    expect(refusalOf(closedCase(), 'reopen', { reason: 'Music again' }, '2027-02-24T09:00:00Z')).toEqual({
      condition: 'REOPEN_WINDOW_PASSED',
      message: 'the 3-month re-open window has passed: open a new case',
    });
  });

  it('is refused once the window timer has ended it', () => {
    const file = closedCase();
    const ended = deadlinePassed(file, onlyPending(file, 'REOPEN_WINDOW').id, new Date('2027-02-24T00:00:00Z')).file;
    expect(refusalOf(ended, 'reopen', { reason: 'x' }, '2027-02-24T00:00:01Z')?.condition).toBe('REOPEN_WINDOW_PASSED');
  });

  it('is refused for a case that is not closed', () => {
    expect(refusalOf(activeCase(), 'reopen', { reason: 'x' }, '2026-11-20T10:00:00Z')).toEqual({ condition: 'NOT_CLOSED', message: 'only a closed case is re-opened' });
  });
});

describe('moving a case to a new policy version', () => {
  const NEXT: PolicyVersion = { ...POLICY, id: '2027.1', effectiveFrom: '2027-01-01', local: { ...POLICY.local, reviewIntervalDays: { HIGH: 5, MEDIUM: 10, STANDARD: 21 } } };

  it('re-plans the pending review under the new numbers and records the move', () => {
    const { file, timeline } = change(activeCase(), 'movePolicy', { policy: NEXT, reason: 'Partnership board adopted 2027.1' }, '2026-11-05T10:00:00Z', MANAGER);
    expect(file.policy.id).toBe('2027.1');
    expect(deadlineById(file, 'case-review-1')).toMatchObject({ status: 'CANCELLED', dueOn: '2026-11-16', resolution: 're-planned: moved to policy 2027.1' });
    // MEDIUM every 10 days from the report on 2 November.
    expect(onlyPending(file, 'CASE_REVIEW')).toMatchObject({ id: 'case-review-2', dueOn: '2026-11-12' });
    expect(timeline[0]).toMatchObject({ kind: 'POLICY_VERSION_CHANGED', summary: 'Moved from policy 2026.1 to 2027.1: Partnership board adopted 2027.1', data: { from: '2026.1', to: '2027.1' } });
  });

  it('is refused for the version the case already runs under', () => {
    expect(refusalOf(activeCase(), 'movePolicy', { policy: POLICY, reason: 'x' }, '2026-11-05T10:00:00Z', MANAGER)).toEqual({
      condition: 'SAME_POLICY',
      message: 'the case already runs under policy 2026.1',
    });
  });

  it('is refused for a closed case', () => {
    expect(refusalOf(closedCase(), 'movePolicy', { policy: NEXT, reason: 'x' }, '2026-12-01T10:00:00Z', MANAGER)?.condition).toBe('CASE_NOT_OPEN');
  });

  it('is reported by its dry run exactly as the move then does it: the review moves from 16 to 12 November, and nothing else', () => {
    const now = '2026-11-05T10:00:00Z';
    expect(planPolicyMove(activeCase(), NEXT, new Date(now))).toEqual({
      reference: activeCase().reference,
      outcome: 'WOULD_MOVE',
      moves: [{ kind: 'CASE_REVIEW', title: 'Case review', from: '2026-11-16', to: '2026-11-12' }],
    });
    expect(onlyPending(run(activeCase(), 'movePolicy', { policy: NEXT, reason: 'Partnership board adopted 2027.1' }, now, MANAGER), 'CASE_REVIEW').dueOn).toBe('2026-11-12');
  });

  it('dry-runs a closed case as refused, with the refusal the move would meet, and a move that changes no date as moving nothing', () => {
    expect(planPolicyMove(closedCase(), NEXT, new Date('2026-12-01T10:00:00Z'))).toMatchObject({ outcome: 'REFUSED', refusal: { condition: 'CASE_NOT_OPEN' } });
    expect(planPolicyMove(activeCase(), { ...POLICY, id: '2026.2' }, new Date('2026-11-05T10:00:00Z'))).toEqual({ reference: activeCase().reference, outcome: 'WOULD_MOVE', moves: [] });
  });

  it('leaves the deadlines alone when nothing changes under the new version', () => {
    const same: PolicyVersion = { ...POLICY, id: '2026.2' };
    const file = run(activeCase(), 'movePolicy', { policy: same, reason: 'Typo fix in the published text' }, '2026-11-05T10:00:00Z', MANAGER);
    expect(deadlinesOf(file, 'CASE_REVIEW').map((d) => [d.id, d.status])).toEqual([['case-review-1', 'PENDING']]);
  });
});
