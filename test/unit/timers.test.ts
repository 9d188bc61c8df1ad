import { alertAudienceOf, type CaseFile, deadlinePassed, localDate, nextPendingDeadline, processEnded } from '../../libs/domain/src';
import {
  change,
  DARREN,
  deadlineById,
  deadlinesOf,
  JORDAN,
  LEGAL,
  MANAGER,
  onlyPending,
  openCase,
  pendingOfKind,
  refusalOf,
  run,
  step,
  withCpw,
} from './case-builder';

const d = localDate;

/** The moment the workflow's timer for `id` fires: the instant the deadline is due. */
function timerFires(file: CaseFile, id: string) {
  return deadlinePassed(file, id, new Date(deadlineById(file, id).dueAt));
}

/** Opened STANDARD on Monday 2 November 2026: contact due 9 November, first review 30 November. */
const opened = () => openCase();

describe('a duty left undone', () => {
  it('is MISSED and returned as an alert to send', () => {
    const { file, alerts, timeline } = timerFires(opened(), 'initial-contact-1');
    expect(deadlineById(file, 'initial-contact-1')).toMatchObject({ status: 'MISSED', resolution: 'passed unmet at 2026-11-09T23:59:59.999Z' });
    expect(alerts).toEqual([deadlineById(file, 'initial-contact-1')]);
    expect(alertAudienceOf('INITIAL_CONTACT')).toBe('MANAGER');
    expect(timeline).toEqual([expect.objectContaining({ kind: 'DEADLINE_MISSED', actor: 'system', summary: 'Initial contact with the complainant due on 2026-11-09 was missed' })]);
  });

  it('shows as late when it is done after all', () => {
    const missed = timerFires(opened(), 'initial-contact-1').file;
    const { timeline } = change(missed, 'recordInitialContact', { summary: 'Finally reached Mrs Ellis' }, '2026-11-10T10:00:00Z');
    expect(timeline[0]?.summary).toBe('Initial contact with the complainant (late): Finally reached Mrs Ellis');
  });

  it('for a case review, plans the escalation to the head of service 5 working days after the review was due', () => {
    const { file, alerts } = timerFires(opened(), 'case-review-1');
    expect(alerts?.map((a) => a.kind)).toEqual(['CASE_REVIEW']);
    expect(onlyPending(file, 'REVIEW_ESCALATION')).toMatchObject({
      id: 'review-escalation-1',
      dueOn: '2026-12-07',
      reason: 'a review still overdue 5 working days after it was due goes to the head of service',
    });
    expect(alertAudienceOf('REVIEW_ESCALATION')).toBe('HEAD_OF_SERVICE');
  });

  it('for a case review due before Christmas, escalates 5 working days later, skipping the bank holidays', () => {
    // HIGH case opened Thursday 17 December 2026: review due Thursday 24 December.
    const high = openCase({ riskLevel: 'HIGH' }, '2026-12-17T09:00:00Z');
    const { file } = timerFires(high, 'case-review-1');
    // 25 and 28 December and 1 January are bank holidays: 29, 30, 31 December, 4, 5 January.
    expect(onlyPending(file, 'REVIEW_ESCALATION').dueOn).toBe('2027-01-05');
  });

  it('for an escalation still not done, alerts the head of service and escalates no further', () => {
    const escalated = timerFires(opened(), 'case-review-1').file;
    const { file, alerts } = timerFires(escalated, 'review-escalation-1');
    expect(alerts?.map((a) => [a.id, a.status])).toEqual([['review-escalation-1', 'MISSED']]);
    expect(deadlinesOf(file, 'REVIEW_ESCALATION').map((dl) => dl.status)).toEqual(['MISSED']);
    expect(deadlinesOf(file, 'CASE_REVIEW').map((dl) => dl.status)).toEqual(['MISSED']);
  });
});

