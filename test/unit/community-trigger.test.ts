import { addWorkingDays, assessThreshold, type CaseChange, type CaseFile, type Complaint, localDate, noticesOfChange, POLICY_VERSIONS } from '../../libs/domain/src';
import { change, onlyPending, openCase, refusalOf, run } from './case-builder';

const POLICY = POLICY_VERSIONS[0]!.local.caseReview;
const complaint = (reference: string, incidentId: string, occurredAt: string, reportedAt = occurredAt): Complaint => ({ reference, incidentId, occurredAt, reportedAt });

describe('ASB Case Review threshold: 3 qualifying complaints in 6 months, the latest in the last month', () => {
  const on = localDate('2026-11-26');

  it('is met by three complaints across two cases, the latest recent', () => {
    const assessment = assessThreshold(
      [complaint('ASB-2026-000001', 'incident-1', '2026-07-01T20:00:00Z'), complaint('ASB-2026-000001', 'incident-2', '2026-09-14T21:00:00Z'), complaint('ASB-2026-000002', 'incident-1', '2026-11-20T22:00:00Z')],
      on,
      POLICY,
    );
    expect(assessment).toMatchObject({ met: true, explanation: '3 qualifying complaints in the 6 months to 2026-11-26, the latest on 2026-11-20' });
    expect(assessment.qualifying.map((c) => c.reference)).toEqual(['ASB-2026-000002', 'ASB-2026-000001', 'ASB-2026-000001']);
  });

  it('is not met when the latest complaint is more than a month old', () => {
    const assessment = assessThreshold(
      [complaint('A', '1', '2026-07-01T20:00:00Z'), complaint('A', '2', '2026-08-14T21:00:00Z'), complaint('A', '3', '2026-10-20T22:00:00Z')],
      on,
      POLICY,
    );
    expect(assessment.met).toBe(false);
    expect(assessment.explanation).toBe('3 qualifying complaints in the 6 months to 2026-11-26, but the latest was made on 2026-10-20, more than 1 month ago');
  });

  it('does not count a complaint made more than a month after its incident, nor one outside the 6 months', () => {
    const assessment = assessThreshold(
      [complaint('A', '1', '2026-05-01T20:00:00Z', '2026-05-20T10:00:00Z'), complaint('A', '2', '2026-08-01T21:00:00Z', '2026-09-15T10:00:00Z'), complaint('A', '3', '2026-11-20T22:00:00Z')],
      on,
      POLICY,
    );
    expect(assessment).toMatchObject({ met: false, explanation: '1 qualifying complaint in the 6 months to 2026-11-26; 3 are needed' });
  });

  it('counts the same incident once, however it was found', () => {
    const same = complaint('A', '1', '2026-11-20T22:00:00Z');
    expect(assessThreshold([same, same, same], on, POLICY).qualifying).toHaveLength(1);
  });
});

