/**
 * BUG (likely): a breach of an Acceptable Behaviour Contract cannot be recorded.
 * libs/domain/src/case-file/enforcement/step-facts.ts, breachRefusal(): refuses every step that is not a
 * CPN with NOT_A_CPN. docs/domain.md, Enforcement ladder, level 2: an ABC runs 6 months with a review at 3,
 * and "a breach is recorded as evidence". A caseworker recording the breach of a signed contract is told
 * "step-2 is not a Community Protection Notice on this case".
 */
import { DARREN, openCase, refusalOf, step } from '../case-builder';

test('a breach of a signed contract is recorded against the contract', () => {
  let file = step(openCase(), { kind: 'VERBAL_WARNING', subjectId: DARREN.id }, '2026-11-09T10:00:00Z');
  file = step(file, { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: DARREN.id, subjectAgreed: true }, '2026-11-16T10:00:00Z');
  // Actual: { condition: 'NOT_A_CPN', message: 'step-2 is not a Community Protection Notice on this case' }
  expect(refusalOf(file, 'recordBreach', { stepId: 'step-2', description: 'Played music after 23:00 against clause 3', occurredAt: '2026-12-05T23:30:00Z' }, '2026-12-07T10:00:00Z')).toBeUndefined();
});
