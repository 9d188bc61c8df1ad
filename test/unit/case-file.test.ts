import {
  type CaseFile,
  deadlinePassed,
  missedDeadlineNotices,
  nextReviewDeadline,
  type OpenCaseCommand,
  openCaseFile,
  recordNoticeDelivered,
  type RiskLevel,
} from '../../libs/domain/src';
import { CASEWORKER, change, deadlineById, MANAGER, NOISE_REPORT, POLICY, REFERENCE, refusalOf, run } from './case-builder';

/** Reported by the call centre, not yet given to a caseworker, no complainant details taken yet. */
const UNALLOCATED_NOISE_COMPLAINT: OpenCaseCommand = { ...NOISE_REPORT, caseworker: undefined, complainants: [], subjects: [] };
const NOISE_COMPLAINT: OpenCaseCommand = { ...UNALLOCATED_NOISE_COMPLAINT, caseworker: CASEWORKER };

/** Monday 2 March 2026, 09:00 in England (GMT). */
const OPENED = new Date('2026-03-02T09:00:00Z');

function open(riskLevel: RiskLevel, now: Date = OPENED, command: OpenCaseCommand = NOISE_COMPLAINT): CaseFile {
  return openCaseFile(REFERENCE, POLICY, { ...command, riskLevel }, now).file;
}

function onlyDeadline(file: CaseFile) {
  expect(file.deadlines).toHaveLength(1);
  const [deadline] = file.deadlines;
  if (!deadline) throw new Error('no deadline');
  return deadline;
}

describe('opening a case', () => {
  it.each([
    ['HIGH', 7, '2026-03-09'],
    ['MEDIUM', 14, '2026-03-16'],
    ['STANDARD', 28, '2026-03-30'],
  ] as const)('plans the first review of a %s risk case %i days after it was reported', (risk, days, dueOn) => {
    const review = onlyDeadline(open(risk));
    expect(review).toMatchObject({ id: 'case-review-1', kind: 'CASE_REVIEW', status: 'PENDING', dueOn, plannedAt: OPENED.toISOString() });
    expect(review.reason).toBe(`${risk} risk cases are reviewed every ${days} days (from the report)`);
  });

  it('makes the review due by the end of its day in England, in GMT or BST', () => {
    expect(onlyDeadline(open('HIGH')).dueAt).toBe('2026-03-09T23:59:59.999Z');
    expect(onlyDeadline(open('STANDARD')).dueAt).toBe('2026-03-30T22:59:59.999Z');
  });

  it('counts from the date in England, so a case opened at 00:30 BST on 2 July counts from 2 July', () => {
    const review = onlyDeadline(open('HIGH', new Date('2026-07-01T23:30:00Z')));
    expect(review.dueOn).toBe('2026-07-09');
    expect(review.dueAt).toBe('2026-07-09T22:59:59.999Z');
  });

  it('with a complainant, also plans first contact by risk and the first update, each with its reason', () => {
    const file = open('MEDIUM', OPENED, { ...NOISE_COMPLAINT, complainants: [{ id: 'complainant-1', name: 'Margaret Ellis', vulnerable: true }] });
    expect(file.deadlines.map((d) => [d.id, d.status, d.dueOn, d.reason])).toEqual([
      ['initial-contact-1', 'PENDING', '2026-03-04', 'MEDIUM risk: first contact with the complainant within 2 working days of the report'],
      ['case-review-1', 'PENDING', '2026-03-16', 'MEDIUM risk cases are reviewed every 14 days (from the report)'],
      ['complainant-update-1', 'PENDING', '2026-03-16', 'the complainant is updated every 10 working days'],
    ]);
  });

  it('counts first contact in working days, skipping Good Friday and Easter Monday', () => {
    // Thursday 2 April 2026: the next working day is Tuesday 7 April.
    const file = open('HIGH', new Date('2026-04-02T15:00:00+01:00'), { ...NOISE_COMPLAINT, complainants: [{ id: 'complainant-1', name: 'Margaret Ellis', vulnerable: false }] });
    expect(deadlineById(file, 'initial-contact-1')).toMatchObject({ dueOn: '2026-04-07', reason: 'HIGH risk: first contact with the complainant within 1 working day of the report' });
  });

  it('is ALLOCATED when a caseworker is named', () => {
    const file = open('HIGH');
    expect(file.stage).toBe('ALLOCATED');
    expect(file.caseworker).toBe(CASEWORKER);
  });

  it('is TRIAGED, with no caseworker, when none is named', () => {
    const file = open('HIGH', OPENED, UNALLOCATED_NOISE_COMPLAINT);
    expect(file.stage).toBe('TRIAGED');
    expect(file).not.toHaveProperty('caseworker');
  });

  it('is REPORTED, with no deadlines yet, when the risk is not yet assessed', () => {
    const file = openCaseFile(REFERENCE, POLICY, { ...NOISE_COMPLAINT, riskLevel: undefined }, OPENED).file;
    expect(file.stage).toBe('REPORTED');
    expect(file).not.toHaveProperty('riskLevel');
    expect(file.deadlines).toEqual([]);
  });

  it('starts at version 1 with one CASE_OPENED timeline entry numbered 1, under the policy it was opened with', () => {
    const { file, timeline } = openCaseFile(REFERENCE, POLICY, NOISE_COMPLAINT, OPENED);
    expect(file).toMatchObject({ reference: REFERENCE, version: 1, reviewCount: 0, timelineSeq: 1, forum: 'GENERAL_CASEWORK' });
    expect(file.policy.id).toBe('2026.1');
    expect(timeline).toEqual([
      {
        seq: 1,
        kind: 'CASE_OPENED',
        at: OPENED.toISOString(),
        actor: CASEWORKER,
        summary: 'Case opened: noise dispute, STANDARD risk',
        data: { stage: 'ALLOCATED', riskLevel: 'STANDARD', team: 'north', caseworker: CASEWORKER, policyVersion: '2026.1' },
      },
    ]);
  });
});

