import { addDays, addMonths, addWorkingDays, type OpenCaseCommand, localDate } from '../../../libs/domain/src';
import { daysBetween, expectDueAtEndOfDay, expectRefusal, kindsAndStatuses, LedgerWatch, onlyPending, Scenario } from './scenario-support';

const NOISE_REPORT: OpenCaseCommand = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'CUSTOMER_SERVICES_CALL',
  summary: 'Bass-heavy music and shouting from 14 Dalby Road until 2am, four nights a week since September.',
  team: 'north',
  location: { address: '12 Dalby Road, Melton Mowbray LE13 0BG', ward: 'Melton Dorian', priorityNeighbourhood: false },
  complainants: [{ id: 'c-1', name: 'Margaret Haines', vulnerable: false }],
  subjects: [{ id: 's-1', name: 'Kieran Walsh', dateOfBirth: localDate('1991-07-19'), tenure: 'PRIVATE_RENTED' }],
  openedBy: 'customer.services',
};

describe('a noise dispute resolved by a written warning', () => {
  const scenario = Scenario.start();

  it('runs from report to closure with every deadline met or cancelled, and ends when it is anonymised after the retention period', async () => {
    const { cases, env } = scenario;
    const day0 = await scenario.today();

    const reported = await cases.open(NOISE_REPORT);
    const reference = reported.reference;
    const ledger = new LedgerWatch(cases, reference);
    expect(reported.stage).toBe('REPORTED');
    expect(reported.deadlines).toEqual([]);
    expectRefusal(await cases.refusal(reference, 'allocate', { caseworker: 'amira.khan' }, 'jo.bennett'), 'NOT_TRIAGED');

    // Triage: one vulnerability factor (repeat victimisation) is STANDARD risk.
    const triaged = await cases.run(reference, 'assessRisk', {
      assessment: { disability: false, mentalHealth: false, isolation: false, repeatVictimisation: true, hateMotive: false, impactOnDailyLife: false, assessedBy: 'amira.khan' },
    });
    expect([triaged.stage, triaged.riskLevel]).toEqual(['TRIAGED', 'STANDARD']);
    let entries = await ledger.look();
    expect(kindsAndStatuses(entries)).toEqual(['INITIAL_CONTACT:PENDING', 'CASE_REVIEW:PENDING', 'COMPLAINANT_UPDATE:PENDING']);
    expect(onlyPending(entries, 'INITIAL_CONTACT').dueOn).toBe(addWorkingDays(day0, 5));
    expect(onlyPending(entries, 'CASE_REVIEW').dueOn).toBe(addDays(day0, 28));
    expect(onlyPending(entries, 'COMPLAINANT_UPDATE').dueOn).toBe(addWorkingDays(day0, 10));
    entries.forEach(expectDueAtEndOfDay);

    expect((await cases.run(reference, 'allocate', { caseworker: 'amira.khan' }, 'jo.bennett')).stage).toBe('ALLOCATED');
    const contacted = await cases.run(reference, 'recordInitialContact', { summary: 'Phoned Mrs Haines; she is keeping a noise diary and will use the Noise App.' });
    expect(contacted.stage).toBe('ACTIVE');

    const warned = await cases.run(reference, 'recordEnforcementStep', {
      kind: 'WRITTEN_WARNING',
      subjectId: 's-1',
      notes: 'Letter hand-delivered to 14 Dalby Road: music off by 11pm, or a CPW follows.',
    });
    const warning = warned.enforcement[0]!;
    expect(warning).toMatchObject({ kind: 'WRITTEN_WARNING', level: 1, subjectId: 's-1' });
    entries = await ledger.look();
    const check = onlyPending(entries, 'COMPLIANCE_CHECK');
    expect(check).toMatchObject({ dueOn: addDays(day0, 14), stepId: warning.id, subjectId: 's-1', nature: 'DUTY' });

    await scenario.sleepUntilDay(addDays(day0, 7));
    await cases.run(reference, 'recordComplainantUpdate', { summary: 'Told Mrs Haines the warning was served; diary shows two late nights since.' });

    // Day 14: the check is due today, so by the end of today: still pending now.
    await scenario.sleepUntilDay(addDays(day0, 14));
    entries = await ledger.look();
    expect(entries.find((entry) => entry.id === check.id)?.status).toBe('PENDING');
    const checked = await cases.run(reference, 'recordComplianceCheck', { stepId: warning.id, complied: true, notes: 'No reports for 10 days; diary confirms music off by 11pm.' });
    expect(checked.enforcement[0]?.complied).toBe(true);
    await cases.run(reference, 'recordComplainantUpdate', { summary: 'Mrs Haines confirms the nights are quiet now.' });
    const reviewed = await cases.run(reference, 'recordReview', { summary: 'Warning complied with; monitor for a week before closing.' }, 'jo.bennett');
    expect(reviewed.reviewCount).toBe(1);
    await cases.run(reference, 'startMonitoring', { reason: 'Written warning complied with' });

    await scenario.sleepUntilDay(addDays(day0, 21));
    await cases.run(reference, 'recordReview', { summary: 'No further reports during monitoring; recommend closure.' }, 'jo.bennett');
    expectRefusal(await cases.refusal(reference, 'decideClosure', { approve: true, reason: 'Resolved' }, 'jo.bennett'), 'NO_CLOSURE_REQUESTED');
    const explanation = 'The music has stopped since the written warning; we are closing the case. Call us if it starts again within three months.';
    const inReview = await cases.run(reference, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: explanation });
    expect(inReview.stage).toBe('CLOSURE_REVIEW');
    const closed = await cases.run(reference, 'decideClosure', { approve: true, reason: 'Warning complied with; complainant content.' }, 'jo.bennett');
    expect(closed.stage).toBe('CLOSED');
    expect(closed.closure).toMatchObject({ reason: 'RESOLVED', explanationToComplainant: explanation, requestedBy: 'amira.khan', approvedBy: 'jo.bennett' });

    const closedOn = addDays(day0, 21);
    entries = await ledger.look();
    expect(onlyPending(entries, 'SATISFACTION_FOLLOW_UP').dueOn).toBe(addWorkingDays(closedOn, 10));
    const reopenWindow = onlyPending(entries, 'REOPEN_WINDOW');
    expect(reopenWindow.dueOn).toBe(addMonths(closedOn, 3));
    // What was still owed when the case closed is cancelled with the reason, not dropped.
    const cancelled = entries.filter((entry) => entry.status === 'CANCELLED');
    expect(cancelled.map((entry) => entry.kind).sort()).toEqual(['CASE_REVIEW', 'COMPLAINANT_UPDATE']);
    expect(cancelled.every((entry) => entry.resolution === 'case closed')).toBe(true);

    const row = await scenario.timelineEntry(reference, 'CASE_CLOSED');
    expect(row).toMatchObject({ actor: 'jo.bennett', data: { reason: 'RESOLVED' } });
    expect(row.summary).toContain(explanation);

    await scenario.sleepUntilDay(addDays(closedOn, 6));
    await cases.run(reference, 'recordSatisfactionFollowUp', { summary: 'Mrs Haines is satisfied with how the case was handled (4/5).' });
    entries = await ledger.look();
    expect(entries.filter((entry) => entry.status === 'PENDING').map((entry) => entry.kind).sort()).toEqual(['REOPEN_WINDOW', 'RETENTION_END']);
    const handle = env.client.workflow.getHandle(reference);
    expect((await handle.describe()).status.name).toBe('RUNNING');

    // The re-open window is a period: at its end it is MET. Then only the retention period is left; when
    // it ends the personal data is anonymised, nothing is left to watch, and the workflow completes.
    await scenario.sleepUntilDay(addDays(reopenWindow.dueOn, 1));
    const retention = onlyPending(await ledger.look(), 'RETENTION_END');
    expect(retention.dueOn).toBe(addMonths(closedOn, 72));
    await scenario.sleepUntilDay(addDays(retention.dueOn, 1));
    await expect(handle.result()).resolves.toBeUndefined();
    const final = await ledger.expectNoneDropped();
    expect(final.filter((entry) => !['MET', 'CANCELLED'].includes(entry.status))).toEqual([]);
    expect(final.find((entry) => entry.kind === 'REOPEN_WINDOW')?.status).toBe('MET');
    expect(kindsAndStatuses(final).filter((entry) => entry.endsWith(':MET')).sort()).toEqual(
      [
        'INITIAL_CONTACT:MET',
        'CASE_REVIEW:MET',
        'CASE_REVIEW:MET',
        'COMPLAINANT_UPDATE:MET',
        'COMPLAINANT_UPDATE:MET',
        'COMPLIANCE_CHECK:MET',
        'SATISFACTION_FOLLOW_UP:MET',
        'REOPEN_WINDOW:MET',
        'RETENTION_END:MET',
      ].sort(),
    );
    expect(daysBetween(closedOn, reopenWindow.dueOn)).toBeGreaterThanOrEqual(89);
    // Nothing was missed, so nobody was alerted. The reviews were recorded before their reminders fell
    // due; the compliance check, due 2 working days after the period ended, was reminded of at once.
    const mails = scenario.mailsAbout(reference);
    expect(mails.map((mail) => mail.subject.replace(/, by .*/, ''))).toEqual([`Coming due: Compliance check on ${reference}`]);
    expect(new Set(mails.flatMap((mail) => mail.to))).toEqual(new Set(['amira.khan@melton.example']));
    // Anonymised: the timeline keeps what happened and when, not the accounts.
    const anonymised = await scenario.timelineEntry(reference, 'CASE_ANONYMISED');
    expect(anonymised.actor).toBe('system');
    expect((await scenario.timelineEntry(reference, 'CASE_CLOSED')).summary).toBe('Case Closed');
  });
});