describe('the ASB Case Review on a case', () => {
  const withIncidents = (count: number, at = '2026-11-02T10:00:00Z'): CaseFile => {
    let file = openCase({}, at);
    for (let n = 1; n <= count; n += 1) {
      const when = new Date(Date.parse(at) + n * 86_400_000).toISOString();
      file = run(file, 'recordIncident', { occurredAt: when, description: `Shouting (${n})`, subjectIds: [] }, when);
    }
    return file;
  };
  const applied = (file: CaseFile, at = '2026-11-10T10:00:00Z') => run(file, 'applyForCaseReview', { applicant: 'VICTIM', applicantName: 'Margaret Ellis' }, at);

  it('tells the coordinator when the third incident meets the threshold, and not again on the fourth', () => {
    const two = withIncidents(2);
    const third: CaseChange = change(two, 'recordIncident', { occurredAt: '2026-11-05T10:00:00Z', description: 'Shouting (3)', subjectIds: [] }, '2026-11-05T11:00:00Z');
    expect(noticesOfChange(two, third, new Date('2026-11-05T11:00:00Z'))).toEqual([
      expect.objectContaining({ kind: 'CASE_REVIEW_THRESHOLD', audience: 'CASE_REVIEW_COORDINATOR', trigger: 'INCIDENTS', met: true }),
    ]);
    const fourth = change(third.file, 'recordIncident', { occurredAt: '2026-11-06T10:00:00Z', description: 'Shouting (4)', subjectIds: [] }, '2026-11-06T11:00:00Z');
    expect(noticesOfChange(third.file, fourth, new Date('2026-11-06T11:00:00Z'))).toEqual([]);
  });

  it('starts the acknowledgement (2 working days) and threshold decision (10) deadlines on application', () => {
    const file = applied(withIncidents(3));
    expect(onlyPending(file, 'COMMUNITY_TRIGGER_ACKNOWLEDGEMENT').dueOn).toBe(addWorkingDays(localDate('2026-11-10'), 2));
    expect(onlyPending(file, 'COMMUNITY_TRIGGER_THRESHOLD').dueOn).toBe(addWorkingDays(localDate('2026-11-10'), 10));
    expect(file.communityTriggers?.[0]).toMatchObject({ status: 'APPLIED', assessment: { met: true } });
  });

  it('refuses to decide "not met" when the record meets the threshold, and a second application while one is open', () => {
    const file = applied(withIncidents(3));
    expect(refusalOf(file, 'decideCaseReviewThreshold', { met: false, reason: 'Not persuaded.' }, '2026-11-11T10:00:00Z', 'dee.patel')?.condition).toBe('THRESHOLD_MET_ON_RECORD');
    expect(refusalOf(file, 'applyForCaseReview', { applicant: 'VICTIM', applicantName: 'Margaret Ellis' }, '2026-11-11T10:00:00Z')?.condition).toBe('CASE_REVIEW_OPEN');
  });

  it('plans the meeting 20 working days after the threshold decision, and the outcome letter 5 after the meeting', () => {
    let file = applied(withIncidents(3));
    file = run(file, 'acknowledgeCaseReview', {}, '2026-11-11T10:00:00Z', 'dee.patel');
    file = run(file, 'decideCaseReviewThreshold', { met: true, reason: 'Three complaints.' }, '2026-11-12T10:00:00Z', 'dee.patel');
    expect(onlyPending(file, 'COMMUNITY_TRIGGER_MEETING').dueOn).toBe(addWorkingDays(localDate('2026-11-12'), 20));
    file = run(file, 'recordCaseReviewMeeting', { recommendations: 'Joint visit.' }, '2026-11-30T10:00:00Z', 'dee.patel');
    expect(onlyPending(file, 'COMMUNITY_TRIGGER_OUTCOME').dueOn).toBe(addWorkingDays(localDate('2026-11-30'), 5));
    file = run(file, 'recordCaseReviewOutcome', { summary: 'Letter sent.' }, '2026-12-01T10:00:00Z', 'dee.patel');
    file = run(file, 'recordCaseReviewAppeal', { reason: 'Disputes it.' }, '2026-12-10T10:00:00Z', 'dee.patel');
    file = run(file, 'decideCaseReviewAppeal', { upheld: false, reason: 'Sound.' }, '2026-12-20T10:00:00Z', 'dee.patel');
    expect(file.communityTriggers?.[0]?.status).toBe('APPEAL_DECIDED');
    expect(file.deadlines.filter((d) => d.kind.startsWith('COMMUNITY_TRIGGER_')).map((d) => `${d.kind}:${d.status}`)).toEqual([
      'COMMUNITY_TRIGGER_ACKNOWLEDGEMENT:MET',
      'COMMUNITY_TRIGGER_THRESHOLD:MET',
      'COMMUNITY_TRIGGER_MEETING:MET',
      'COMMUNITY_TRIGGER_OUTCOME:MET',
    ]);
  });
});
