import {
  type CaseFile,
  missDeadline,
  nextReviewDeadline,
  type OpenCaseCommand,
  openCaseFile,
  policyVersion,
  recordAlertSent,
  recordReview,
  reviewRefusal,
  type RiskLevel,
} from '../../libs/domain/src';

const POLICY = policyVersion('2026.1').local;
const REFERENCE = 'ASB-2026-000123';

/** Reported by the call centre, not yet given to a caseworker. */
const UNALLOCATED_NOISE_COMPLAINT: OpenCaseCommand = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Loud music from the flat above most nights after midnight.',
  riskLevel: 'STANDARD',
  team: 'north',
  location: { ward: 'Egerton', priorityNeighbourhood: false },
  openedBy: 'amira.khan',
};
const NOISE_COMPLAINT: OpenCaseCommand = { ...UNALLOCATED_NOISE_COMPLAINT, caseworker: 'amira.khan' };

/** Monday 2 March 2026, 09:00 in England (GMT). */
const OPENED = new Date('2026-03-02T09:00:00Z');

function open(riskLevel: RiskLevel, now: Date = OPENED, command: OpenCaseCommand = NOISE_COMPLAINT): CaseFile {
  return openCaseFile(REFERENCE, '2026.1', { ...command, riskLevel }, POLICY, now).file;
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
  ] as const)('plans the first review of a %s risk case %i days after it was opened', (risk, days, dueOn) => {
    const review = onlyDeadline(open(risk));
    expect(review).toMatchObject({ kind: 'CASE_REVIEW', status: 'PENDING', dueOn, plannedAt: OPENED.toISOString() });
    expect(review.reason).toContain('first review');
    expect(review.reason).toContain(`${risk} risk cases are reviewed every ${days} days`);
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

  it('is ALLOCATED when a caseworker is named', () => {
    const file = open('HIGH');
    expect(file.stage).toBe('ALLOCATED');
    expect(file.caseworker).toBe('amira.khan');
  });

  it('is TRIAGED, with no caseworker, when none is named', () => {
    const file = open('HIGH', OPENED, UNALLOCATED_NOISE_COMPLAINT);
    expect(file.stage).toBe('TRIAGED');
    expect(file).not.toHaveProperty('caseworker');
  });

  it('starts at version 1 with one CASE_OPENED timeline entry numbered 1', () => {
    const { file, timeline } = openCaseFile(REFERENCE, '2026.1', NOISE_COMPLAINT, POLICY, OPENED);
    expect(file).toMatchObject({ reference: REFERENCE, policyVersionId: '2026.1', version: 1, reviewCount: 0, timelineSeq: 1 });
    expect(timeline).toEqual([
      expect.objectContaining({ seq: 1, kind: 'CASE_OPENED', actor: 'amira.khan', summary: 'Case opened as STANDARD risk noise dispute' }),
    ]);
  });
});

describe('recording a review', () => {
  /** Thursday 5 March 2026: day 3 of a case opened on 2 March. */
  const DAY_3 = new Date('2026-03-05T10:00:00Z');

  it('meets the pending review and plans the next from the re-assessed risk', () => {
    const { file } = recordReview(open('STANDARD'), { summary: 'Threats made on the stairs', riskLevel: 'HIGH', reviewedBy: 'amira.khan' }, POLICY, DAY_3);
    expect(file.riskLevel).toBe('HIGH');
    expect(file.reviewCount).toBe(1);
    expect(file.lastReviewedAt).toBe(DAY_3.toISOString());
    expect(file.deadlines).toEqual([
      expect.objectContaining({ id: 'review-1', status: 'MET', dueOn: '2026-03-30', resolvedAt: DAY_3.toISOString() }),
      expect.objectContaining({ id: 'review-2', status: 'PENDING', dueOn: '2026-03-12' }),
    ]);
    expect(nextReviewDeadline(file)?.dueOn).toBe('2026-03-12');
  });

  it('says in the timeline that the risk was re-assessed, and when the next review is due', () => {
    const { timeline } = recordReview(open('STANDARD'), { summary: 'Threats made on the stairs', riskLevel: 'HIGH', reviewedBy: 'amira.khan' }, POLICY, DAY_3);
    expect(timeline).toEqual([
      expect.objectContaining({ seq: 2, kind: 'REVIEW_RECORDED', summary: 'Review 1: Threats made on the stairs', data: { nextReviewDue: '2026-03-12' } }),
      expect.objectContaining({ seq: 3, kind: 'RISK_REASSESSED', summary: 'Risk re-assessed from STANDARD to HIGH', data: { from: 'STANDARD', to: 'HIGH' } }),
    ]);
  });

  it('keeps the risk and its interval when no re-assessment is given', () => {
    const { file, timeline } = recordReview(open('MEDIUM'), { summary: 'Quieter this week', reviewedBy: 'amira.khan' }, POLICY, DAY_3);
    expect(file.riskLevel).toBe('MEDIUM');
    expect(nextReviewDeadline(file)?.dueOn).toBe('2026-03-19');
    expect(timeline.map((entry) => entry.kind)).toEqual(['REVIEW_RECORDED']);
  });

  it('adds one to the version and leaves only one review pending', () => {
    const { file } = recordReview(open('HIGH'), { summary: 'Seen', reviewedBy: 'amira.khan' }, POLICY, DAY_3);
    expect(file.version).toBe(2);
    expect(file.deadlines.filter((deadline) => deadline.status === 'PENDING')).toHaveLength(1);
  });

  it('leaves a review that was already missed recorded as missed', () => {
    const missed = missDeadline(open('HIGH'), 'review-1', new Date('2026-03-10T00:00:00Z')).file;
    const { file } = recordReview(missed, { summary: 'Late review', reviewedBy: 'amira.khan' }, POLICY, new Date('2026-03-11T09:00:00Z'));
    expect(file.deadlines.map((deadline) => [deadline.id, deadline.status])).toEqual([
      ['review-1', 'MISSED'],
      ['review-2', 'PENDING'],
    ]);
    expect(nextReviewDeadline(file)?.dueOn).toBe('2026-03-18');
  });
});

