import { addDays, addMonths, type OpenCaseCommand, type RecordEnforcementStepCommand, localDate } from '../../../libs/domain/src';
import { eventually } from '../../support/case-driver';
import { expectDueAtEndOfDay, expectRefusal, LedgerWatch, onlyPending, Scenario } from './scenario-support';

const TENANT_CASE: OpenCaseCommand = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'DRUGS',
  channel: 'PARTNER_REFERRAL',
  summary: 'Visitors at all hours to Flat 4 Beckmill Court, suspected dealing; neighbours threatened on the stairs.',
  riskAssessment: { disability: false, mentalHealth: true, isolation: true, repeatVictimisation: true, hateMotive: false, impactOnDailyLife: true, assessedBy: 'tom.price' },
  team: 'south',
  caseworker: 'tom.price',
  location: { address: 'Beckmill Court, Melton Mowbray LE13 1HU', ward: 'Melton Sysonby', priorityNeighbourhood: true },
  complainants: [{ id: 'c-1', name: 'Gary Simmons', vulnerable: true }],
  subjects: [{ id: 's-1', name: 'Lee Harrington', dateOfBirth: localDate('1979-09-03'), tenure: 'MBC_TENANT' }],
  openedBy: 'tom.price',
};

const PREMISES = 'Flat 4, Beckmill Court, Melton Mowbray LE13 1HU';
const HOUR_MS = 3_600_000;

