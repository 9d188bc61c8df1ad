import { addDays, addMonths, addWorkingDays, type OpenCaseCommand, localDate } from '../../../libs/domain/src';
import { eventually } from '../../support/case-driver';
import { expectDueAtEndOfDay, expectRefusal, LedgerWatch, onlyPending, Scenario } from './scenario-support';

const HARASSMENT_REPORT: OpenCaseCommand = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'HARASSMENT',
  channel: 'POLICE_REFERRAL',
  summary: 'Neighbour shouts abuse at Mrs Lowe, films her house and follows her to the shops.',
  riskAssessment: { disability: true, mentalHealth: false, isolation: true, repeatVictimisation: true, hateMotive: false, impactOnDailyLife: false, assessedBy: 'amira.khan' },
  team: 'north',
  caseworker: 'amira.khan',
  location: { address: '5 Wycliffe Avenue, Melton Mowbray LE13 0HS', ward: 'Melton Craven', priorityNeighbourhood: true },
  complainants: [{ id: 'c-1', name: 'Patricia Lowe', vulnerable: true }],
  subjects: [{ id: 's-1', name: 'Darren Moss', dateOfBirth: localDate('1986-02-11'), tenure: 'OWNER_OCCUPIER' }],
  openedBy: 'pc.lewis',
};

