import { type CaseFile, type CommandOf, deadlinePassed, effectiveMoment, localDate } from '../../libs/domain/src';
import { change, DARREN, deadlineById, lastStep, onlyPending, openCase, refusalOf, run } from './case-builder';

const step = (file: CaseFile, command: CommandOf<'recordEnforcementStep'>, at: string) => run(file, 'recordEnforcementStep', command, at);

/** Opened Monday 2 November 2026; Darren had a verbal warning and signed a contract on Monday 9 November. */
const onTheLadder = (): CaseFile => {
  const warned = step(openCase(), { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-09T08:00:00Z');
  return step(warned, { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: DARREN.id, subjectAgreed: true }, '2026-11-09T08:30:00Z');
};
const CPW = { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: DARREN.id, conductConfirmed: true } as const;
/** Entered on Monday 16 November 2026 at 10:00. */
const ENTERED = '2026-11-16T10:00:00Z';

describe('the moment a command takes effect', () => {
  it('is when it really happened, when that is given, and otherwise when it is recorded', () => {
    const ctx = { now: new Date(ENTERED), actor: 'amira.khan' };
    expect(effectiveMoment({ occurredAt: '2026-11-13T10:00:00Z' }, ctx).toISOString()).toBe('2026-11-13T10:00:00.000Z');
    expect(effectiveMoment({}, ctx).toISOString()).toBe('2026-11-16T10:00:00.000Z');
  });
});

describe('a CPW served 3 days before it is entered', () => {
  const entered = step(onTheLadder(), { ...CPW, occurredAt: '2026-11-13T10:00:00Z' }, ENTERED);
  const enteredNow = step(onTheLadder(), CPW, ENTERED);

  it('ends its 14-day compliance period 3 days earlier than one served as it is entered', () => {
    expect(onlyPending(enteredNow, 'CPW_COMPLIANCE').dueOn).toBe('2026-11-30');
    expect(onlyPending(entered, 'CPW_COMPLIANCE')).toMatchObject({ dueOn: '2026-11-27', dueAt: '2026-11-27T23:59:59.999Z', late: true, plannedAt: '2026-11-16T10:00:00.000Z' });
    expect(lastStep(entered)).toMatchObject({ takenAt: '2026-11-13T10:00:00.000Z', complianceDueOn: localDate('2026-11-27') });
  });

  it('is recorded now, and flagged late in the timeline with when it happened', () => {
    const made = change(onTheLadder(), 'recordEnforcementStep', { ...CPW, occurredAt: '2026-11-13T10:00:00Z' }, ENTERED);
    expect(made.timeline).toEqual([
      expect.objectContaining({ kind: 'ENFORCEMENT_STEP_RECORDED', at: '2026-11-16T10:00:00.000Z', data: expect.objectContaining({ occurredAt: '2026-11-13T10:00:00Z', late: true }) }),
    ]);
  });

  it('flags nothing entered as it happens', () => {
    expect(onlyPending(enteredNow, 'CPW_COMPLIANCE').late).toBeUndefined();
    expect(change(onTheLadder(), 'recordEnforcementStep', CPW, ENTERED).timeline[0]!.data).not.toHaveProperty('late');
  });
});

describe('statutory clocks from the true moment', () => {
  /** CPW served 10 November (14 days to comply), music again on 25 November. */
  const notComplied = () => run(step(onTheLadder(), CPW, '2026-11-10T10:00:00Z'), 'recordIncident', { occurredAt: '2026-11-25T01:00:00Z', description: 'Music until 3am.', subjectIds: [DARREN.id] }, '2026-11-25T09:00:00Z');
  const CPN = { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: DARREN.id, requirements: [{ text: 'No amplified music after 23:00.', dueOn: localDate('2026-12-10') }] } as const;

  it('opens a CPN’s 21-day appeal window on the day it was served, not the day it is entered', () => {
    const file = step(notComplied(), { ...CPN, occurredAt: '2026-11-27T11:00:00Z' }, '2026-12-01T09:00:00Z');
    expect(onlyPending(file, 'CPN_APPEAL_WINDOW')).toMatchObject({ dueOn: '2026-12-17', late: true });
  });

  it('ends an FPN’s 14-day payment period already past when entered at once, and the prosecution decision falls due', () => {
    let file = step(notComplied(), CPN, '2026-11-26T10:00:00Z');
    file = run(file, 'recordBreach', { stepId: lastStep(file).id, description: 'Music at 1am.', occurredAt: '2026-11-28T01:00:00Z' }, '2026-11-28T09:00:00Z');
    file = step(file, { kind: 'FIXED_PENALTY_NOTICE', subjectId: DARREN.id, amountPounds: 100, occurredAt: '2026-11-30T10:00:00Z' }, '2026-12-15T10:00:00Z');
    const payment = onlyPending(file, 'FPN_PAYMENT');
    expect(payment).toMatchObject({ dueOn: '2026-12-14', late: true });
    const passed = deadlinePassed(file, payment.id, new Date('2026-12-15T10:00:01Z'));
    expect(deadlineById(passed.file, payment.id).status).toBe('MET');
    // 10 working days from 14 December, past Christmas Day and the Boxing Day holiday on Monday 28th.
    expect(onlyPending(passed.file, 'PROSECUTION_DECISION').dueOn).toBe('2026-12-30');
  });

  it('records a written warning’s compliance check already past when entered as MISSED at once, with one alert', () => {
    const file = step(openCase(), { kind: 'WRITTEN_WARNING', subjectId: DARREN.id, occurredAt: '2026-11-03T10:00:00Z' }, '2026-11-20T10:00:00Z');
    const check = onlyPending(file, 'COMPLIANCE_CHECK');
    expect(check).toMatchObject({ dueOn: '2026-11-17', late: true });
    const passed = deadlinePassed(file, check.id, new Date('2026-11-20T10:00:01Z'));
    expect(deadlineById(passed.file, check.id)).toMatchObject({ status: 'MISSED', late: true });
    expect(passed.alerts?.map((alert) => alert.id)).toEqual([check.id]);
  });

  it('meets the initial-contact duty at the moment contact was made', () => {
    const file = run(openCase(), 'recordInitialContact', { summary: 'Phoned Margaret.', occurredAt: '2026-11-03T16:00:00Z' }, '2026-11-05T09:00:00Z');
    expect(deadlineById(file, 'initial-contact-1')).toMatchObject({ status: 'MET', resolvedAt: '2026-11-03T16:00:00.000Z' });
  });
});

describe('a moment that cannot be taken', () => {
  it('is refused in the future', () => {
    expect(refusalOf(onTheLadder(), 'recordEnforcementStep', { ...CPW, occurredAt: '2026-11-16T10:00:01Z' }, ENTERED)?.condition).toBe('OCCURRED_IN_FUTURE');
  });

  it('is refused before the case’s first report', () => {
    expect(refusalOf(onTheLadder(), 'recordEnforcementStep', { ...CPW, occurredAt: '2026-11-02T08:59:59Z' }, ENTERED)?.condition).toBe('OCCURRED_BEFORE_CASE');
  });

  it('may go back to an incident recorded as happening before the case was opened', () => {
    const file = run(onTheLadder(), 'recordIncident', { occurredAt: '2026-10-30T23:00:00Z', description: 'Music until 3am.', subjectIds: [DARREN.id] }, '2026-11-10T09:00:00Z');
    expect(refusalOf(file, 'recordEnforcementStep', { ...CPW, occurredAt: '2026-10-31T10:00:00Z' }, ENTERED)?.condition).not.toBe('OCCURRED_BEFORE_CASE');
    expect(refusalOf(file, 'recordEnforcementStep', { ...CPW, occurredAt: '2026-10-30T22:59:00Z' }, ENTERED)?.condition).toBe('OCCURRED_BEFORE_CASE');
  });
});
