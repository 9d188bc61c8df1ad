import { addDays, type LocalDate, type OpenCaseCommand, type RecordEnforcementStepCommand } from '../../../libs/domain/src';
import { bornBefore, LedgerWatch, onlyPending, Scenario } from './scenario-support';

/** The same day `years` later, by the calendar (no domain helpers). */
const yearsAfter = (date: LocalDate, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

describe('a 16-year-old on the injunction path', () => {
  const scenario = Scenario.start();

  it('allows a CPW at 16 (not at 15), needs the youth offending team, the youth court and an order of at most 12 months', async () => {
    const { cases } = scenario;
    const day0 = await scenario.today();
    const tylerBorn = bornBefore(day0, 16, 45); // 16 and a month and a half
    const jaydenBorn = bornBefore(day0, 15, 200); // 15, sixteen in about five months
    const jaydenSixteen = yearsAfter(jaydenBorn, 16);

    const command: OpenCaseCommand = {
      type: 'ANTI_SOCIAL_BEHAVIOUR',
      category: 'COMMUNITY_DISRUPTION',
      channel: 'ONLINE_REPORT',
      summary: 'Group intimidating residents and damaging the play area at Egerton Park most evenings.',
      riskLevel: 'MEDIUM',
      team: 'north',
      caseworker: 'amira.khan',
      location: { address: 'Egerton Park, Melton Mowbray LE13 0EX', ward: 'Melton Egerton', priorityNeighbourhood: true },
      complainants: [{ id: 'c-1', name: 'Sandra Pickering', vulnerable: false }],
      subjects: [
        { id: 's-1', name: 'Tyler Brooks', dateOfBirth: tylerBorn, tenure: 'MBC_TENANT' },
        { id: 's-2', name: 'Jayden Brooks', dateOfBirth: jaydenBorn, tenure: 'MBC_TENANT' },
      ],
      openedBy: 'amira.khan',
    };
    const reference = (await cases.open(command)).reference;
    const ledger = new LedgerWatch(cases, reference);
    await cases.run(reference, 'recordInitialContact', { summary: 'Spoke to Mrs Pickering; agreed to log incidents with the park warden.' });

    const cpw = (subjectId: string): RecordEnforcementStepCommand => ({
      kind: 'COMMUNITY_PROTECTION_WARNING',
      subjectId,
      conductConfirmed: true,
      skipReason: 'Weeks of intimidation and damage; parents engaged without effect',
      notes: 'Served with a parent present.',
    });
    expect(await cases.refusal(reference, 'recordEnforcementStep', cpw('s-2'))).toEqual({
      condition: 'SUBJECT_TOO_YOUNG',
      message: `Community Protection Warning not available until ${jaydenSixteen}: Jayden Brooks must be 16 or over`,
      holdsFrom: jaydenSixteen,
    });
    const warned = await cases.run(reference, 'recordEnforcementStep', cpw('s-1'));
    expect(warned.enforcement.map((step) => [step.kind, step.subjectId])).toEqual([['COMMUNITY_PROTECTION_WARNING', 's-1']]);

    await scenario.sleepUntilDay(addDays(day0, 16));
    await cases.run(reference, 'recordIncident', { occurredAt: await scenario.hoursAgo(20), description: 'Tyler Brooks set fire to the bin by the swings; knife seen', subjectIds: ['s-1'] });
    await cases.run(reference, 'recordComplianceCheck', { stepId: warned.enforcement[0]!.id, complied: false, notes: 'Further incident: warning not complied with.' });

    // A youth injunction: the youth offending team is consulted first (on or before today).
    const today = await scenario.today();
    const injunction: RecordEnforcementStepCommand = {
      kind: 'CIVIL_INJUNCTION',
      subjectId: 's-1',
      skipReason: 'Knife and fire-setting: a CPN would not protect residents quickly enough',
      notes: 'Exclusion from Egerton Park sought.',
    };
    const notConsulted = { condition: 'YOT_NOT_CONSULTED', message: 'Tyler Brooks is under 18: the youth offending team must be consulted before applying (youthOffendingTeamConsultedOn)' };
    expect(await cases.refusal(reference, 'recordEnforcementStep', injunction)).toEqual(notConsulted);
    expect(await cases.refusal(reference, 'recordEnforcementStep', { ...injunction, youthOffendingTeamConsultedOn: addDays(today, 1) })).toEqual(notConsulted);
    const applied = await cases.run(reference, 'recordEnforcementStep', { ...injunction, youthOffendingTeamConsultedOn: addDays(today, -1) });
    const referral = applied.legalReferrals[0]!;
    expect(referral).toMatchObject({ stepKind: 'CIVIL_INJUNCTION', subjectId: 's-1', youth: true, status: 'REFERRED' });

    await cases.run(reference, 'acknowledgeLegalReferral', { referralId: referral.id }, 'legal.team');
    await cases.run(reference, 'recordLegalDecision', { referralId: referral.id, proceed: true, reason: 'YOT supports an injunction with positive requirements.' }, 'legal.team');

    const hearingAt = await scenario.hoursAhead(7 * 24);
    expect(await cases.refusal(reference, 'listHearing', { referralId: referral.id, hearingAt, court: 'COUNTY_COURT' }, 'legal.team')).toEqual({
      condition: 'WRONG_COURT',
      message: 'a Civil injunction (Part 1, 2014 Act) for an under-18 is heard in youth court',
    });
    const listed = await cases.run(reference, 'listHearing', { referralId: referral.id, hearingAt, court: 'YOUTH_COURT' }, 'legal.team');
    expect(listed.legalReferrals[0]?.hearing).toEqual({ at: hearingAt, court: 'YOUTH_COURT', listings: 1 });

    await scenario.sleepUntilDay(addDays(today, 7));
    const hearingDay = await scenario.today();
    const twelveMonths = yearsAfter(hearingDay, 1) as LocalDate;
    const order = {
      referralId: referral.id,
      outcome: 'ORDER_MADE',
      terms: 'Not to enter Egerton Park; to attend YOT sessions weekly.',
    } as const;
    expect(await cases.refusal(reference, 'recordHearingOutcome', { ...order, expiresOn: addDays(twelveMonths, 1) }, 'legal.team')).toEqual({
      condition: 'ORDER_TOO_LONG',
      message: `an injunction on an under-18 lasts at most 12 months: it can run to ${twelveMonths} at the latest`,
    });
    const made = await cases.run(reference, 'recordHearingOutcome', { ...order, expiresOn: twelveMonths }, 'legal.team');
    expect(made.legalReferrals[0]).toMatchObject({ status: 'ORDER_MADE', order: { court: 'YOUTH_COURT', madeOn: hearingDay, expiresOn: twelveMonths } });
    const entries = await ledger.look();
    expect(onlyPending(entries, 'ORDER_EXPIRY')).toMatchObject({ dueOn: twelveMonths, subjectId: 's-1' });
    expect(entries.filter((entry) => entry.kind === 'HEARING').map((entry) => entry.status)).toEqual(['MET']);
    await scenario.timelineEntry(reference, 'HEARING_OUTCOME_RECORDED', (row) => row.summary.includes(`order made until ${twelveMonths}`));
    await ledger.expectNoneDropped();
  });
});