describe('a period running its course', () => {
  /** CPW 16 November, further incident 1 December, CPN issued Tuesday 1 December 2026. */
  function withCpn(): CaseFile {
    let file = withCpw(opened(), DARREN, '2026-11-16T10:00:00Z');
    file = run(file, 'recordIncident', { occurredAt: '2026-12-01T01:30:00Z', description: 'Music until 3am', subjectIds: [DARREN.id] }, '2026-12-01T09:00:00Z');
    return step(file, { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: DARREN.id, requirements: [{ text: 'Remove the speakers', dueOn: d('2026-12-15') }] }, '2026-12-01T10:00:00Z');
  }

  it('ends MET with no alert', () => {
    const { file, alerts, timeline } = timerFires(withCpn(), 'cpn-appeal-window-1');
    expect(deadlineById(file, 'cpn-appeal-window-1')).toMatchObject({ status: 'MET', resolution: 'appeal window closed at 2026-12-21T23:59:59.999Z' });
    expect(alerts).toBeUndefined();
    expect(timeline).toEqual([
      expect.objectContaining({ kind: 'PERIOD_ENDED', actor: 'system', summary: 'Community Protection Notice appeal window ended on 2026-12-21: appeal window closed' }),
    ]);
  });

  it('for a CPW compliance period, makes a compliance check due 2 working days later', () => {
    const file = withCpw(opened(), DARREN, '2026-11-16T10:00:00Z');
    const { file: ended, alerts } = timerFires(file, 'cpw-compliance-1');
    expect(alerts).toBeUndefined();
    expect(deadlineById(ended, 'cpw-compliance-1').status).toBe('MET');
    expect(onlyPending(ended, 'COMPLIANCE_CHECK')).toMatchObject({
      dueOn: '2026-12-02',
      reason: 'the CPW compliance period has ended: record whether it was complied with',
      stepId: 'step-3',
      subjectId: DARREN.id,
    });
  });

  it('for a CPW ending on Christmas Eve, counts the compliance check past the bank holidays', () => {
    const file = withCpw(opened(), DARREN, '2026-12-10T10:00:00Z');
    expect(onlyPending(file, 'CPW_COMPLIANCE').dueOn).toBe('2026-12-24');
    expect(onlyPending(timerFires(file, 'cpw-compliance-1').file, 'COMPLIANCE_CHECK').dueOn).toBe('2026-12-30');
  });

  it('for a CPN requirement, makes a compliance check due', () => {
    const { file } = timerFires(withCpn(), 'cpn-requirement-1');
    expect(onlyPending(file, 'COMPLIANCE_CHECK')).toMatchObject({ dueOn: '2026-12-17', reason: 'the CPN requirement has ended: record whether it was complied with', stepId: 'step-4' });
  });

  describe('for a fixed penalty', () => {
    function fined(): CaseFile {
      let file = run(withCpn(), 'recordBreach', { stepId: 'step-4', description: 'Music at 1am', occurredAt: '2026-12-08T01:00:00Z' }, '2026-12-08T09:00:00Z');
      file = step(file, { kind: 'FIXED_PENALTY_NOTICE', subjectId: DARREN.id, amountPounds: 100 }, '2026-12-10T10:00:00Z');
      return file;
    }

    it('left unpaid, makes a prosecution decision due 10 working days later, for legal', () => {
      const { file, alerts, timeline } = timerFires(fined(), 'fpn-payment-1');
      expect(alerts).toBeUndefined();
      expect(onlyPending(file, 'PROSECUTION_DECISION')).toMatchObject({ dueOn: '2027-01-12', reason: 'the fixed penalty went unpaid: decide whether to prosecute', stepId: 'step-5' });
      expect(alertAudienceOf('PROSECUTION_DECISION')).toBe('LEGAL');
      expect(timeline[0]?.summary).toBe('Fixed penalty payment period ended on 2026-12-24: unpaid: prosecution decision now due');
    });

    it('paid in time, has already ended and makes no prosecution decision due', () => {
      const paid = run(fined(), 'recordFixedPenaltyPayment', { stepId: 'step-5' }, '2026-12-14T10:00:00Z');
      expect(deadlineById(paid, 'fpn-payment-1')).toMatchObject({ status: 'MET', resolution: 'paid' });
      const { file, timeline } = timerFires(paid, 'fpn-payment-1');
      expect(file).toBe(paid);
      expect(timeline).toEqual([]);
      expect(deadlinesOf(file, 'PROSECUTION_DECISION')).toEqual([]);
    });

    it('left unpaid, takes the prosecution decision when legal records it', () => {
      const due = timerFires(fined(), 'fpn-payment-1').file;
      const decided = run(due, 'recordProsecutionDecision', { stepId: 'step-5', prosecute: true, reason: 'Repeat breach' }, '2027-01-05T10:00:00Z', LEGAL);
      expect(deadlinesOf(decided, 'PROSECUTION_DECISION').map((dl) => [dl.status, dl.resolution])).toEqual([['MET', 'prosecute: Repeat breach']]);
    });
  });

  it('for an Acceptable Behaviour Contract, ends the contract', () => {
    let file = step(opened(), { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-09T10:00:00Z');
    file = step(file, { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: DARREN.id, subjectAgreed: true }, '2026-11-16T10:00:00Z');
    const ended = deadlinePassed(file, 'abc-end-1', new Date('2027-05-17T00:00:00Z')).file;
    expect(ended.enforcement.find((s) => s.id === 'step-2')?.endedAt).toBe('2027-05-17T00:00:00.000Z');
  });
});

describe('an order expiring', () => {
  /** A youth CBO made on 14 December 2026 to expire on 30 June 2027, before its 12-month review falls due. */
  function youthCbo(): CaseFile {
    let file = run(opened(), 'recordConviction', { subjectId: JORDAN.id, offence: 'Criminal damage', convictedOn: d('2026-11-10') }, '2026-11-11T10:00:00Z');
    file = step(file, { kind: 'CRIMINAL_BEHAVIOUR_ORDER', subjectId: JORDAN.id, skipReason: 'Convicted' }, '2026-11-16T10:00:00Z');
    file = run(file, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Apply' }, '2026-11-18T10:00:00Z', LEGAL);
    file = run(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court: 'YOUTH_COURT' }, '2026-11-20T10:00:00Z', LEGAL);
    return run(file, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'Not to enter the town centre', expiresOn: d('2027-06-30') }, '2026-12-14T15:00:00Z', LEGAL);
  }

  it('ends the order and cancels its pending review', () => {
    const file = youthCbo();
    expect(onlyPending(file, 'ORDER_REVIEW').dueOn).toBe('2027-12-14');
    const { file: expired, alerts } = timerFires(file, 'order-expiry-1');
    expect(alerts).toBeUndefined();
    expect(expired.legalReferrals[0]?.status).toBe('ORDER_ENDED');
    expect(deadlineById(expired, 'order-expiry-1')).toMatchObject({ status: 'MET' });
    expect(deadlinesOf(expired, 'ORDER_REVIEW').map((dl) => [dl.status, dl.resolution])).toEqual([['CANCELLED', 'order expired']]);
  });

  it('lets the case close while the order runs, and once it has ended', () => {
    const file = youthCbo();
    const reason = { reason: 'RESOLVED' as const, explanationToComplainant: 'The order has run its course.' };
    expect(refusalOf(file, 'requestClosure', reason, '2027-07-01T10:00:00Z')).toBeUndefined();
    const expired = timerFires(file, 'order-expiry-1').file;
    expect(refusalOf(expired, 'requestClosure', reason, '2027-07-01T10:00:00Z')).toBeUndefined();
  });
});

describe('a timer for a deadline that is no longer pending', () => {
  it('changes nothing when the deadline was met', () => {
    const met = run(opened(), 'recordInitialContact', { summary: 'Phoned' }, '2026-11-03T10:00:00Z');
    const result = timerFires(met, 'initial-contact-1');
    expect(result.file).toBe(met);
    expect(result.timeline).toEqual([]);
    expect(result.alerts).toBeUndefined();
  });

  it('changes nothing when the deadline was cancelled by a re-plan', () => {
    const replanned = run(opened(), 'recordReview', { summary: 'Escalating', riskLevel: 'HIGH' }, '2026-11-05T10:00:00Z');
    expect(deadlineById(replanned, 'initial-contact-1').status).toBe('CANCELLED');
    expect(timerFires(replanned, 'initial-contact-1').file).toBe(replanned);
  });

  it('changes nothing when it fires twice', () => {
    const once = timerFires(opened(), 'case-review-1').file;
    const twice = timerFires(once, 'case-review-1');
    expect(twice.file).toBe(once);
    expect(twice.alerts).toBeUndefined();
    expect(pendingOfKind(twice.file, 'REVIEW_ESCALATION')).toHaveLength(1);
  });
});

describe('the next deadline to wait for', () => {
  it('is the pending one due first', () => {
    expect(nextPendingDeadline(opened().deadlines)?.id).toBe('initial-contact-1');
    const contacted = run(opened(), 'recordInitialContact', { summary: 'Phoned' }, '2026-11-03T10:00:00Z');
    expect(nextPendingDeadline(contacted.deadlines)?.id).toBe('complainant-update-1');
  });
});

describe('whether the case process has ended', () => {
  function closed(): CaseFile {
    let file = run(opened(), 'recordInitialContact', { summary: 'Phoned' }, '2026-11-03T10:00:00Z');
    file = run(file, 'requestClosure', { reason: 'NOT_ASB', explanationToComplainant: 'This is a neighbour dispute about a fence.' }, '2026-11-05T10:00:00Z');
    return run(file, 'decideClosure', { approve: true, reason: 'Agreed' }, '2026-11-06T10:00:00Z', MANAGER);
  }

  it('has not while the case is open', () => {
    expect(processEnded(opened())).toBe(false);
  });

  it('has not while a closed case still owes a satisfaction follow-up or can be re-opened', () => {
    const file = closed();
    expect(processEnded(file)).toBe(false);
    const followedUp = run(file, 'recordSatisfactionFollowUp', { summary: 'Satisfied with the outcome' }, '2026-11-12T10:00:00Z');
    expect(processEnded(followedUp)).toBe(false);
  });

  it('has once the follow-up is done and the re-open window has closed', () => {
    let file = run(closed(), 'recordSatisfactionFollowUp', { summary: 'Satisfied with the outcome' }, '2026-11-12T10:00:00Z');
    file = timerFires(file, onlyPending(file, 'REOPEN_WINDOW').id).file;
    expect(processEnded(file)).toBe(true);
  });

  it('has once a missed follow-up is recorded and the window has closed: nothing is left to watch', () => {
    let file = closed();
    file = timerFires(file, onlyPending(file, 'SATISFACTION_FOLLOW_UP').id).file;
    file = timerFires(file, onlyPending(file, 'REOPEN_WINDOW').id).file;
    expect(deadlinesOf(file, 'SATISFACTION_FOLLOW_UP').map((dl) => dl.status)).toEqual(['MISSED']);
    expect(processEnded(file)).toBe(true);
  });
});