describe('a review deadline passing unmet', () => {
  const AFTER_DUE = new Date('2026-03-10T00:00:01Z');

  it('is recorded as missed with a DEADLINE_MISSED timeline entry by the system', () => {
    const { file, timeline } = missDeadline(open('HIGH'), 'review-1', AFTER_DUE);
    expect(file.version).toBe(2);
    expect(file.deadlines).toEqual([
      expect.objectContaining({ id: 'review-1', status: 'MISSED', resolvedAt: AFTER_DUE.toISOString(), resolution: 'passed unmet at the end of 2026-03-09' }),
    ]);
    expect(nextReviewDeadline(file)).toBeUndefined();
    expect(timeline).toEqual([
      expect.objectContaining({ seq: 2, kind: 'DEADLINE_MISSED', actor: 'system', summary: 'Case review due on 2026-03-09 was missed' }),
    ]);
  });

  it('is recorded only once when the timer fires again', () => {
    const once = missDeadline(open('HIGH'), 'review-1', AFTER_DUE).file;
    const again = missDeadline(once, 'review-1', new Date('2026-03-10T00:05:00Z'));
    expect(again.file).toBe(once);
    expect(again.timeline).toEqual([]);
  });

  it('changes nothing for a deadline the case does not have', () => {
    const file = open('HIGH');
    expect(missDeadline(file, 'review-9', AFTER_DUE)).toEqual({ file, timeline: [] });
  });
});

describe('the case timeline and version', () => {
  it('numbers entries consecutively and bumps the version across every change', () => {
    const opened = openCaseFile(REFERENCE, '2026.1', { ...NOISE_COMPLAINT, riskLevel: 'HIGH' }, POLICY, OPENED);
    const missed = missDeadline(opened.file, 'review-1', new Date('2026-03-10T00:00:00Z'));
    const alerted = recordAlertSent(missed.file, { kind: 'OVERDUE_REVIEW', deadlineId: 'review-1', recipients: ['team.leader'] }, new Date('2026-03-10T00:00:05Z'));
    const reviewed = recordReview(alerted.file, { summary: 'Caught up', riskLevel: 'MEDIUM', reviewedBy: 'amira.khan' }, POLICY, new Date('2026-03-10T09:00:00Z'));
    const seqs = [opened, missed, alerted, reviewed].flatMap((change) => change.timeline.map((entry) => entry.seq));
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    expect(reviewed.file.timelineSeq).toBe(5);
    expect([opened, missed, alerted, reviewed].map((change) => change.file.version)).toEqual([1, 2, 3, 4]);
    expect(alerted.timeline[0]?.summary).toBe('overdue review alert sent to team.leader');
  });
});

describe('whether a review can be recorded', () => {
  it('can be on an open case', () => {
    expect(reviewRefusal(open('HIGH'))).toBeUndefined();
  });

  it('is refused on a closed case, saying it must be re-opened', () => {
    const closed: CaseFile = { ...open('HIGH'), stage: 'CLOSED' };
    expect(reviewRefusal(closed)).toBe('case ASB-2026-000123 is closed: re-open it before recording a review');
  });

  it('is refused on an anonymised case', () => {
    const anonymised: CaseFile = { ...open('HIGH'), stage: 'ANONYMISED' };
    expect(reviewRefusal(anonymised)).toContain('anonymised');
  });
});
