import { addDays } from '../../../../libs/domain/src';
import { HOUR_MS, timerWorld } from '../timer-world';

/**
 * SUSPECTED BUG: after an unpaid fixed penalty, recording the PROSECUTION step itself does not meet
 * the PROSECUTION_DECISION duty; it stays pending, is recorded MISSED, and legal are alerted to
 * "record whether the unpaid fixed penalty will be prosecuted" about a prosecution already recorded.
 */
describe('prosecution after an unpaid fixed penalty, on the time-skipping server', () => {
  const world = timerWorld();

  it('recording the prosecution meets the prosecution decision, and legal are not alerted', async () => {
    const reference = await world.open();
    const run = world.cases.run.bind(world.cases);
    await run(reference, 'recordInitialContact', { summary: 'Spoke to Pat Lee.' });
    await run(reference, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's1', conductConfirmed: true, skipReason: 'Persistent parties.' });
    await world.sleepPast(await world.deadline(reference, 'CPW_COMPLIANCE'));
    await run(reference, 'recordComplianceCheck', { stepId: 'step-1', complied: false, notes: 'Party again.' });
    await run(reference, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: 's1', requirements: [{ text: 'No music after 11pm', dueOn: addDays(await world.today(), 60) }] });
    await world.env.sleep(2 * HOUR_MS);
    await run(reference, 'recordBreach', { stepId: 'step-2', description: 'Music at 1am.', occurredAt: new Date((await world.now()) - HOUR_MS).toISOString() });
    await run(reference, 'recordEnforcementStep', { kind: 'FIXED_PENALTY_NOTICE', subjectId: 's1', amountPounds: 100 });
    await world.sleepPast(await world.deadline(reference, 'FPN_PAYMENT'));
    const decision = await world.deadline(reference, 'PROSECUTION_DECISION');
    expect(decision.status).toBe('PENDING');

    await run(reference, 'recordEnforcementStep', { kind: 'PROSECUTION', subjectId: 's1', notes: 'Summons applied for: FPN unpaid.' }, 'legal.team');
    expect((await world.deadline(reference, 'PROSECUTION_DECISION', decision.id)).status).not.toBe('PENDING');

    await world.sleepPast(decision);
    await world.expectNoAlert(reference, 'PROSECUTION_DECISION');
  });
});
