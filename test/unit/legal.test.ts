import { alertAudienceOf, type CaseFile, localDate, type RecordEnforcementStepCommand } from '../../libs/domain/src';
import { change, DARREN, deadlineById, deadlinesOf, JORDAN, LEGAL, onlyPending, openCase, pendingOfKind, refusalOf, run, step } from './case-builder';

const d = localDate;

const ADULT_INJUNCTION: RecordEnforcementStepCommand = { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: 'Threats with a knife' };
const YOUTH_INJUNCTION: RecordEnforcementStepCommand = { kind: 'CIVIL_INJUNCTION', subjectId: JORDAN.id, skipReason: 'Intimidating neighbours', youthOffendingTeamConsultedOn: d('2026-11-12') };

/** A level-5 step recorded on Monday 16 November 2026 on a case opened on 2 November: referral legal-1. */
const referred = (command: RecordEnforcementStepCommand = ADULT_INJUNCTION, at = '2026-11-16T10:00:00Z') => step(openCase(), command, at);

/** Legal decided to proceed on 18 November and listed the hearing for 10:00 on Monday 14 December 2026. */
function listed(command: RecordEnforcementStepCommand, court: 'COUNTY_COURT' | 'YOUTH_COURT' | 'MAGISTRATES_COURT'): CaseFile {
  let file = run(referred(command), 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Strong evidence' }, '2026-11-18T10:00:00Z', LEGAL);
  file = run(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court }, '2026-11-20T10:00:00Z', LEGAL);
  return file;
}

const HEARD = '2026-12-14T15:00:00Z';

function orderMade(command: RecordEnforcementStepCommand, court: 'COUNTY_COURT' | 'YOUTH_COURT' | 'MAGISTRATES_COURT', expiresOn: string): CaseFile {
  return run(listed(command, court), 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'Not to enter Egerton Road', expiresOn: d(expiresOn) }, HEARD, LEGAL);
}

const referral = (file: CaseFile) => {
  const found = file.legalReferrals[0];
  if (!found) throw new Error('no referral');
  return found;
};

describe('acknowledging a referral', () => {
  it('marks it acknowledged and meets the acknowledgement deadline, leaving the decision due', () => {
    const file = run(referred(), 'acknowledgeLegalReferral', { referralId: 'legal-1' }, '2026-11-17T10:00:00Z', LEGAL);
    expect(referral(file)).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedAt: '2026-11-17T10:00:00.000Z' });
    expect(deadlineById(file, 'legal-acknowledgement-1')).toMatchObject({ status: 'MET', resolution: 'acknowledged by priya.shah.legal' });
    expect(onlyPending(file, 'LEGAL_DECISION').dueOn).toBe('2026-11-30');
  });

  it('is refused a second time, saying what state the referral is in', () => {
    const file = run(referred(), 'acknowledgeLegalReferral', { referralId: 'legal-1' }, '2026-11-17T10:00:00Z', LEGAL);
    expect(refusalOf(file, 'acknowledgeLegalReferral', { referralId: 'legal-1' }, '2026-11-17T11:00:00Z', LEGAL)).toEqual({
      condition: 'REFERRAL_NOT_READY',
      message: 'cannot acknowledge it: the referral for the Civil injunction (Part 1, 2014 Act) is acknowledged',
    });
  });

  it('is refused for a referral the case does not have', () => {
    expect(refusalOf(referred(), 'acknowledgeLegalReferral', { referralId: 'legal-9' }, '2026-11-17T10:00:00Z', LEGAL)).toEqual({
      condition: 'UNKNOWN_REFERRAL',
      message: 'no legal referral legal-9 on case ASB-2026-000123',
    });
  });
});

