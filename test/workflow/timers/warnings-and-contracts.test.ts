import { addDays, addMonths, londonDateOf } from '../../../libs/domain/src';
import { RECIPIENT, timerWorld } from './timer-world';

/**
 * Levels 1 and 2 of the enforcement ladder: the compliance check after a written warning (14 days)
 * or a tenancy warning (28 days), and an Acceptable Behaviour Contract's review (3 months) and term
 * (6 months), on the policy numbers of 2026.1.
 */
describe('warning and contract deadlines, on the time-skipping server', () => {
  const world = timerWorld();
  const takenOn = async (reference: string, stepId: string) => {
    const step = (await world.cases.file(reference)).enforcement.find((candidate) => candidate.id === stepId);
    if (!step) throw new Error(`${reference} has no step ${stepId}`);
    return londonDateOf(new Date(step.takenAt));
  };

  describe('compliance check after a written warning (14 days)', () => {
    const warn = async () => {
      const reference = await world.open();
      await world.cases.run(reference, 'recordEnforcementStep', { kind: 'WRITTEN_WARNING', subjectId: 's1', notes: 'Letter hand-delivered.' });
      const check = await world.deadline(reference, 'COMPLIANCE_CHECK');
      expect(check).toMatchObject({ status: 'PENDING', stepId: 'step-1', subjectId: 's1' });
      expect(check.dueOn).toBe(addDays(await takenOn(reference, 'step-1'), 14));
      return { reference, check };
    };

    it('a compliance check recorded on day 14 is met, and nobody is alerted', async () => {
      const { reference, check } = await warn();

      await world.sleepToJustBefore(check);
      expect(await world.today()).toBe(check.dueOn);
      await world.cases.run(reference, 'recordComplianceCheck', { stepId: 'step-1', complied: true, notes: 'No further reports since the warning.' });

      await world.sleepPast(check);
      const met = await world.deadline(reference, 'COMPLIANCE_CHECK', check.id);
      expect(met.status).toBe('MET');
      expect(met.resolution).toBe('checked by amira.khan: complied');
      await world.expectNoAlert(reference, 'COMPLIANCE_CHECK');
    });

    it('no compliance check by the end of day 14 is recorded as missed and the caseworker is alerted once', async () => {
      const { reference, check } = await warn();

      await world.sleepToJustBefore(check);
      expect((await world.deadline(reference, 'COMPLIANCE_CHECK', check.id)).status).toBe('PENDING');
      await world.expectNoAlert(reference, 'COMPLIANCE_CHECK');

      await world.sleepPast(check);
      const alert = await world.expectMissedWithOneAlert(reference, check.id);
      expect(alert.to).toEqual([RECIPIENT.CASEWORKER]);
      expect(alert.text).toContain('compliance check 14 days after a written warning');
    });
  });

  describe('compliance check after a tenancy warning (28 days)', () => {
    const warnTenant = async () => {
      const reference = await world.open();
      await world.cases.run(reference, 'recordEnforcementStep', { kind: 'VERBAL_WARNING', subjectId: 's1' });
      await world.cases.run(reference, 'recordEnforcementStep', { kind: 'TENANCY_WARNING', subjectId: 's1', notes: 'Clause 4 (nuisance) cited.' });
      const check = await world.deadline(reference, 'COMPLIANCE_CHECK');
      expect(check).toMatchObject({ status: 'PENDING', stepId: 'step-2', subjectId: 's1' });
      expect(check.dueOn).toBe(addDays(await takenOn(reference, 'step-2'), 28));
      return { reference, check };
    };

    it('a compliance check recorded on day 28 is met, and nobody is alerted', async () => {
      const { reference, check } = await warnTenant();

      await world.sleepToJustBefore(check);
      await world.cases.run(reference, 'recordComplianceCheck', { stepId: 'step-2', complied: false, notes: 'Two further noise reports.' });

      await world.sleepPast(check);
      const met = await world.deadline(reference, 'COMPLIANCE_CHECK', check.id);
      expect(met.status).toBe('MET');
      expect(met.resolution).toBe('checked by amira.khan: not complied');
      await world.expectNoAlert(reference, 'COMPLIANCE_CHECK');
    });

    it('no compliance check by the end of day 28 is recorded as missed and the caseworker is alerted once', async () => {
      const { reference, check } = await warnTenant();

      await world.sleepToJustBefore(check);
      expect((await world.deadline(reference, 'COMPLIANCE_CHECK', check.id)).status).toBe('PENDING');

      await world.sleepPast(check);
      const alert = await world.expectMissedWithOneAlert(reference, check.id);
      expect(alert.to).toEqual([RECIPIENT.CASEWORKER]);
      expect(alert.text).toContain('compliance check 28 days after a tenancy warning');
    });
  });

  describe('Acceptable Behaviour Contract (review at 3 months, runs 6 months)', () => {
    const signContract = async () => {
      const reference = await world.open();
      await world.cases.run(reference, 'recordEnforcementStep', { kind: 'VERBAL_WARNING', subjectId: 's1' });
      await world.cases.run(reference, 'recordEnforcementStep', { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: 's1', subjectAgreed: true });
      const signedOn = await takenOn(reference, 'step-2');
      const review = await world.deadline(reference, 'ABC_REVIEW');
      const term = await world.deadline(reference, 'ABC_END');
      expect(review).toMatchObject({ status: 'PENDING', stepId: 'step-2', dueOn: addMonths(signedOn, 3) });
      expect(term).toMatchObject({ status: 'PENDING', stepId: 'step-2', dueOn: addMonths(signedOn, 6) });
      return { reference, review, term };
    };

    it('a contract review recorded on the day it falls due at 3 months is met, and nobody is alerted', async () => {
      const { reference, review } = await signContract();

      await world.sleepToJustBefore(review);
      expect(await world.today()).toBe(review.dueOn);
      await world.cases.run(reference, 'recordContractReview', { stepId: 'step-2', notes: 'Kept to every term so far.' });

      await world.sleepPast(review);
      const met = await world.deadline(reference, 'ABC_REVIEW', review.id);
      expect(met.status).toBe('MET');
      expect(met.resolution).toBe('reviewed by amira.khan');
      await world.expectNoAlert(reference, 'ABC_REVIEW');
    });

    it('no contract review by 3 months is recorded as missed and the caseworker is alerted once', async () => {
      const { reference, review } = await signContract();

      await world.sleepToJustBefore(review);
      expect((await world.deadline(reference, 'ABC_REVIEW', review.id)).status).toBe('PENDING');

      await world.sleepPast(review);
      const alert = await world.expectMissedWithOneAlert(reference, review.id);
      expect(alert.to).toEqual([RECIPIENT.CASEWORKER]);
    });

    it('the contract is in force until the end of its last day at 6 months, then ends with no alert about its term', async () => {
      const { reference, review, term } = await signContract();
      await world.cases.run(reference, 'recordContractReview', { stepId: 'step-2', notes: 'Review at signing: terms explained again.' });
      expect((await world.deadline(reference, 'ABC_REVIEW', review.id)).status).toBe('MET');

      await world.sleepToJustBefore(term);
      expect((await world.deadline(reference, 'ABC_END', term.id)).status).toBe('PENDING');
      expect((await world.cases.file(reference)).enforcement.find((step) => step.id === 'step-2')?.endedAt).toBeUndefined();

      await world.sleepPast(term);
      const ended = await world.deadline(reference, 'ABC_END', term.id);
      expect(ended.status).toBe('MET');
      expect(ended.resolution).toBe(`contract term ended at ${term.dueAt}`);
      const contract = (await world.cases.file(reference)).enforcement.find((step) => step.id === 'step-2');
      expect(contract?.endedAt).toBeDefined();
      expect(Date.parse(contract!.endedAt!)).toBeGreaterThan(Date.parse(term.dueAt));
      await world.expectNoAlert(reference, 'ABC_END');
      await world.expectAlertsOnlyForMissedDuties(reference);
    });
  });
});