describe('a council tenant case escalated to MAG and JAG, through a closure order to a possession notice', () => {
  const scenario = Scenario.start();

  it('records who escalated and why, gets a closure order, and serves a NOSP only within 3 months of it', async () => {
    const { cases, env } = scenario;
    const day0 = await scenario.today();

    const opened = await cases.open(TENANT_CASE);
    const reference = opened.reference;
    const ledger = new LedgerWatch(cases, reference);
    expect([opened.stage, opened.riskLevel, opened.forum]).toEqual(['ALLOCATED', 'HIGH', 'GENERAL_CASEWORK']);
    await cases.run(reference, 'recordInitialContact', { summary: 'Met Mr Simmons at the housing office; he fears reprisals.' }, 'tom.price');
    await cases.run(reference, 'recordEnforcementStep', { kind: 'VERBAL_WARNING', subjectId: 's-1', notes: 'Warned on the doorstep with the housing officer.' }, 'tom.price');

    // Escalation to MAG, first stop for MBC tenants; a reason is required.
    expectRefusal(await cases.refusal(reference, 'changeForum', { to: 'MAG', reason: '  ' }, 'sam.okafor'), 'REASON_REQUIRED');
    const magReason = 'MBC tenant: housing and police action needed after the verbal warning was ignored';
    await cases.run(reference, 'changeForum', { to: 'MAG', reason: magReason }, 'sam.okafor');

    const warned = await cases.run(reference, 'recordEnforcementStep', { kind: 'TENANCY_WARNING', subjectId: 's-1', notes: 'Breach of tenancy clause 12 (nuisance) set out in writing.' }, 'tom.price');
    const tenancyWarning = warned.enforcement[1]!;
    expect(tenancyWarning).toMatchObject({ kind: 'TENANCY_WARNING', level: 2 });
    expect(onlyPending(await ledger.look(), 'COMPLIANCE_CHECK')).toMatchObject({ dueOn: addDays(day0, 28), stepId: tenancyWarning.id });

    await scenario.sleepUntilDay(addDays(day0, 3));
    const jagReason = 'Suspected county-line dealing: needs police, housing and adult social care together';
    const atJag = await cases.run(reference, 'changeForum', { to: 'JAG', reason: jagReason }, 'helen.ward');
    expect(atJag.forum).toBe('JAG');
    expect(atJag.forumHistory.map(({ from, to, reason, decidedBy }) => ({ from, to, reason, decidedBy }))).toEqual([
      { from: 'GENERAL_CASEWORK', to: 'MAG', reason: magReason, decidedBy: 'sam.okafor' },
      { from: 'MAG', to: 'JAG', reason: jagReason, decidedBy: 'helen.ward' },
    ]);
    expect(Date.parse(atJag.forumHistory[1]!.at) - Date.parse(atJag.forumHistory[0]!.at)).toBeGreaterThanOrEqual(3 * 24 * HOUR_MS);
    const escalation = await scenario.timelineEntry(reference, 'FORUM_ESCALATED', (row) => row.data?.['to'] === 'JAG');
    expect(escalation).toMatchObject({ actor: 'helen.ward', data: { from: 'MAG', to: 'JAG' } });
    expect(escalation.summary).toContain(jagReason);
    await eventually(async () => (await scenario.caseRow(reference))?.['forum'] === 'JAG');

    // Adults at risk: a parallel referral; the case stays at JAG.
    const referred = await cases.run(reference, 'referToAdultsAtRisk', { reason: 'Mr Harrington appears to be cuckooed: exploited by dealers using his flat' }, 'tom.price');
    expect(referred.adultsAtRiskReferral).toMatchObject({ decidedBy: 'tom.price' });
    expect(referred.forum).toBe('JAG');
    expectRefusal(await cases.refusal(reference, 'referToAdultsAtRisk', { reason: 'again' }), 'ALREADY_REFERRED');

    // Closure notice on the premises, issued by a police inspector.
    const notice: RecordEnforcementStepCommand = {
      kind: 'CLOSURE_NOTICE',
      premises: PREMISES,
      issuedBy: 'POLICE_INSPECTOR',
      skipReason: 'Class A supply from the flat and threats to neighbours: immediate closure needed',
      notes: 'Served by Insp. Harris and fixed to the door.',
    };
    expectRefusal(await cases.refusal(reference, 'recordEnforcementStep', { ...notice, issuedBy: undefined }), 'ISSUER_MISSING');
    const closed = await cases.run(reference, 'recordEnforcementStep', notice, 'tom.price');
    const closureNotice = closed.enforcement[2]!;
    expect(closureNotice).toMatchObject({ kind: 'CLOSURE_NOTICE', level: 5, premises: PREMISES, issuedBy: 'POLICE_INSPECTOR', extended: false });
    const servedAt = Date.parse(closureNotice.takenAt);
    let entries = await ledger.look();
    expect(Date.parse(onlyPending(entries, 'CLOSURE_NOTICE_EXPIRY').dueAt)).toBe(servedAt + 24 * HOUR_MS);
    const hearingDuty = onlyPending(entries, 'CLOSURE_ORDER_HEARING');
    expect(Date.parse(hearingDuty.dueAt)).toBe(servedAt + 48 * HOUR_MS);
    const referral = closed.legalReferrals[0]!;
    expect(referral).toMatchObject({ stepId: closureNotice.id, stepKind: 'CLOSURE_NOTICE', status: 'REFERRED' });

    await cases.run(reference, 'acknowledgeLegalReferral', { referralId: referral.id }, 'legal.team');
    await cases.run(reference, 'recordLegalDecision', { referralId: referral.id, proceed: true, reason: 'Police evidence supports a closure order.' }, 'legal.team');
    const hearingAt = await scenario.hoursAhead(40);
    expectRefusal(await cases.refusal(reference, 'listHearing', { referralId: referral.id, hearingAt, court: 'COUNTY_COURT' }, 'legal.team'), 'WRONG_COURT', /magistrates court/);
    await cases.run(reference, 'listHearing', { referralId: referral.id, hearingAt, court: 'MAGISTRATES_COURT' }, 'legal.team');

    // The hearing, 40 hours after service: the notice's 24 hours have run, the 48-hour duty is still open.
    await env.sleep(40 * HOUR_MS + 60_000);
    await eventually(async () => (await cases.statuses(reference, 'CLOSURE_NOTICE_EXPIRY')).join() === 'MET');
    expect(await cases.statuses(reference, 'CLOSURE_ORDER_HEARING')).toEqual(['PENDING']);
    const orderDay = await scenario.today();
    const latest = addMonths(orderDay, 3);
    const outcome = { referralId: referral.id, outcome: 'ORDER_MADE', terms: 'No entry to Flat 4 Beckmill Court except by Mr Harrington.', expiresOn: addDays(latest, 1) } as const;
    expect(await cases.refusal(reference, 'recordHearingOutcome', outcome, 'legal.team')).toEqual({
      condition: 'ORDER_TOO_LONG',
      message: `a closure order lasts at most 3 months (extendable): it can run to ${latest} at the latest`,
    });
    const ordered = await cases.run(reference, 'recordHearingOutcome', { ...outcome, expiresOn: latest }, 'legal.team');
    expect(ordered.legalReferrals[0]).toMatchObject({ status: 'ORDER_MADE', order: { court: 'MAGISTRATES_COURT', madeOn: orderDay, expiresOn: latest } });
    entries = await ledger.look();
    expect(entries.find((entry) => entry.id === hearingDuty.id)?.status).toBe('MET');
    expect(onlyPending(entries, 'ORDER_EXPIRY').dueOn).toBe(latest);
    const window = onlyPending(entries, 'POSSESSION_NOTICE_WINDOW');
    expect(window.dueOn).toBe(addMonths(orderDay, 3));
    expectDueAtEndOfDay(window);

    // Notice of seeking possession on the absolute ground, within the window.
    await scenario.sleepUntilDay(addDays(orderDay, 10));
    const nosp: RecordEnforcementStepCommand = {
      kind: 'NOTICE_OF_SEEKING_POSSESSION',
      subjectId: 's-1',
      trigger: 'CLOSURE_ORDER',
      skipReason: 'Closure order made on the tenancy',
      notes: 'Served on Mr Harrington with the review procedure.',
    };
    const served = await cases.run(reference, 'recordEnforcementStep', nosp, 'tom.price');
    const possession = served.enforcement[3]!;
    expect(possession).toMatchObject({ kind: 'NOTICE_OF_SEEKING_POSSESSION', trigger: 'CLOSURE_ORDER', subjectId: 's-1' });
    entries = await ledger.look();
    expect(onlyPending(entries, 'TENANT_REVIEW_REQUEST')).toMatchObject({ dueOn: addDays(orderDay, 17), stepId: possession.id, nature: 'PERIOD' });
    const possessionReferral = served.legalReferrals[1]!;
    expect(possessionReferral).toMatchObject({ stepKind: 'NOTICE_OF_SEEKING_POSSESSION', subjectId: 's-1', status: 'REFERRED' });
    await cases.run(reference, 'acknowledgeLegalReferral', { referralId: possessionReferral.id }, 'legal.team');
    await cases.run(reference, 'recordLegalDecision', { referralId: possessionReferral.id, proceed: true, reason: 'Absolute ground made out.' }, 'legal.team');

    await scenario.sleepUntilDay(addDays(orderDay, 18));
    await eventually(async () => (await cases.statuses(reference, 'TENANT_REVIEW_REQUEST')).join() === 'MET');

    // The window's last day still allows a notice; the day after, the closure order no longer qualifies.
    const nospStep = async () => (await cases.nextSteps(reference)).find((step) => step.step === 'NOTICE_OF_SEEKING_POSSESSION' && step.subjectId === 's-1');
    await scenario.sleepUntilDay(window.dueOn);
    expect((await nospStep())?.available).toBe(true);
    await scenario.sleepUntilDay(addDays(window.dueOn, 1));
    await eventually(async () => (await cases.statuses(reference, 'POSSESSION_NOTICE_WINDOW')).join() === 'MET');
    expectRefusal(await cases.refusal(reference, 'recordEnforcementStep', nosp, 'tom.price'), 'NO_POSSESSION_TRIGGER', /closure order \(served within the last 3 months\)/);
    expect((await nospStep())?.refusal?.condition).toBe('NO_POSSESSION_TRIGGER');
    await eventually(async () => (await cases.file(reference)).legalReferrals[0]?.status === 'ORDER_ENDED');
    await ledger.expectNoneDropped();
  });
});
