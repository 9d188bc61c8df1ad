import { localDate, type RecordEnforcementStepCommand, summaryShareOf, WITHHELD } from '../../libs/domain/src';
import { DARREN, deadlinesOf, lastStep, onlyPending, openCase, refusalOf, run, withCpw } from './case-builder';

/** CPW 16 November, an incident after it, CPN issued Tuesday 1 December 2026 (its window ends 21 December). */
function withCpn() {
  let file = withCpw(openCase(), DARREN, '2026-11-16T10:00:00Z');
  file = run(file, 'recordIncident', { occurredAt: '2026-12-01T01:30:00Z', description: 'Music until 3am', subjectIds: [DARREN.id] }, '2026-12-01T09:00:00Z');
  const requirements: RecordEnforcementStepCommand['requirements'] = [{ text: 'Remove the outdoor speakers', dueOn: localDate('2026-12-15') }];
  return run(file, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: DARREN.id, requirements }, '2026-12-01T10:00:00Z');
}

describe('recording the service of a notice', () => {
  it('moves a CPN’s open appeal window to run from the day of service: posted on 3 December, it ends on 23 December', () => {
    const issued = withCpn();
    const cpn = lastStep(issued);
    const served = run(issued, 'recordService', { stepId: cpn.id, method: 'BY_POST', servedBy: 'amira.khan' }, '2026-12-03T09:00:00Z');

    expect(lastStep(served).service).toEqual({ method: 'BY_POST', servedAt: '2026-12-03T09:00:00.000Z', servedBy: 'amira.khan', recordedBy: 'amira.khan' });
    expect(deadlinesOf(served, 'CPN_APPEAL_WINDOW').map(({ dueOn, status }) => ({ dueOn, status }))).toEqual([
      { dueOn: '2026-12-21', status: 'CANCELLED' },
      { dueOn: '2026-12-23', status: 'PENDING' },
    ]);
    expect(onlyPending(served, 'CPN_APPEAL_WINDOW').reason).toBe('21-day appeal window from the day of service, counted as day 1');
  });

  it('takes the day it was really served, entered two days later (the late-entry rule): the window runs from then, flagged late', () => {
    const issued = withCpn();
    const served = run(issued, 'recordService', { stepId: lastStep(issued).id, method: 'BY_HAND', servedBy: 'PC Lewis', occurredAt: '2026-12-02T16:00:00Z' }, '2026-12-04T09:00:00Z');

    expect(onlyPending(served, 'CPN_APPEAL_WINDOW')).toMatchObject({ dueOn: '2026-12-22', late: true });
    expect(lastStep(served).service?.servedAt).toBe('2026-12-02T16:00:00.000Z');
  });

  it('refuses a second record of service, service before issue, and a step that is not a served notice', () => {
    const issued = withCpn();
    const cpn = lastStep(issued);
    const served = run(issued, 'recordService', { stepId: cpn.id, method: 'FIXED_TO_PROPERTY', servedBy: 'amira.khan' }, '2026-12-01T12:00:00Z');

    expect(refusalOf(served, 'recordService', { stepId: cpn.id, method: 'BY_HAND', servedBy: 'amira.khan' }, '2026-12-02T09:00:00Z')?.condition).toBe('SERVICE_ALREADY_RECORDED');
    expect(refusalOf(issued, 'recordService', { stepId: cpn.id, method: 'BY_HAND', servedBy: 'amira.khan', occurredAt: '2026-12-01T09:30:00Z' }, '2026-12-02T09:00:00Z')?.condition).toBe(
      'SERVED_BEFORE_ISSUE',
    );
    const verbal = run(openCase(), 'recordEnforcementStep', { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-09T10:00:00Z');
    expect(refusalOf(verbal, 'recordService', { stepId: lastStep(verbal).id, method: 'BY_HAND', servedBy: 'amira.khan' }, '2026-11-10T09:00:00Z')?.condition).toBe('NOT_A_SERVED_NOTICE');
    expect(refusalOf(verbal, 'recordService', { stepId: 'step-9', method: 'BY_HAND', servedBy: 'amira.khan' }, '2026-11-10T09:00:00Z')?.condition).toBe('UNKNOWN_STEP');
  });

  it('withholds who served it from a summary-only share, and keeps how and when', () => {
    const issued = withCpn();
    const served = run(issued, 'recordService', { stepId: lastStep(issued).id, method: 'BY_HAND', servedBy: 'Sam Process-Server' }, '2026-12-01T12:00:00Z');
    const shown = summaryShareOf({ ...served, linkedCases: [] }).enforcement.at(-1)!.service;
    expect(shown).toEqual({ method: 'BY_HAND', servedAt: '2026-12-01T12:00:00.000Z', servedBy: WITHHELD, recordedBy: 'amira.khan' });
  });
});