describe('recording a review', () => {
  /** Thursday 5 March 2026: day 3 of a case opened on 2 March. */
  const DAY_3 = '2026-03-05T10:00:00Z';

  it('meets the pending review and plans the next from the re-assessed risk', () => {
    const file = run(open('STANDARD'), 'recordReview', { summary: 'Threats made on the stairs', riskLevel: 'HIGH' }, DAY_3);
    expect(file.riskLevel).toBe('HIGH');
    expect(file.reviewCount).toBe(1);
    expect(file.lastReviewedAt).toBe(DAY_3.replace('Z', '.000Z'));
    expect(file.deadlines).toEqual([
      expect.objectContaining({ id: 'case-review-1', status: 'MET', dueOn: '2026-03-30', resolvedAt: '2026-03-05T10:00:00.000Z', resolution: 'review 1 recorded by amira.khan' }),
      expect.objectContaining({ id: 'case-review-2', status: 'PENDING', dueOn: '2026-03-12', reason: 'next review after review 1: HIGH risk cases are reviewed every 7 days' }),
    ]);
    expect(nextReviewDeadline(file)?.dueOn).toBe('2026-03-12');
  });

  it('says in the timeline who reviewed, that the risk was re-assessed, and when the next review is due', () => {
    const { timeline } = change(open('STANDARD'), 'recordReview', { summary: 'Threats made on the stairs', riskLevel: 'HIGH' }, DAY_3);
    expect(timeline).toEqual([
      expect.objectContaining({ seq: 2, kind: 'REVIEW_RECORDED', actor: CASEWORKER, summary: 'Review 1: Threats made on the stairs', data: { nextReviewDue: '2026-03-12' } }),
      expect.objectContaining({ seq: 3, kind: 'RISK_REASSESSED', summary: 'Risk re-assessed from STANDARD to HIGH', data: { from: 'STANDARD', to: 'HIGH' } }),
    ]);
  });

  it('keeps the risk and its interval when no re-assessment is given', () => {
    const { file, timeline } = change(open('MEDIUM'), 'recordReview', { summary: 'Quieter this week' }, DAY_3);
    expect(file.riskLevel).toBe('MEDIUM');
    expect(nextReviewDeadline(file)?.dueOn).toBe('2026-03-19');
    expect(timeline.map((entry) => entry.kind)).toEqual(['REVIEW_RECORDED']);
  });

  it('adds one to the version and leaves only one review pending', () => {
    const file = run(open('HIGH'), 'recordReview', { summary: 'Seen' }, DAY_3);
    expect(file.version).toBe(2);
    expect(file.deadlines.filter((deadline) => deadline.status === 'PENDING')).toHaveLength(1);
  });

  it('leaves a review that was already missed recorded as missed, and meets its escalation', () => {
    const missed = deadlinePassed(open('HIGH'), 'case-review-1', new Date('2026-03-10T00:00:00Z')).file;
    const file = run(missed, 'recordReview', { summary: 'Late review' }, '2026-03-11T09:00:00Z');
    expect(file.deadlines.map((deadline) => [deadline.id, deadline.status])).toEqual([
      ['case-review-1', 'MISSED'],
      ['review-escalation-1', 'MET'],
      ['case-review-2', 'PENDING'],
    ]);
    expect(nextReviewDeadline(file)?.dueOn).toBe('2026-03-18');
  });
});