describe('the legal decision', () => {
  it('to proceed meets both legal deadlines, even without a separate acknowledgement', () => {
    const { file, timeline } = change(referred(), 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Strong evidence' }, '2026-11-18T10:00:00Z', LEGAL);
    expect(referral(file)).toMatchObject({
      status: 'PROCEEDING',
      acknowledgedAt: '2026-11-18T10:00:00.000Z',
      decision: { proceed: true, reason: 'Strong evidence', decidedBy: LEGAL, at: '2026-11-18T10:00:00.000Z' },
    });
    expect(deadlinesOf(file, 'LEGAL_ACKNOWLEDGEMENT').map((dl) => dl.status)).toEqual(['MET']);
    expect(deadlineById(file, 'legal-decision-1')).toMatchObject({ status: 'MET', resolution: 'decided by priya.shah.legal: proceed: Strong evidence' });
    expect(timeline[0]?.summary).toBe('Legal decision on the Civil injunction (Part 1, 2014 Act): proceed: Strong evidence');
  });

  it('to decline ends the referral', () => {
    const file = run(referred(), 'recordLegalDecision', { referralId: 'legal-1', proceed: false, reason: 'Witnesses withdrew' }, '2026-11-18T10:00:00Z', LEGAL);
    expect(referral(file).status).toBe('DECLINED');
    expect(refusalOf(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court: 'COUNTY_COURT' }, '2026-11-20T10:00:00Z', LEGAL)?.condition).toBe('REFERRAL_NOT_READY');
  });

  it('to decline a closure order application cancels the 48-hour hearing deadline', () => {
    const notice: RecordEnforcementStepCommand = { kind: 'CLOSURE_NOTICE', premises: '14 Egerton Road', issuedBy: 'COUNCIL', skipReason: 'Drugs' };
    const file = run(referred(notice, '2026-11-16T15:30:00Z'), 'recordLegalDecision', { referralId: 'legal-1', proceed: false, reason: 'Police will apply' }, '2026-11-16T17:00:00Z', LEGAL);
    expect(deadlinesOf(file, 'CLOSURE_ORDER_HEARING').map((dl) => [dl.status, dl.resolution])).toEqual([['CANCELLED', 'legal declined to apply']]);
  });
});

describe('listing a hearing', () => {
  const decided = (command: RecordEnforcementStepCommand = ADULT_INJUNCTION) =>
    run(referred(command), 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Strong evidence' }, '2026-11-18T10:00:00Z', LEGAL);

  it('is refused before legal has decided to proceed', () => {
    expect(refusalOf(referred(), 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court: 'COUNTY_COURT' }, '2026-11-17T10:00:00Z', LEGAL)).toEqual({
      condition: 'REFERRAL_NOT_READY',
      message: 'cannot list a hearing: the referral for the Civil injunction (Part 1, 2014 Act) is referred',
    });
  });

  it("refuses anything but the youth court for an under-18's injunction", () => {
    const file = decided(YOUTH_INJUNCTION);
    expect(refusalOf(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court: 'COUNTY_COURT' }, '2026-11-20T10:00:00Z', LEGAL)).toEqual({
      condition: 'WRONG_COURT',
      message: 'a Civil injunction (Part 1, 2014 Act) for an under-18 is heard in youth court',
    });
    expect(refusalOf(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court: 'YOUTH_COURT' }, '2026-11-20T10:00:00Z', LEGAL)).toBeUndefined();
  });

  it("refuses the youth court for an adult's injunction, and takes the county court or the High Court", () => {
    const file = decided();
    expect(refusalOf(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court: 'YOUTH_COURT' }, '2026-11-20T10:00:00Z', LEGAL)).toEqual({
      condition: 'WRONG_COURT',
      message: 'a Civil injunction (Part 1, 2014 Act) is heard in county court or high court',
    });
    expect(refusalOf(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court: 'COUNTY_COURT' }, '2026-11-20T10:00:00Z', LEGAL)).toBeUndefined();
    expect(refusalOf(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court: 'HIGH_COURT' }, '2026-11-20T10:00:00Z', LEGAL)).toBeUndefined();
  });

  it('refuses a hearing time already past', () => {
    expect(refusalOf(decided(), 'listHearing', { referralId: 'legal-1', hearingAt: '2026-11-19T10:00:00Z', court: 'COUNTY_COURT' }, '2026-11-20T10:00:00Z', LEGAL)).toEqual({
      condition: 'HEARING_IN_PAST',
      message: 'a hearing is listed for a time still to come',
    });
  });

  it('plans the hearing outcome as due on the hearing day', () => {
    const file = listed(ADULT_INJUNCTION, 'COUNTY_COURT');
    expect(referral(file)).toMatchObject({ status: 'HEARING_LISTED', hearing: { at: '2026-12-14T10:00:00Z', court: 'COUNTY_COURT', listings: 1 } });
    expect(onlyPending(file, 'HEARING')).toMatchObject({
      id: 'hearing-1',
      dueOn: '2026-12-14',
      reason: 'Civil injunction (Part 1, 2014 Act) hearing at county court: record the outcome',
      stepId: 'step-1',
      subjectId: DARREN.id,
    });
  });

  it('re-listing cancels the old hearing deadline and plans the new one', () => {
    const { file, timeline } = change(listed(ADULT_INJUNCTION, 'COUNTY_COURT'), 'listHearing', { referralId: 'legal-1', hearingAt: '2027-01-11T10:00:00Z', court: 'COUNTY_COURT' }, '2026-12-10T10:00:00Z', LEGAL);
    expect(deadlinesOf(file, 'HEARING').map((dl) => [dl.id, dl.status, dl.dueOn, dl.resolution])).toEqual([
      ['hearing-1', 'CANCELLED', '2026-12-14', 're-listed for 2027-01-11T10:00:00Z'],
      ['hearing-2', 'PENDING', '2027-01-11', undefined],
    ]);
    expect(referral(file).hearing).toEqual({ at: '2027-01-11T10:00:00Z', court: 'COUNTY_COURT', listings: 2 });
    expect(timeline[0]).toMatchObject({ kind: 'HEARING_RELISTED', summary: 'Civil injunction (Part 1, 2014 Act) hearing re-listed for 2027-01-11T10:00:00Z' });
  });
});