describe('harassment escalated from a CPW to a civil injunction', () => {
  const scenario = Scenario.start();

  it('goes CPW → CPN → breach → FPN → injunction, and the case can close once the order expires', async () => {
    const { cases } = scenario;
    const day0 = await scenario.today();
    const day = (n: number) => addDays(day0, n);

    const opened = await cases.open(HARASSMENT_REPORT);
    const reference = opened.reference;
    const ledger = new LedgerWatch(cases, reference);
    expect([opened.stage, opened.riskLevel]).toEqual(['ALLOCATED', 'MEDIUM']);
    await cases.run(reference, 'recordInitialContact', { summary: 'Visited Mrs Lowe with PC Lewis; diary sheets left.' });
    await cases.run(reference, 'recordIncident', { occurredAt: await scenario.hoursAgo(30), description: 'Shouted abuse at Mrs Lowe over the garden fence', subjectIds: ['s-1'] });

    // CPW, level 3, straight from nothing: the skip needs a reason.
    const cpwCommand = { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's-1', conductConfirmed: true, notes: 'Served in person at 7 Wycliffe Avenue.' } as const;
    expectRefusal(await cases.refusal(reference, 'recordEnforcementStep', cpwCommand), 'SKIP_REASON_REQUIRED', /level 3 and the highest step so far is level 0/);
    const warned = await cases.run(reference, 'recordEnforcementStep', { ...cpwCommand, skipReason: 'Harassment of a vulnerable neighbour over months; verbal advice from the police ignored.' });
    const cpw = warned.enforcement[0]!;
    expect(cpw).toMatchObject({ kind: 'COMMUNITY_PROTECTION_WARNING', level: 3, complianceDueOn: day(14) });
    expect(onlyPending(await ledger.look(), 'CPW_COMPLIANCE')).toMatchObject({ dueOn: day(14), nature: 'PERIOD', stepId: cpw.id });

    const cpnCommand = {
      kind: 'COMMUNITY_PROTECTION_NOTICE',
      subjectId: 's-1',
      requirements: [
        { text: 'Remove the camera aimed at 5 Wycliffe Avenue', dueOn: day(22) },
        { text: 'Stop shouting at, following or filming Patricia Lowe', dueOn: day(22) },
      ],
    } as const;
    const cpnTooEarly = `CPN not available until ${day(15)}: the CPW compliance period runs until ${day(14)}`;
    let refusal = await cases.refusal(reference, 'recordEnforcementStep', cpnCommand);
    expect(refusal).toEqual({ condition: 'CPW_COMPLIANCE_PERIOD_RUNNING', message: cpnTooEarly, holdsFrom: day(15) });

    // The last day of the period still belongs to it.
    await scenario.sleepUntilDay(day(14));
    refusal = await cases.refusal(reference, 'recordEnforcementStep', cpnCommand);
    expect(refusal).toEqual({ condition: 'CPW_COMPLIANCE_PERIOD_RUNNING', message: cpnTooEarly, holdsFrom: day(15) });

    await scenario.sleepUntilDay(day(15));
    await eventually(async () => (await cases.statuses(reference, 'CPW_COMPLIANCE')).join() === 'MET');
    expect(onlyPending(await ledger.look(), 'COMPLIANCE_CHECK')).toMatchObject({ dueOn: addWorkingDays(day(14), 2), stepId: cpw.id });
    expectRefusal(await cases.refusal(reference, 'recordEnforcementStep', cpnCommand), 'NON_COMPLIANCE_NOT_RECORDED');

    // Non-compliance: a further incident after the deadline.
    await cases.run(reference, 'recordIncident', { occurredAt: await scenario.hoursAgo(2), description: 'Followed Mrs Lowe into the Co-op on Nottingham Street, shouting', subjectIds: ['s-1'] });
    const noticed = await cases.run(reference, 'recordEnforcementStep', cpnCommand);
    const cpn = noticed.enforcement[1]!;
    expect(cpn).toMatchObject({ kind: 'COMMUNITY_PROTECTION_NOTICE', level: 4, requirements: cpnCommand.requirements });
    await cases.run(reference, 'recordComplianceCheck', { stepId: cpw.id, complied: false, notes: 'Incident of today: warning not complied with; CPN served.' });
    let entries = await ledger.look();
    // 21 days, the day of issue counted as day 1: the window's last day is 20 days after issue.
    const appeal = onlyPending(entries, 'CPN_APPEAL_WINDOW');
    expect(appeal).toMatchObject({ dueOn: day(35), stepId: cpn.id, nature: 'PERIOD' });
    expectDueAtEndOfDay(appeal);
    expect(entries.filter((entry) => entry.kind === 'CPN_REQUIREMENT').map((entry) => [entry.dueOn, entry.reason])).toEqual([
      [day(22), 'CPN requirement: Remove the camera aimed at 5 Wycliffe Avenue'],
      [day(22), 'CPN requirement: Stop shouting at, following or filming Patricia Lowe'],
    ]);

    await scenario.sleepUntilDay(day(23));
    await eventually(async () => (await cases.statuses(reference, 'CPN_REQUIREMENT')).join() === 'MET,MET');
    await cases.run(reference, 'recordComplianceCheck', { stepId: cpn.id, complied: true, notes: 'Camera taken down; no contact since the notice.' });

    await scenario.sleepUntilDay(day(35));
    expect((await ledger.look()).find((entry) => entry.id === appeal.id)?.status).toBe('PENDING');
    await scenario.sleepUntilDay(day(36));
    await eventually(async () => (await ledger.look()).find((entry) => entry.id === appeal.id)?.status === 'MET');
    expect((await ledger.look()).find((entry) => entry.id === appeal.id)?.resolution).toMatch(/^appeal window closed/);

    // Breach, then the fixed penalty: at most £100 under the 2014 Act.
    expectRefusal(await cases.refusal(reference, 'recordEnforcementStep', { kind: 'FIXED_PENALTY_NOTICE', subjectId: 's-1', amountPounds: 100 }), 'NO_BREACH_RECORDED');
    await cases.run(reference, 'recordBreach', { stepId: cpn.id, occurredAt: await scenario.hoursAgo(3), description: 'Shouted threats at Mrs Lowe in Wycliffe Avenue' });
    refusal = await cases.refusal(reference, 'recordEnforcementStep', { kind: 'FIXED_PENALTY_NOTICE', subjectId: 's-1', amountPounds: 150 });
    expect(refusal).toEqual({ condition: 'FPN_AMOUNT_ABOVE_MAXIMUM', message: `the maximum fixed penalty for a CPN breach on ${day(36)} is £100` });
    const fined = await cases.run(reference, 'recordEnforcementStep', { kind: 'FIXED_PENALTY_NOTICE', subjectId: 's-1', amountPounds: 100 });
    const fpn = fined.enforcement[2]!;
    expect(fpn).toMatchObject({ kind: 'FIXED_PENALTY_NOTICE', amountPounds: 100, followsStepId: cpn.id });
    expect(onlyPending(await ledger.look(), 'FPN_PAYMENT')).toMatchObject({ dueOn: day(50), stepId: fpn.id });
    refusal = await cases.refusal(reference, 'recordEnforcementStep', { kind: 'PROSECUTION', subjectId: 's-1' });
    expect(refusal).toEqual({ condition: 'FPN_PERIOD_RUNNING', message: `prosecution not available until ${day(51)}: no proceedings for 14 days after a fixed penalty notice`, holdsFrom: day(51) });

    // Unpaid after 14 days: a prosecution decision falls due.
    await scenario.sleepUntilDay(day(51));
    await eventually(async () => (await cases.statuses(reference, 'FPN_PAYMENT')).join() === 'MET');
    entries = await ledger.look();
    expect(entries.find((entry) => entry.kind === 'FPN_PAYMENT')?.resolution).toMatch(/^unpaid: prosecution decision now due/);
    expect(onlyPending(entries, 'PROSECUTION_DECISION')).toMatchObject({ dueOn: addWorkingDays(day(50), 10), stepId: fpn.id, nature: 'DUTY' });
    await cases.run(reference, 'recordProsecutionDecision', { stepId: fpn.id, prosecute: false, reason: 'Legal advise an injunction protects Mrs Lowe better than a fine on conviction.' }, 'legal.team');
    expect(await cases.statuses(reference, 'PROSECUTION_DECISION')).toEqual(['MET']);
    // The 14 quiet days are over: prosecution is open (asked after an update, so the query's clock is today's).
    expect((await cases.nextSteps(reference)).find((step) => step.step === 'PROSECUTION' && step.subjectId === 's-1')?.available).toBe(true);

    // Level 5: the civil injunction, referred to the legal team.
    const injunctionDay = day(51);
    const injuncted = await cases.run(reference, 'recordEnforcementStep', { kind: 'CIVIL_INJUNCTION', subjectId: 's-1', notes: 'Without-notice application considered; on notice agreed.' });
    const injunction = injuncted.enforcement[3]!;
    const referral = injuncted.legalReferrals[0]!;
    expect(referral).toMatchObject({ id: 'legal-1', stepId: injunction.id, stepKind: 'CIVIL_INJUNCTION', status: 'REFERRED', youth: false });
    entries = await ledger.look();
    const acknowledgement = onlyPending(entries, 'LEGAL_ACKNOWLEDGEMENT');
    const decision = onlyPending(entries, 'LEGAL_DECISION');
    expect([acknowledgement.dueOn, decision.dueOn]).toEqual([addWorkingDays(injunctionDay, 2), addWorkingDays(injunctionDay, 10)]);
    await eventually(async () => (await scenario.timeline(reference)).some((row) => row.kind === 'LEGAL_REFERRAL_MADE'));

    await scenario.sleepUntilDay(day(52));
    await cases.run(reference, 'acknowledgeLegalReferral', { referralId: referral.id }, 'legal.team');
    await scenario.sleepUntilDay(day(55));
    await cases.run(reference, 'recordLegalDecision', { referralId: referral.id, proceed: true, reason: 'Evidence of CPN breach and FPN unpaid; proportionate.' }, 'legal.team');
    entries = await ledger.look();
    expect([acknowledgement, decision].map((deadline) => entries.find((entry) => entry.id === deadline.id)?.status)).toEqual(['MET', 'MET']);

    const hearingAt = await scenario.hoursAhead(14 * 24);
    expectRefusal(await cases.refusal(reference, 'listHearing', { referralId: referral.id, hearingAt, court: 'YOUTH_COURT' }, 'legal.team'), 'WRONG_COURT');
    const listed = await cases.run(reference, 'listHearing', { referralId: referral.id, hearingAt, court: 'COUNTY_COURT' }, 'legal.team');
    expect(listed.legalReferrals[0]).toMatchObject({ status: 'HEARING_LISTED', hearing: { at: hearingAt, court: 'COUNTY_COURT', listings: 1 } });
    expect(onlyPending(await ledger.look(), 'HEARING').dueOn).toBe(day(69));

    await scenario.sleepUntilDay(day(69));
    const expiresOn = addMonths(day(69), 6);
    const ordered = await cases.run(
      reference,
      'recordHearingOutcome',
      { referralId: referral.id, outcome: 'ORDER_MADE', terms: 'Not to enter Wycliffe Avenue; not to contact Patricia Lowe directly or indirectly.', expiresOn },
      'legal.team',
    );
    expect(ordered.legalReferrals[0]).toMatchObject({ status: 'ORDER_MADE', order: { madeOn: day(69), expiresOn, court: 'COUNTY_COURT' } });
    entries = await ledger.look();
    expect(entries.find((entry) => entry.kind === 'HEARING')?.status).toBe('MET');
    const expiry = onlyPending(entries, 'ORDER_EXPIRY');
    expect(expiry).toMatchObject({ dueOn: expiresOn, stepId: injunction.id, nature: 'PERIOD' });

    // The team keeps the case open while the order runs (it could close it: an order holds only the records).
    expect((await cases.nextSteps(reference)).find((step) => step.command === 'requestClosure')).toMatchObject({ available: true });
    await scenario.sleepUntilDay(expiresOn);
    await scenario.sleepUntilDay(addDays(expiresOn, 1));
    await eventually(async () => (await cases.file(reference)).legalReferrals[0]?.status === 'ORDER_ENDED');
    entries = await ledger.look();
    expect(entries.find((entry) => entry.id === expiry.id)).toMatchObject({ status: 'MET', resolution: expect.stringMatching(/^order expired/) });

    const explanation = 'The injunction has run its course with no further breach; we are closing the case.';
    expect((await cases.run(reference, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: explanation })).stage).toBe('CLOSURE_REVIEW');
    expect((await cases.run(reference, 'decideClosure', { approve: true, reason: 'Order expired without breach.' }, 'jo.bennett')).stage).toBe('CLOSED');
    await eventually(async () => (await ledger.look()).some((entry) => entry.kind === 'RETENTION_END'));
    const final = await ledger.expectNoneDropped();
    expect(final.filter((entry) => entry.status === 'PENDING').map((entry) => entry.kind).sort()).toEqual(['REOPEN_WINDOW', 'RETENTION_END', 'SATISFACTION_FOLLOW_UP']);
    await scenario.timelineEntry(reference, 'PERIOD_ENDED', (row) => row.data?.['kind'] === 'ORDER_EXPIRY');
  });
});
