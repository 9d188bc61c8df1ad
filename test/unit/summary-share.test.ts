import { localDate, summaryShareOf, WITHHELD } from '../../libs/domain/src';
import { DARREN, LEGAL, MARGARET, NOISE_REPORT, openCase, run, step, withCpw } from './case-builder';

/** A case with every part that can name or describe a person, each account carrying a word to look for. */
function wholeCase() {
  let file = run(openCase(), 'recordInitialContact', { summary: 'Spoke.' }, '2026-11-02T10:00:00Z');
  file = run(file, 'recordIncident', { occurredAt: '2026-11-02T23:00:00Z', description: 'Accountincident: shouting at the door.', subjectIds: [DARREN.id] }, '2026-11-03T09:00:00Z');
  file = withCpw(file, DARREN, '2026-11-03T10:00:00Z');
  file = run(file, 'changeForum', { to: 'MAG', reason: 'Accountforum: a tenant of ours.' }, '2026-11-03T11:00:00Z', 'team.leader');
  file = run(file, 'referToAdultsAtRisk', { reason: 'Accountadults: isolated and afraid.' }, '2026-11-03T12:00:00Z');
  file = run(file, 'assignPartnerAction', { agency: 'POLICE', description: 'Accountaction: patrol the block.', dueOn: localDate('2026-11-20') }, '2026-11-03T13:00:00Z');
  file = run(file, 'completePartnerAction', { actionId: file.partnerActions![0]!.id, outcome: 'Accountoutcome: two patrols.' }, '2026-11-04T13:00:00Z', 'pc.lewis');
  file = step(file, { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: 'Accountskip: threats.', notes: 'Accountnotes: served by hand.' }, '2026-11-05T10:00:00Z');
  file = run(file, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Accountdecision: strong.' }, '2026-11-06T10:00:00Z', LEGAL);
  file = run(file, 'listHearing', { referralId: 'legal-1', hearingAt: '2026-11-20T10:00:00Z', court: 'COUNTY_COURT' }, '2026-11-06T11:00:00Z', LEGAL);
  file = run(file, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'Accountterms: keep away.', expiresOn: localDate('2027-11-20') }, '2026-11-20T15:00:00Z', LEGAL);
  file = run(file, 'recordContactLog', { method: 'VISIT', withName: 'Dr Mehta', text: 'Accountcontact: her sleep.' }, '2026-11-21T09:00:00Z');
  return run(file, 'applyForCaseReview', { applicant: 'ON_BEHALF_OF_VICTIM', applicantName: 'Sam Ellis' }, '2026-11-21T10:00:00Z');
}

describe('what a summary-only share shows', () => {
  it('withholds every name, date of birth, address and account, part by part', () => {
    const file = wholeCase();
    const whole = JSON.stringify(file);
    const personal = [MARGARET.name, DARREN.name, DARREN.dateOfBirth!, NOISE_REPORT.location.address!, NOISE_REPORT.summary, 'Sam Ellis', 'Dr Mehta'];
    // The fixture carries each of them, so that their absence below means something.
    for (const detail of [...personal, 'Account']) expect(whole).toContain(detail);

    const shown = summaryShareOf(file);
    // Parts the Case view does not show (the risk factors, shares, closure letter, convictions) are not judged here.
    const text = JSON.stringify({ ...shown, riskAssessment: undefined, shares: undefined, closure: undefined, convictions: undefined });
    for (const detail of personal) expect(text).not.toContain(detail);
    expect(text).not.toContain('Account');
    expect(shown.subjects.find((subject) => subject.id === DARREN.id)).toEqual({ id: DARREN.id, name: WITHHELD, tenure: DARREN.tenure });
    expect(shown.location).toEqual({ ward: 'Egerton', priorityNeighbourhood: true });
  });

  it('keeps what was done and when: ids, kinds, states and dates', () => {
    const file = wholeCase();
    const shown = summaryShareOf(file);
    expect(shown.enforcement.map(({ id, kind, takenAt, complianceDueOn }) => ({ id, kind, takenAt, complianceDueOn }))).toEqual(
      file.enforcement.map(({ id, kind, takenAt, complianceDueOn }) => ({ id, kind, takenAt, complianceDueOn })),
    );
    expect(shown.legalReferrals.map(({ id, status, order }) => ({ id, status, expiresOn: order?.expiresOn }))).toEqual([{ id: 'legal-1', status: 'ORDER_MADE', expiresOn: '2027-11-20' }]);
    expect(shown.incidents.map(({ id, occurredAt }) => ({ id, occurredAt }))).toEqual(file.incidents.map(({ id, occurredAt }) => ({ id, occurredAt })));
    expect(shown.deadlines.map(({ id, status }) => ({ id, status }))).toEqual(file.deadlines.map(({ id, status }) => ({ id, status })));
    expect(shown.complainants).toEqual([{ id: MARGARET.id, name: WITHHELD, vulnerable: MARGARET.vulnerable }]);
  });
});
