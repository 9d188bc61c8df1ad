import { type RiskAssessment, riskLevelOf } from '../../libs/domain/src';
import { CASEWORKER, change, deadlineById, deadlinesOf, onlyPending, openCase, run } from './case-builder';

const NONE: RiskAssessment = {
  disability: false,
  mentalHealth: false,
  isolation: false,
  repeatVictimisation: false,
  hateMotive: false,
  impactOnDailyLife: false,
  assessedBy: CASEWORKER,
};

describe('the risk level a victim assessment gives', () => {
  it.each([
    ['no vulnerability at all', {}, 'STANDARD'],
    ['one factor (isolation)', { isolation: true }, 'STANDARD'],
    ['two factors (disability, mental health)', { disability: true, mentalHealth: true }, 'MEDIUM'],
    ['three factors', { disability: true, isolation: true, impactOnDailyLife: true }, 'MEDIUM'],
    ['four factors', { disability: true, mentalHealth: true, isolation: true, impactOnDailyLife: true }, 'HIGH'],
    ['all six factors', { disability: true, mentalHealth: true, isolation: true, repeatVictimisation: true, hateMotive: true, impactOnDailyLife: true }, 'HIGH'],
    ['repeat victimisation with a hate motive, on their own', { repeatVictimisation: true, hateMotive: true }, 'HIGH'],
    ['a hate motive without repeat victimisation', { hateMotive: true, disability: true }, 'MEDIUM'],
  ] as const)('%s is %s', (_label, answers, level) => {
    expect(riskLevelOf({ ...NONE, ...answers })).toBe(level);
  });

  it('is raised by professional judgement above what the answers score', () => {
    expect(riskLevelOf({ ...NONE, professionalJudgement: 'HIGH' })).toBe('HIGH');
    expect(riskLevelOf({ ...NONE, isolation: true, professionalJudgement: 'MEDIUM' })).toBe('MEDIUM');
  });

  it('is never lowered by professional judgement', () => {
    expect(riskLevelOf({ ...NONE, disability: true, mentalHealth: true, isolation: true, hateMotive: true, professionalJudgement: 'STANDARD' })).toBe('HIGH');
    expect(riskLevelOf({ ...NONE, disability: true, mentalHealth: true, professionalJudgement: 'STANDARD' })).toBe('MEDIUM');
  });
});

/** Opened Monday 2 March 2026 as STANDARD: contact due 9 March (5 working days), first review 30 March. */
const OPENED = '2026-03-02T09:00:00Z';
const standardCase = () => openCase({ subjects: [] }, OPENED);

describe('a re-assessment at a review', () => {
  // Tuesday 3 March: the victim now also reports a disability and isolation.
  const REVIEW = '2026-03-03T10:00:00Z';
  const MEDIUM_ANSWERS: RiskAssessment = { ...NONE, disability: true, isolation: true };

  it('re-plans the pending first contact from the report: the old one CANCELLED with the reason, the new one PENDING', () => {
    const file = run(standardCase(), 'recordReview', { summary: 'Victim disclosed a disability', riskAssessment: MEDIUM_ANSWERS }, REVIEW);
    expect(deadlineById(file, 'initial-contact-1')).toMatchObject({
      status: 'CANCELLED',
      dueOn: '2026-03-09',
      resolution: 're-planned: risk re-assessed as MEDIUM at review 1',
      resolvedAt: '2026-03-03T10:00:00.000Z',
    });
    expect(deadlineById(file, 'initial-contact-2')).toMatchObject({
      status: 'PENDING',
      dueOn: '2026-03-04',
      reason: 'MEDIUM risk: first contact with the complainant within 2 working days of the report',
    });
  });

  it('meets the review and plans the next at the new interval from the review', () => {
    const file = run(standardCase(), 'recordReview', { summary: 'Victim disclosed a disability', riskAssessment: MEDIUM_ANSWERS }, REVIEW);
    expect(deadlineById(file, 'case-review-1')).toMatchObject({ status: 'MET', dueOn: '2026-03-30' });
    expect(onlyPending(file, 'CASE_REVIEW')).toMatchObject({ id: 'case-review-2', dueOn: '2026-03-17' });
    expect(file.riskLevel).toBe('MEDIUM');
    expect(file.riskAssessment).toEqual(MEDIUM_ANSWERS);
  });

  it('leaves the complainant update as it was, with no second one planned', () => {
    const file = run(standardCase(), 'recordReview', { summary: 'Victim disclosed a disability', riskAssessment: MEDIUM_ANSWERS }, REVIEW);
    expect(deadlinesOf(file, 'COMPLAINANT_UPDATE').map((d) => [d.id, d.status, d.dueOn])).toEqual([['complainant-update-1', 'PENDING', '2026-03-16']]);
  });

  it('does not re-plan first contact once contact has been made', () => {
    let file = run(standardCase(), 'recordInitialContact', { summary: 'Phoned Mrs Ellis' }, '2026-03-02T15:00:00Z');
    file = run(file, 'recordReview', { summary: 'Escalating threats', riskLevel: 'HIGH' }, REVIEW);
    expect(deadlinesOf(file, 'INITIAL_CONTACT').map((d) => [d.id, d.status])).toEqual([['initial-contact-1', 'MET']]);
  });
});