describe('a review deadline passing unmet', () => {
  const AFTER_DUE = new Date('2026-03-10T00:00:01Z');

  it('is recorded as missed, raises the manager alert and adds a DEADLINE_MISSED entry by the system', () => {
    const { file, timeline, alerts } = deadlinePassed(open('HIGH'), 'case-review-1', AFTER_DUE);
    expect(file.version).toBe(2);
    expect(deadlineById(file, 'case-review-1')).toMatchObject({ status: 'MISSED', resolvedAt: AFTER_DUE.toISOString(), resolution: 'passed unmet at 2026-03-09T23:59:59.999Z' });
    expect(alerts?.map((alert) => [alert.id, alert.status])).toEqual([['case-review-1', 'MISSED']]);
    expect(nextReviewDeadline(file)).toBeUndefined();
    expect(timeline).toEqual([
      expect.objectContaining({ seq: 2, kind: 'DEADLINE_MISSED', actor: 'system', summary: 'Case review due on 2026-03-09 was missed' }),
    ]);
  });

  it('is recorded only once when the timer fires again', () => {
    const once = deadlinePassed(open('HIGH'), 'case-review-1', AFTER_DUE).file;
    const again = deadlinePassed(once, 'case-review-1', new Date('2026-03-10T00:05:00Z'));
    expect(again.file).toBe(once);
    expect(again.timeline).toEqual([]);
    expect(again.alerts).toBeUndefined();
  });

  it('changes nothing for a deadline the case does not have', () => {
    const file = open('HIGH');
    expect(deadlinePassed(file, 'case-review-9', AFTER_DUE)).toEqual({ file, timeline: [] });
  });
});

describe('the case timeline and version', () => {
  it('numbers entries consecutively and bumps the version across every change', () => {
    const opened = openCaseFile(REFERENCE, POLICY, { ...NOISE_COMPLAINT, riskLevel: 'HIGH' }, OPENED);
    const missed = deadlinePassed(opened.file, 'case-review-1', new Date('2026-03-10T00:00:00Z'));
    const [alert] = missedDeadlineNotices(missed);
    const alerted = recordNoticeDelivered(missed.file, alert!, { sent: [MANAGER], failed: [] }, new Date('2026-03-10T00:00:05Z'));
    const reviewed = change(alerted.file, 'recordReview', { summary: 'Caught up', riskLevel: 'MEDIUM' }, '2026-03-10T09:00:00Z');
    const changes = [opened, missed, alerted, reviewed];
    expect(changes.flatMap((c) => c.timeline.map((entry) => entry.seq))).toEqual([1, 2, 3, 4, 5]);
    expect(reviewed.file.timelineSeq).toBe(5);
    expect(changes.map((c) => c.file.version)).toEqual([1, 2, 3, 4]);
    expect(alerted.timeline[0]?.summary).toBe('case review alert sent to team.leader');
  });
});

describe('whether a review can be recorded', () => {
  it('can be on an open case', () => {
    expect(refusalOf(open('HIGH'), 'recordReview', { summary: 'x' }, '2026-03-03T09:00:00Z')).toBeUndefined();
  });

  it('is refused on a closed case, saying it must be re-opened', () => {
    let file = run(open('HIGH'), 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'The music has stopped.' }, '2026-03-03T09:00:00Z');
    file = run(file, 'decideClosure', { approve: true, reason: 'agreed' }, '2026-03-03T11:00:00Z', MANAGER);
    expect(refusalOf(file, 'recordReview', { summary: 'x' }, '2026-03-04T09:00:00Z')).toEqual({
      condition: 'CASE_CLOSED',
      message: 'case ASB-2026-000123 is closed: re-open it before recording a review',
    });
  });

  it('is refused on an anonymised case', () => {
    const anonymised: CaseFile = { ...open('HIGH'), stage: 'ANONYMISED' };
    expect(refusalOf(anonymised, 'recordReview', { summary: 'x' }, '2026-03-04T09:00:00Z')?.message).toContain('anonymised');
  });

  it('is refused before the risk has been assessed', () => {
    const reported = openCaseFile(REFERENCE, POLICY, { ...NOISE_COMPLAINT, riskLevel: undefined }, OPENED).file;
    expect(refusalOf(reported, 'recordReview', { summary: 'x' }, '2026-03-03T09:00:00Z')).toEqual({ condition: 'NOT_TRIAGED', message: 'assess the risk before the first review' });
  });
});