describe('the hearing outcome', () => {
  it("refuses a youth injunction running longer than 12 months", () => {
    const file = listed(YOUTH_INJUNCTION, 'YOUTH_COURT');
    expect(refusalOf(file, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'Curfew 21:00–07:00', expiresOn: d('2027-12-15') }, HEARD, LEGAL)).toEqual({
      condition: 'ORDER_TOO_LONG',
      message: 'an injunction on an under-18 lasts at most 12 months: it can run to 2027-12-14 at the latest',
    });
  });

  it('makes a youth injunction of exactly 12 months, planning its expiry and meeting the hearing', () => {
    const file = orderMade(YOUTH_INJUNCTION, 'YOUTH_COURT', '2027-12-14');
    expect(referral(file)).toMatchObject({ status: 'ORDER_MADE', order: { madeOn: '2026-12-14', expiresOn: '2027-12-14', terms: 'Not to enter Egerton Road', court: 'YOUTH_COURT' } });
    expect(onlyPending(file, 'ORDER_EXPIRY')).toMatchObject({ dueOn: '2027-12-14', reason: 'Civil injunction (Part 1, 2014 Act) in force until 2027-12-14', subjectId: JORDAN.id });
    expect(deadlineById(file, 'hearing-1')).toMatchObject({ status: 'MET', resolution: 'heard: order made' });
  });

  it("has no 12-month limit on an adult's injunction", () => {
    const file = orderMade(ADULT_INJUNCTION, 'COUNTY_COURT', '2028-12-14');
    expect(onlyPending(file, 'ORDER_EXPIRY').dueOn).toBe('2028-12-14');
  });

  it('refuses an order made without terms or an expiry, or expiring the day it is made', () => {
    const file = listed(ADULT_INJUNCTION, 'COUNTY_COURT');
    expect(refusalOf(file, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', expiresOn: d('2027-12-14') }, HEARD, LEGAL)?.condition).toBe('ORDER_TERMS_MISSING');
    expect(refusalOf(file, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'x', expiresOn: d('2026-12-14') }, HEARD, LEGAL)).toEqual({
      condition: 'EXPIRY_IN_PAST',
      message: 'an order expires after the day it is made',
    });
  });

  it('on adjournment goes back to proceeding, ready to be re-listed', () => {
    const file = run(listed(ADULT_INJUNCTION, 'COUNTY_COURT'), 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ADJOURNED' }, HEARD, LEGAL);
    expect(referral(file).status).toBe('PROCEEDING');
    expect(deadlineById(file, 'hearing-1')).toMatchObject({ status: 'MET', resolution: 'heard: adjourned' });
    expect(refusalOf(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2027-01-11T10:00:00Z', court: 'COUNTY_COURT' }, '2026-12-15T10:00:00Z', LEGAL)).toBeUndefined();
  });

  it('when refused by the court ends the referral, so the case can close', () => {
    const file = run(listed(ADULT_INJUNCTION, 'COUNTY_COURT'), 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'REFUSED' }, HEARD, LEGAL);
    expect(referral(file).status).toBe('REFUSED');
    expect(refusalOf(file, 'requestClosure', { reason: 'INSUFFICIENT_EVIDENCE', explanationToComplainant: 'The court refused the order.' }, '2026-12-15T10:00:00Z')).toBeUndefined();
  });
});

describe('closure orders', () => {
  const NOTICE: RecordEnforcementStepCommand = { kind: 'CLOSURE_NOTICE', premises: '14 Egerton Road', issuedBy: 'POLICE_INSPECTOR', skipReason: 'Drug dealing' };
  /** Notice served 15:30 Monday 16 November 2026; application heard at the magistrates' court at 10:00 on the 18th. */
  function heard(): CaseFile {
    let file = run(referred(NOTICE, '2026-11-16T15:30:00Z'), 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Apply' }, '2026-11-16T17:00:00Z', LEGAL);
    file = run(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-11-18T10:00:00Z', court: 'MAGISTRATES_COURT' }, '2026-11-16T17:30:00Z', LEGAL);
    return file;
  }
  const order = (expiresOn: string) => ({ referralId: 'legal-1', outcome: 'ORDER_MADE' as const, terms: 'No entry to 14 Egerton Road', expiresOn: d(expiresOn) });
  const made = () => run(heard(), 'recordHearingOutcome', order('2027-02-18'), '2026-11-18T12:00:00Z', LEGAL);

  it('are heard only at the magistrates court', () => {
    const decided = run(referred(NOTICE, '2026-11-16T15:30:00Z'), 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Apply' }, '2026-11-16T17:00:00Z', LEGAL);
    expect(refusalOf(decided, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-11-18T10:00:00Z', court: 'COUNTY_COURT' }, '2026-11-16T17:30:00Z', LEGAL)).toEqual({
      condition: 'WRONG_COURT',
      message: 'a Closure notice (premises) is heard in magistrates court',
    });
  });

  it('are refused for longer than 3 months', () => {
    expect(refusalOf(heard(), 'recordHearingOutcome', order('2027-02-19'), '2026-11-18T12:00:00Z', LEGAL)).toEqual({
      condition: 'ORDER_TOO_LONG',
      message: 'a closure order lasts at most 3 months (extendable): it can run to 2027-02-18 at the latest',
    });
  });

  it('made for 3 months meet the 48-hour hearing deadline and open the 3-month possession-notice window for the council tenant', () => {
    const file = made();
    expect(deadlinesOf(file, 'CLOSURE_ORDER_HEARING').map((dl) => dl.status)).toEqual(['MET']);
    expect(onlyPending(file, 'ORDER_EXPIRY').dueOn).toBe('2027-02-18');
    expect(onlyPending(file, 'POSSESSION_NOTICE_WINDOW')).toMatchObject({ dueOn: '2027-02-18', reason: 'an absolute-ground possession notice must be served within 3 months of the closure order' });
  });

  it('are extended up to 6 months in total, re-planning the expiry', () => {
    const { file, timeline } = change(made(), 'extendOrder', { referralId: 'legal-1', expiresOn: d('2027-05-18') }, '2027-02-10T10:00:00Z', LEGAL);
    expect(deadlinesOf(file, 'ORDER_EXPIRY').map((dl) => [dl.status, dl.dueOn, dl.resolution])).toEqual([
      ['CANCELLED', '2027-02-18', 'order extended to 2027-05-18'],
      ['PENDING', '2027-05-18', undefined],
    ]);
    expect(referral(file).order).toMatchObject({ expiresOn: '2027-05-18', extendedOn: '2027-02-10' });
    expect(timeline[0]?.summary).toBe('Closure order extended to 2027-05-18');
  });

  it('are not extended beyond 6 months in total', () => {
    expect(refusalOf(made(), 'extendOrder', { referralId: 'legal-1', expiresOn: d('2027-05-19') }, '2027-02-10T10:00:00Z', LEGAL)).toEqual({
      condition: 'ORDER_TOO_LONG',
      message: 'a closure order may run 6 months in total: to 2027-05-18 at the latest',
    });
  });

  it('are not "extended" to a date no later than the current expiry', () => {
    expect(refusalOf(made(), 'extendOrder', { referralId: 'legal-1', expiresOn: d('2027-02-18') }, '2027-02-10T10:00:00Z', LEGAL)?.condition).toBe('NOT_LATER');
  });

  it('are the only orders extended this way', () => {
    const injunction = orderMade(ADULT_INJUNCTION, 'COUNTY_COURT', '2027-12-14');
    expect(refusalOf(injunction, 'extendOrder', { referralId: 'legal-1', expiresOn: d('2028-06-14') }, '2027-06-01T10:00:00Z', LEGAL)).toEqual({
      condition: 'NOT_EXTENDABLE',
      message: 'only closure orders are extended this way',
    });
  });
});

describe('Criminal Behaviour Orders', () => {
  const cbo = (subjectId: string): RecordEnforcementStepCommand => ({ kind: 'CRIMINAL_BEHAVIOUR_ORDER', subjectId, skipReason: 'Convicted of criminal damage' });
  function convictedAndListed(subjectId: string, court: 'YOUTH_COURT' | 'MAGISTRATES_COURT'): CaseFile {
    let file = run(openCase(), 'recordConviction', { subjectId, offence: 'Criminal damage', convictedOn: d('2026-11-10') }, '2026-11-11T10:00:00Z');
    file = step(file, cbo(subjectId), '2026-11-16T10:00:00Z');
    file = run(file, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Apply on conviction' }, '2026-11-18T10:00:00Z', LEGAL);
    return run(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-12-14T10:00:00Z', court }, '2026-11-20T10:00:00Z', LEGAL);
  }
  const twoYears = { referralId: 'legal-1', outcome: 'ORDER_MADE' as const, terms: 'Not to enter the town centre', expiresOn: d('2028-12-14') };

  it('on an under-18 are reviewed 12 months after they are made', () => {
    const file = run(convictedAndListed(JORDAN.id, 'YOUTH_COURT'), 'recordHearingOutcome', twoYears, HEARD, LEGAL);
    expect(onlyPending(file, 'ORDER_REVIEW')).toMatchObject({ dueOn: '2027-12-14', reason: 'a CBO on an under-18 is reviewed every 12 months', subjectId: JORDAN.id });
    expect(alertAudienceOf('ORDER_REVIEW')).toBe('LEGAL');
  });

  it('on an under-18 stop being reviewed once the next review would fall after their 18th birthday (s.28)', () => {
    // Jordan turns 18 on 2028-02-01, before a review 12 months after this one would fall due.
    let file = run(convictedAndListed(JORDAN.id, 'YOUTH_COURT'), 'recordHearingOutcome', twoYears, HEARD, LEGAL);
    file = run(file, 'recordOrderReview', { referralId: 'legal-1', notes: 'Complying; attending YOT sessions' }, '2027-12-10T10:00:00Z', LEGAL);
    expect(deadlinesOf(file, 'ORDER_REVIEW').map((dl) => [dl.status, dl.dueOn])).toEqual([['MET', '2027-12-14']]);
  });

  it('on an adult have no statutory review', () => {
    const file = run(convictedAndListed(DARREN.id, 'MAGISTRATES_COURT'), 'recordHearingOutcome', twoYears, HEARD, LEGAL);
    expect(deadlinesOf(file, 'ORDER_REVIEW')).toEqual([]);
    expect(refusalOf(file, 'recordOrderReview', { referralId: 'legal-1', notes: 'x' }, '2027-12-10T10:00:00Z', LEGAL)?.condition).toBe('NO_REVIEW_DUE');
  });
});

describe('breach of an order', () => {
  const injunctionInForce = () => orderMade(ADULT_INJUNCTION, 'COUNTY_COURT', '2027-12-14');

  it('with an arrest must come before a judge within 24 hours of the arrest, not counting a Sunday', () => {
    const { file, timeline } = change(
      injunctionInForce(),
      'recordOrderBreach',
      { referralId: 'legal-1', description: 'Seen on Egerton Road', arrestedAt: '2027-01-09T22:15:00Z' },
      '2027-01-10T09:00:00Z',
      LEGAL,
    );
    // Arrested 22:15 on Saturday 9 January; Sunday is not counted (s.9(3)), so by 22:15 on Monday.
    expect(onlyPending(file, 'BREACH_BEFORE_JUDGE')).toMatchObject({
      dueAt: '2027-01-11T22:15:00.000Z',
      dueOn: '2027-01-11',
      reason: 'arrested for breach: before a judge within 24 hours (Christmas Day, Good Friday and Sundays not counted)',
      stepId: 'step-1',
    });
    expect(referral(file).breaches).toEqual([{ at: '2027-01-10T09:00:00.000Z', description: 'Seen on Egerton Road', arrestedAt: '2027-01-09T22:15:00Z' }]);
    expect(timeline[0]?.summary).toBe('Civil injunction (Part 1, 2014 Act) breached (arrested): Seen on Egerton Road');
  });

  it('is met when the subject is brought before a judge', () => {
    let file = run(injunctionInForce(), 'recordOrderBreach', { referralId: 'legal-1', description: 'Seen on Egerton Road', arrestedAt: '2027-01-09T22:15:00Z' }, '2027-01-10T09:00:00Z', LEGAL);
    file = run(file, 'recordBeforeJudge', { referralId: 'legal-1' }, '2027-01-10T14:00:00Z', LEGAL);
    expect(deadlinesOf(file, 'BREACH_BEFORE_JUDGE').map((dl) => [dl.status, dl.resolution])).toEqual([['MET', 'brought before a judge']]);
  });

  it('without an arrest starts no 24-hour clock', () => {
    const file = run(injunctionInForce(), 'recordOrderBreach', { referralId: 'legal-1', description: 'Shouted abuse from a car' }, '2027-01-10T09:00:00Z', LEGAL);
    expect(pendingOfKind(file, 'BREACH_BEFORE_JUDGE')).toEqual([]);
    expect(refusalOf(file, 'recordBeforeJudge', { referralId: 'legal-1' }, '2027-01-10T14:00:00Z', LEGAL)).toEqual({
      condition: 'NO_ARREST_PENDING',
      message: 'no arrest for breach is waiting to come before a judge',
    });
  });

  it('is refused before an order is made', () => {
    expect(refusalOf(listed(ADULT_INJUNCTION, 'COUNTY_COURT'), 'recordOrderBreach', { referralId: 'legal-1', description: 'x' }, '2026-12-01T10:00:00Z', LEGAL)).toEqual({
      condition: 'REFERRAL_NOT_READY',
      message: 'cannot record a breach: the referral for the Civil injunction (Part 1, 2014 Act) is hearing listed',
    });
  });
});
