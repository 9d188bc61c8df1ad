/**
 * BUG: a fixed penalty for one CPN breach blocks prosecution of a later, separate breach.
 * libs/domain/src/case-file/enforcement/preconditions.ts, prosecutionRefusal(): it looks only at the
 * latest FPN on the CPN; if that FPN is paid it refuses FPN_PAID, and while its 14 days run it refuses
 * FPN_PERIOD_RUNNING — even when a newer breach exists that no FPN or prosecution has dealt with.
 * The refusal's own message says payment "discharges liability for that breach"; the 2014 Act s.52(3)
 * bars proceedings only for the offence the notice was given for. An FPN for the new breach is allowed
 * (unfinedBreach sees it), so the two steps disagree.
 */
import { type CaseFile, localDate } from '../../../libs/domain/src';
import { DARREN, lastStep, openCase, run, step, stepRefusal, withCpw } from '../case-builder';

function cpnWithFinedBreach(): { file: CaseFile; cpnId: string; fpnId: string } {
  let file = withCpw(openCase(), DARREN, '2026-11-16T10:00:00Z');
  file = run(file, 'recordIncident', { occurredAt: '2026-12-01T01:30:00Z', description: 'Music until 3am', subjectIds: [DARREN.id] }, '2026-12-01T09:00:00Z');
  file = step(file, { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: DARREN.id, requirements: [{ text: 'No music after 23:00', dueOn: localDate('2026-12-02') }] }, '2026-12-01T10:00:00Z');
  const cpnId = lastStep(file).id;
  file = run(file, 'recordBreach', { stepId: cpnId, description: 'Music at 1am (breach 1)', occurredAt: '2026-12-08T01:00:00Z' }, '2026-12-08T09:00:00Z');
  file = step(file, { kind: 'FIXED_PENALTY_NOTICE', subjectId: DARREN.id, amountPounds: 100 }, '2026-12-10T10:00:00Z');
  return { file, cpnId, fpnId: lastStep(file).id };
}

test('after the FPN for breach 1 is paid, a new breach on 5 January 2027 can be prosecuted', () => {
  const { file: fined, cpnId, fpnId } = cpnWithFinedBreach();
  let file = run(fined, 'recordFixedPenaltyPayment', { stepId: fpnId }, '2026-12-12T10:00:00Z');
  file = run(file, 'recordBreach', { stepId: cpnId, description: 'Music at 1am (breach 2)', occurredAt: '2027-01-05T01:00:00Z' }, '2027-01-05T09:00:00Z');
  // An FPN for breach 2 is accepted, so breach 2 is recognised as not yet dealt with…
  expect(stepRefusal(file, { kind: 'FIXED_PENALTY_NOTICE', subjectId: DARREN.id, amountPounds: 100 }, '2027-01-06T10:00:00Z')).toBeUndefined();
  // …but prosecution for it is refused. Actual: { condition: 'FPN_PAID', message: 'the fixed penalty was paid, which discharges liability for that breach' }
  expect(stepRefusal(file, { kind: 'PROSECUTION', subjectId: DARREN.id }, '2027-01-06T10:00:00Z')).toBeUndefined();
});

test('while the FPN for breach 1 runs, a second breach can be prosecuted', () => {
  const { file: fined, cpnId } = cpnWithFinedBreach();
  const file = run(fined, 'recordBreach', { stepId: cpnId, description: 'Threatened a neighbour (breach 2)', occurredAt: '2026-12-11T22:00:00Z' }, '2026-12-12T09:00:00Z');
  // Actual: { condition: 'FPN_PERIOD_RUNNING', holdsFrom: '2026-12-25', ... } — the bar for breach 1 applied to breach 2.
  expect(stepRefusal(file, { kind: 'PROSECUTION', subjectId: DARREN.id }, '2026-12-14T10:00:00Z')).toBeUndefined();
});
