import { ANONYMISED, anonymised, deadlinePassed, legalHolds, localDate, planRetention, retentionUnplanned } from '../../libs/domain/src';
import { DARREN, LEGAL, MARGARET, NOISE_REPORT, onlyPending, openCase, run, step } from './case-builder';

const closedCase = () => {
  let file = run(openCase(), 'recordInitialContact', { summary: 'Spoke to Margaret Ellis.' }, '2026-11-02T10:00:00Z');
  file = run(file, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'Margaret Ellis says it has stopped.' }, '2026-11-20T10:00:00Z');
  return run(file, 'decideClosure', { approve: true, reason: 'Resolved.' }, '2026-11-23T10:00:00Z', 'team.leader');
};

describe('retention of a closed case', () => {
  it('runs 6 years from the day the case closed', () => {
    const closed = closedCase();
    expect(retentionUnplanned(closed)).toBe(true);
    const planned = planRetention(closed, new Date('2026-11-23T10:00:01Z')).file;
    expect(retentionUnplanned(planned)).toBe(false);
    expect(onlyPending(planned, 'RETENTION_END').dueOn).toBe('2032-11-23');
  });

  it('anonymises when it ends: names, the address, the accounts and the risk factors go; what statistics count stays', () => {
    const planned = planRetention(closedCase(), new Date('2026-11-23T10:00:01Z')).file;
    const retention = onlyPending(planned, 'RETENTION_END');
    const { file, timeline } = deadlinePassed(planned, retention.id, new Date('2032-11-24T00:00:00Z'));
    expect(file.stage).toBe('ANONYMISED');
    const text = JSON.stringify(file);
    for (const personal of [MARGARET.name, DARREN.name, DARREN.dateOfBirth!, NOISE_REPORT.location.address!, NOISE_REPORT.summary]) expect(text).not.toContain(personal);
    expect(file).toMatchObject({ type: NOISE_REPORT.type, category: NOISE_REPORT.category, riskLevel: 'STANDARD', team: 'north', location: { ward: 'Egerton', priorityNeighbourhood: true }, closure: { reason: 'RESOLVED' } });
    expect(file.complainants[0]).toEqual({ id: MARGARET.id, name: ANONYMISED, vulnerable: true });
    expect(timeline.map((entry) => entry.kind)).toEqual(['CASE_ANONYMISED']);
  });

  it('is held by an order in force until the day after it expires, and the postponement says why', () => {
    let file = step(run(openCase(), 'recordInitialContact', { summary: 'Spoke.' }, '2026-11-02T10:00:00Z'), { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: 'Threats with a knife' }, '2026-11-05T10:00:00Z');
    file = run(file, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Strong' }, '2026-11-06T10:00:00Z', LEGAL);
    file = run(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-11-20T10:00:00Z', court: 'COUNTY_COURT' }, '2026-11-06T11:00:00Z', LEGAL);
    file = run(file, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'Keep away', expiresOn: localDate('2034-01-31') }, '2026-11-20T15:00:00Z', LEGAL);
    expect(legalHolds(file, localDate('2032-11-23'))).toEqual([{ reason: 'an order (legal-1) is in force until 2034-01-31', until: '2034-02-01' }]);
    file = run(file, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'Order in place.' }, '2026-11-21T10:00:00Z');
    file = run(file, 'decideClosure', { approve: true, reason: 'Order in place.' }, '2026-11-23T10:00:00Z', 'team.leader');
    expect(onlyPending(file, 'ORDER_EXPIRY').dueOn).toBe('2034-01-31');
    file = planRetention(file, new Date('2026-11-23T10:00:01Z')).file;
    const change = deadlinePassed(file, onlyPending(file, 'RETENTION_END').id, new Date('2032-11-24T00:00:00Z'));
    expect(change.file.stage).toBe('CLOSED');
    expect(onlyPending(change.file, 'RETENTION_END').dueOn).toBe('2034-02-01');
    expect(change.timeline[0]).toMatchObject({ kind: 'RETENTION_POSTPONED', summary: 'Anonymisation postponed to 2034-02-01: an order (legal-1) is in force until 2034-01-31' });
  });

  it('is held by an open ASB Case Review, looked at again each month', () => {
    const file = run(closedCase(), 'applyForCaseReview', { applicant: 'VICTIM', applicantName: 'Margaret Ellis' }, '2032-11-01T10:00:00Z');
    expect(legalHolds(file, localDate('2032-11-23'))).toEqual([{ reason: 'an ASB Case Review (case-review-1) is open', until: '2032-12-23' }]);
  });

  it('keeps nothing personal in a case anonymised twice over', () => {
    const once = anonymised(closedCase());
    expect(anonymised(once)).toEqual(once);
  });
});
