import {
  commenceProvisions,
  dischargePspo,
  pspoFixedPenaltyMaximumOn,
  recordPspoBreach,
  recordPspoConsultation,
  STATUTORY_RULES_2014_ACT,
  type StatutoryRules,
} from '../../libs/domain/src';
import { accepted, CONSULTED, d, madePspo, refusedWith } from './pspo-builder';

// The law once an admin's policy version commences the 2026 Act's £500 on 1 June 2027.
const COMMENCED: StatutoryRules = commenceProvisions(STATUTORY_RULES_2014_ACT, [{ provision: 'PSPO_FIXED_PENALTY_500', on: '2027-06-01' }]).statutory;
const breach = (occurredOn: string, amountPounds?: number, issuedOn = occurredOn) => ({
  id: 'B-1',
  occurredOn: d(occurredOn),
  offence: 'FAILURE_TO_COMPLY' as const,
  description: 'Drinking from an open can in the Market Place and refusing to stop when asked',
  recordedBy: 'officer.jones',
  ...(amountPounds === undefined ? {} : { fixedPenalty: { issuedOn: d(issuedOn), amountPounds } }),
});

describe('the maximum fixed penalty for breach of a PSPO, a statutory rule by date (s.68(6); Crime and Policing Act 2026)', () => {
  it('is £100 under the 2014 Act, and the 2026 Act’s £500 a provision commenced on its day, each cited', () => {
    expect(STATUTORY_RULES_2014_ACT.pspoFixedPenaltyMaximumPounds.map(({ value, source }) => [value, source])).toEqual([[100, 'Anti-social Behaviour, Crime and Policing Act 2014 s.68(6)']]);
    expect(COMMENCED.pspoFixedPenaltyMaximumPounds.map(({ effectiveFrom, value, source }) => [effectiveFrom, value, source])).toEqual([
      ['2014-10-20', 100, 'Anti-social Behaviour, Crime and Policing Act 2014 s.68(6)'],
      ['2027-06-01', 500, 'Crime and Policing Act 2026, Part 1, amending Anti-social Behaviour, Crime and Policing Act 2014 s.68(6)'],
    ]);
  });

  it('stays £100 under the shipped rules, where no commencement day is set', () => {
    expect(pspoFixedPenaltyMaximumOn(d('2026-12-01'))).toBe(100);
    expect(pspoFixedPenaltyMaximumOn(d('2040-01-01'))).toBe(100);
  });

  it('is £100 the day before commencement and £500 from the day itself, once the day is set', () => {
    expect(pspoFixedPenaltyMaximumOn(d('2027-05-31'), COMMENCED)).toBe(100);
    expect(pspoFixedPenaltyMaximumOn(d('2027-06-01'), COMMENCED)).toBe(500);
  });
});