describe('a re-assessment between reviews', () => {
  const HIGH_ANSWERS: RiskAssessment = { ...NONE, disability: true, mentalHealth: true, isolation: true, impactOnDailyLife: true };

  it('moves the pending review to the new interval from the report and says why in the ledger and the timeline', () => {
    const { file, timeline } = change(standardCase(), 'assessRisk', { assessment: HIGH_ANSWERS }, '2026-03-03T10:00:00Z');
    expect(file.riskLevel).toBe('HIGH');
    expect(deadlineById(file, 'case-review-1')).toMatchObject({ status: 'CANCELLED', resolution: 're-planned: risk assessed as HIGH' });
    expect(onlyPending(file, 'CASE_REVIEW')).toMatchObject({ id: 'case-review-2', dueOn: '2026-03-09', reason: 'HIGH risk cases are reviewed every 7 days (from the report)' });
    expect(onlyPending(file, 'INITIAL_CONTACT')).toMatchObject({ id: 'initial-contact-2', dueOn: '2026-03-03' });
    expect(timeline).toEqual([expect.objectContaining({ kind: 'RISK_ASSESSED', summary: 'Risk re-assessed from STANDARD to HIGH', data: expect.objectContaining({ from: 'STANDARD', to: 'HIGH' }) })]);
  });

  it('makes the review due today, not in the past, when the new interval has already run out', () => {
    // Thursday 12 March: a HIGH case reported on 2 March would have been reviewed by the 9th.
    const file = run(standardCase(), 'assessRisk', { assessment: HIGH_ANSWERS }, '2026-03-12T10:00:00Z');
    expect(onlyPending(file, 'CASE_REVIEW').dueOn).toBe('2026-03-12');
  });

  it('cancels nothing when the level does not change', () => {
    const file = run(standardCase(), 'assessRisk', { assessment: { ...NONE, isolation: true } }, '2026-03-03T10:00:00Z');
    expect(file.deadlines.filter((d) => d.status === 'CANCELLED')).toEqual([]);
    expect(file.deadlines.map((d) => d.id)).toEqual(['initial-contact-1', 'case-review-1', 'complainant-update-1']);
  });

  it('can lower the risk, moving the review later', () => {
    const high = openCase({ subjects: [], riskLevel: 'HIGH' }, OPENED);
    const file = run(high, 'assessRisk', { assessment: NONE }, '2026-03-03T10:00:00Z');
    expect(file.riskLevel).toBe('STANDARD');
    expect(onlyPending(file, 'CASE_REVIEW').dueOn).toBe('2026-03-30');
  });
});
