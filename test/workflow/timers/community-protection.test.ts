import { addDays, addWorkingDays, type LocalDate, londonDateOf } from '../../../libs/domain/src';
import { HOUR_MS, RECIPIENT, timerWorld } from './timer-world';

/**
 * Levels 3 and 4: the CPW compliance period (14 days), the CPN appeal window (21 days, day of issue
 * counted as day 1) and requirements, the fixed penalty's 14 days and the prosecution decision that
 * follows an unpaid one. Step ids on these cases: step-1 CPW, step-2 CPN, step-3 FPN.
 */
describe('community protection deadlines, on the time-skipping server', () => {
  const world = timerWorld();
  const cases = () => world.cases;

  const serveCpw = async () => {
    const reference = await world.open();
    await cases().run(reference, 'recordInitialContact', { summary: 'Spoke to Pat Lee.' });
    await cases().run(reference, 'recordEnforcementStep', {
      kind: 'COMMUNITY_PROTECTION_WARNING',
      subjectId: 's1',
      conductConfirmed: true,
      skipReason: 'Months of late-night parties reported by four households; police support going straight to a CPW.',
    });
    const period = await world.deadline(reference, 'CPW_COMPLIANCE');
    expect(period).toMatchObject({ status: 'PENDING', stepId: 'step-1', subjectId: 's1', dueOn: addDays(await world.today(), 14) });
    return { reference, period };
  };

  /** A CPW served, its 14 days run, non-compliance recorded, then a CPN with these requirements (days from its issue). */
  const serveCpn = async (requirementDays: readonly number[] = [7]) => {
    const { reference, period } = await serveCpw();
    await world.sleepPast(period);
    await cases().run(reference, 'recordComplianceCheck', { stepId: 'step-1', complied: false, notes: 'Party on the Saturday after the warning ran out.' });
    const issuedOn = await world.today();
    const requirements = requirementDays.map((days, index) => ({ text: `Requirement ${index + 1}: no amplified music after 11pm`, dueOn: addDays(issuedOn, days) }));
    const file = await cases().run(reference, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: 's1', requirements });
    expect(file.enforcement.find((step) => step.id === 'step-2')?.kind).toBe('COMMUNITY_PROTECTION_NOTICE');
    return { reference, issuedOn, requirements };
  };

  /** A CPN breached and a £100 fixed penalty issued for it. */
  const issueFixedPenalty = async () => {
    const { reference } = await serveCpn([28]);
    await world.env.sleep(2 * HOUR_MS);
    const occurredAt = new Date((await world.now()) - HOUR_MS).toISOString();
    await cases().run(reference, 'recordBreach', { stepId: 'step-2', description: 'Music audible in the street at 1am.', occurredAt });
    await cases().run(reference, 'recordEnforcementStep', { kind: 'FIXED_PENALTY_NOTICE', subjectId: 's1', amountPounds: 100 });
    const issuedOn = await world.today();
    const payment = await world.deadline(reference, 'FPN_PAYMENT');
    expect(payment).toMatchObject({ status: 'PENDING', stepId: 'step-3', dueOn: addDays(issuedOn, 14) });
    return { reference, payment, issuedOn };
  };

  describe('Community Protection Warning compliance period (14 days)', () => {
    it('runs to the end of day 14 (no CPN before then), then ends with a compliance check due and no alert about the period', async () => {
      const { reference, period } = await serveCpw();

      await world.sleepToJustBefore(period);
      expect((await world.deadline(reference, 'CPW_COMPLIANCE', period.id)).status).toBe('PENDING');
      const tooEarly = await cases().refusal(reference, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: 's1', requirements: [{ text: 'Stop', dueOn: period.dueOn as LocalDate }] });
      expect(tooEarly).toMatchObject({ condition: 'CPW_COMPLIANCE_PERIOD_RUNNING', holdsFrom: addDays(period.dueOn as LocalDate, 1) });

      await world.sleepPast(period);
      const ended = await world.deadline(reference, 'CPW_COMPLIANCE', period.id);
      expect(ended.status).toBe('MET');
      expect(ended.resolution).toBe(`compliance check now due at ${period.dueAt}`);
      const check = await world.deadline(reference, 'COMPLIANCE_CHECK');
      expect(check).toMatchObject({ status: 'PENDING', stepId: 'step-1', subjectId: 's1', dueOn: addWorkingDays(period.dueOn as LocalDate, 2) });
      await world.expectNoAlert(reference, 'CPW_COMPLIANCE');
      await world.expectAlertsOnlyForMissedDuties(reference);
    });

    it('non-compliance recorded at the compliance check after the period meets the check, alerts nobody, and a CPN may then be served', async () => {
      const { reference, period } = await serveCpw();
      await world.sleepPast(period);
      const check = await world.deadline(reference, 'COMPLIANCE_CHECK');

      await world.sleepToJustBefore(check);
      await cases().run(reference, 'recordComplianceCheck', { stepId: 'step-1', complied: false, notes: 'Further party reported.' });
      await world.sleepPast(check);
      const met = await world.deadline(reference, 'COMPLIANCE_CHECK', check.id);
      expect(met.status).toBe('MET');
      expect(met.resolution).toBe('checked by amira.khan: not complied');
      await world.expectNoAlert(reference, 'COMPLIANCE_CHECK');
      const notice = await cases().run(reference, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: 's1', requirements: [{ text: 'No parties', dueOn: addDays(await world.today(), 7) }] });
      expect(notice.enforcement.at(-1)?.kind).toBe('COMMUNITY_PROTECTION_NOTICE');
    });

    it('no compliance check recorded within 2 working days of the period ending is recorded as missed and the caseworker is alerted once', async () => {
      const { reference, period } = await serveCpw();
      await world.sleepPast(period);
      const check = await world.deadline(reference, 'COMPLIANCE_CHECK');

      await world.sleepPast(check);
      const alert = await world.expectMissedWithOneAlert(reference, check.id);
      expect(alert.to).toEqual([RECIPIENT.CASEWORKER]);
      expect(world.alertsFor(reference, 'CPW_COMPLIANCE')).toHaveLength(0);
    });
  });

  describe('Community Protection Notice', () => {
    it('appeal window: 21 days with the day of issue as day 1, open to the end of day 21, then closes with no alert', async () => {
      const { reference, issuedOn } = await serveCpn();
      const window = await world.deadline(reference, 'CPN_APPEAL_WINDOW');
      expect(window).toMatchObject({ status: 'PENDING', stepId: 'step-2', subjectId: 's1', dueOn: addDays(issuedOn, 20) });

      await world.sleepToJustBefore(window);
      expect((await world.deadline(reference, 'CPN_APPEAL_WINDOW', window.id)).status).toBe('PENDING');

      await world.sleepPast(window);
      const closed = await world.deadline(reference, 'CPN_APPEAL_WINDOW', window.id);
      expect(closed.status).toBe('MET');
      expect(closed.resolution).toBe(`appeal window closed at ${window.dueAt}`);
      await world.expectNoAlert(reference, 'CPN_APPEAL_WINDOW');
    });

    it('each requirement runs to its own date, then a compliance check on the notice falls due; no alert about the requirement', async () => {
      const { reference, requirements } = await serveCpn([7, 28]);
      const [first, second] = (await world.ledger(reference)).filter((entry) => entry.kind === 'CPN_REQUIREMENT');
      expect(first).toMatchObject({ status: 'PENDING', stepId: 'step-2', dueOn: requirements[0]!.dueOn });
      expect(second).toMatchObject({ status: 'PENDING', stepId: 'step-2', dueOn: requirements[1]!.dueOn });

      await world.sleepToJustBefore(first!);
      expect((await world.deadline(reference, 'CPN_REQUIREMENT', first!.id)).status).toBe('PENDING');

      await world.sleepPast(first!);
      expect((await world.deadline(reference, 'CPN_REQUIREMENT', first!.id)).status).toBe('MET');
      expect((await world.deadline(reference, 'CPN_REQUIREMENT', second!.id)).status).toBe('PENDING');
      const check = await world.deadline(reference, 'COMPLIANCE_CHECK');
      expect(check).toMatchObject({ status: 'PENDING', stepId: 'step-2', dueOn: addWorkingDays(first!.dueOn as LocalDate, 2) });
      await cases().run(reference, 'recordComplianceCheck', { stepId: 'step-2', complied: true, notes: 'Quiet since the notice.' });

      await world.sleepPast(second!);
      const ended = await world.deadline(reference, 'CPN_REQUIREMENT', second!.id);
      expect(ended.status).toBe('MET');
      expect(ended.resolution).toBe(`compliance check now due at ${second!.dueAt}`);
      await world.expectNoAlert(reference, 'CPN_REQUIREMENT');
      await world.expectAlertsOnlyForMissedDuties(reference);
    });
  });

  describe('fixed penalty for a CPN breach (14 days to pay, no prosecution meanwhile)', () => {
    it('paid on day 14: the payment period is met as paid, no prosecution decision falls due, nobody is alerted', async () => {
      const { reference, payment } = await issueFixedPenalty();
      expect(await cases().refusal(reference, 'recordEnforcementStep', { kind: 'PROSECUTION', subjectId: 's1' })).toMatchObject({ condition: 'FPN_PERIOD_RUNNING' });

      await world.sleepToJustBefore(payment);
      await cases().run(reference, 'recordFixedPenaltyPayment', { stepId: 'step-3' });
      expect((await world.deadline(reference, 'FPN_PAYMENT', payment.id)).resolution).toBe('paid');

      await world.sleepPast(payment);
      const ledger = await world.ledger(reference);
      expect(ledger.find((entry) => entry.id === payment.id)).toMatchObject({ status: 'MET', resolution: 'paid' });
      expect(ledger.filter((entry) => entry.kind === 'PROSECUTION_DECISION')).toHaveLength(0);
      expect(await cases().refusal(reference, 'recordEnforcementStep', { kind: 'PROSECUTION', subjectId: 's1' })).toMatchObject({ condition: 'FPN_PAID' });
      await world.expectNoAlert(reference, 'FPN_PAYMENT');
    });

    it('unpaid after 14 days: the period ends, a prosecution decision falls due in 10 working days, and nobody is alerted about the period', async () => {
      const { reference, payment } = await issueFixedPenalty();

      await world.sleepToJustBefore(payment);
      expect((await world.deadline(reference, 'FPN_PAYMENT', payment.id)).status).toBe('PENDING');
      expect((await world.ledger(reference)).filter((entry) => entry.kind === 'PROSECUTION_DECISION')).toHaveLength(0);

      await world.sleepPast(payment);
      const ended = await world.deadline(reference, 'FPN_PAYMENT', payment.id);
      expect(ended.status).toBe('MET');
      expect(ended.resolution).toBe(`unpaid: prosecution decision now due at ${payment.dueAt}`);
      const decision = await world.deadline(reference, 'PROSECUTION_DECISION');
      expect(decision).toMatchObject({ status: 'PENDING', stepId: 'step-3', dueOn: addWorkingDays(payment.dueOn as LocalDate, 10) });
      await world.expectNoAlert(reference, 'FPN_PAYMENT');
      await world.expectAlertsOnlyForMissedDuties(reference);
    });

    it('a prosecution decision recorded by its due day is met, and legal are not alerted', async () => {
      const { reference, payment } = await issueFixedPenalty();
      await world.sleepPast(payment);
      const decision = await world.deadline(reference, 'PROSECUTION_DECISION');

      await world.sleepToJustBefore(decision);
      expect(londonDateOf(new Date(await world.now()))).toBe(decision.dueOn);
      await cases().run(reference, 'recordProsecutionDecision', { stepId: 'step-3', prosecute: true, reason: 'Penalty unpaid; third breach.' }, 'legal.team');

      await world.sleepPast(decision);
      const met = await world.deadline(reference, 'PROSECUTION_DECISION', decision.id);
      expect(met.status).toBe('MET');
      expect(met.resolution).toBe('prosecute: Penalty unpaid; third breach.');
      await world.expectNoAlert(reference, 'PROSECUTION_DECISION');
    });

    it('no prosecution decision within 10 working days is recorded as missed and legal are alerted once', async () => {
      const { reference, payment } = await issueFixedPenalty();
      await world.sleepPast(payment);
      const decision = await world.deadline(reference, 'PROSECUTION_DECISION');

      await world.sleepToJustBefore(decision);
      expect((await world.deadline(reference, 'PROSECUTION_DECISION', decision.id)).status).toBe('PENDING');

      await world.sleepPast(decision);
      const alert = await world.expectMissedWithOneAlert(reference, decision.id);
      expect(alert.to).toEqual([RECIPIENT.LEGAL]);
      expect(alert.text).toContain('record whether the unpaid fixed penalty will be prosecuted');
      expect(world.alertsFor(reference, 'FPN_PAYMENT')).toHaveLength(0);
    });
  });
});