describe('a breach of a PSPO and its fixed penalty (s.67, s.68)', () => {
  const pspo = madePspo();

  it('records a breach with a £100 fixed penalty before commencement, linked to its order', () => {
    const recorded = accepted(recordPspoBreach(pspo, breach('2027-05-31', 100), d('2027-05-31'), COMMENCED));
    expect(recorded).toMatchObject({ id: 'B-1', pspoId: 'PSPO-2026-001', occurredOn: '2027-05-31', fixedPenalty: { issuedOn: '2027-05-31', amountPounds: 100 } });
  });

  it('refuses £101 for a breach the day before commencement', () => {
    const decision = recordPspoBreach(pspo, breach('2027-05-31', 101), d('2027-05-31'), COMMENCED);
    expect(decision).toEqual({ ok: false, refusal: { condition: 'PSPO_FPN_AMOUNT_ABOVE_MAXIMUM', message: '£101 is above the £100 maximum for a breach on 2027-05-31' } });
  });

  it('records £500 for a breach on the day of commencement, and refuses £500.01', () => {
    expect(accepted(recordPspoBreach(pspo, breach('2027-06-01', 500), d('2027-06-01'), COMMENCED)).fixedPenalty?.amountPounds).toBe(500);
    expect(refusedWith(recordPspoBreach(pspo, breach('2027-06-01', 500.01), d('2027-06-01'), COMMENCED))).toBe('PSPO_FPN_AMOUNT_ABOVE_MAXIMUM');
  });

  it('takes the maximum of the day of the breach, not of the notice: a breach before commencement stays at £100', () => {
    expect(refusedWith(recordPspoBreach(pspo, breach('2027-05-31', 500, '2027-06-02'), d('2027-06-02'), COMMENCED))).toBe('PSPO_FPN_AMOUNT_ABOVE_MAXIMUM');
    expect(accepted(recordPspoBreach(pspo, breach('2027-05-31', 100, '2027-06-02'), d('2027-06-02'), COMMENCED)).fixedPenalty?.issuedOn).toBe('2027-06-02');
  });

  it('refuses £500 today under the shipped rules, where the 2026 Act has no commencement day yet', () => {
    expect(refusedWith(recordPspoBreach(pspo, breach('2026-11-30', 500), d('2026-12-01')))).toBe('PSPO_FPN_AMOUNT_ABOVE_MAXIMUM');
  });

  it('records a breach with no fixed penalty offered', () => {
    expect(accepted(recordPspoBreach(pspo, breach('2026-11-30'), d('2026-12-01'))).fixedPenalty).toBeUndefined();
  });

  it('refuses an amount that is not a positive sum in whole pence', () => {
    expect(refusedWith(recordPspoBreach(pspo, breach('2026-11-30', 0), d('2026-12-01')))).toBe('PSPO_FPN_AMOUNT_INVALID');
    expect(refusedWith(recordPspoBreach(pspo, breach('2026-11-30', -50), d('2026-12-01')))).toBe('PSPO_FPN_AMOUNT_INVALID');
    expect(refusedWith(recordPspoBreach(pspo, breach('2026-11-30', 75.555), d('2026-12-01')))).toBe('PSPO_FPN_AMOUNT_INVALID');
    expect(accepted(recordPspoBreach(pspo, breach('2026-11-30', 0.1 + 0.2), d('2026-12-01'))).fixedPenalty).toBeDefined();
  });

  it('refuses a notice dated before its breach, or after today', () => {
    expect(refusedWith(recordPspoBreach(pspo, breach('2026-11-30', 100, '2026-11-29'), d('2026-12-01')))).toBe('PSPO_FPN_BEFORE_BREACH');
    expect(refusedWith(recordPspoBreach(pspo, breach('2026-11-30', 100, '2026-12-02'), d('2026-12-01')))).toBe('PSPO_FPN_IN_FUTURE');
  });

  it('refuses a breach still to come, one without saying what was done, and one on a day the order had no effect', () => {
    expect(refusedWith(recordPspoBreach(pspo, breach('2026-12-02'), d('2026-12-01')))).toBe('PSPO_BREACH_IN_FUTURE');
    expect(refusedWith(recordPspoBreach(pspo, { ...breach('2026-11-30'), description: ' ' }, d('2026-12-01')))).toBe('PSPO_BREACH_DESCRIPTION_REQUIRED');
    expect(refusedWith(recordPspoBreach(pspo, breach('2026-01-14'), d('2026-12-01')))).toBe('PSPO_BREACH_OUTSIDE_ORDER');
    expect(refusedWith(recordPspoBreach(pspo, breach('2029-01-15'), d('2029-02-01')))).toBe('PSPO_BREACH_OUTSIDE_ORDER');
  });

  it('refuses a breach from the day of discharge, and records one the day before', () => {
    const withConsultation = accepted(recordPspoConsultation(pspo, { id: 'C-DIS', purpose: 'DISCHARGE', publishedOn: d('2027-02-01'), closedOn: d('2027-03-15'), consultees: [...CONSULTED] }, d('2027-03-16')));
    const discharged = accepted(dischargePspo(withConsultation, { decidedOn: d('2027-04-01'), decidedBy: 'head.of.service', reason: 'No longer needed', consultationId: 'C-DIS' }, d('2027-04-01')));
    expect(refusedWith(recordPspoBreach(discharged, breach('2027-04-01'), d('2027-04-02')))).toBe('PSPO_BREACH_OUTSIDE_ORDER');
    expect(accepted(recordPspoBreach(discharged, breach('2027-03-31', 100), d('2027-04-02'))).occurredOn).toBe('2027-03-31');
  });
});
