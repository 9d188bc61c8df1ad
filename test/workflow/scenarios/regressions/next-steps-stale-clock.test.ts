// Bug: the nextSteps query judges "now" by the last workflow task, not by the current time.
// Run: cd /work/main && PATH=$PWD/node_modules/.bin:$PATH NODE_OPTIONS=--experimental-vm-modules jest --roots /tmp/bugs-scenarios /tmp/bugs-scenarios
import { addDays, localDate } from '../../../../libs/domain/src';
import { bornBefore, Scenario } from '../scenario-support';

describe('nextSteps query after time has passed with no workflow activity', () => {
  const scenario = Scenario.start();

  it('shows a CPW as available once the subject has turned 16, as the command itself accepts it', async () => {
    const { cases } = scenario;
    const day0 = await scenario.today();
    const sixteenOn = addDays(day0, 3);
    const reference = (
      await cases.open({
        type: 'ANTI_SOCIAL_BEHAVIOUR',
        category: 'COMMUNITY_DISRUPTION',
        channel: 'ONLINE_REPORT',
        summary: 'Youth kicking footballs at windows on Welby Lane.',
        riskLevel: 'STANDARD',
        team: 'north',
        caseworker: 'amira.khan',
        location: { ward: 'Melton Warwick', priorityNeighbourhood: false },
        subjects: [{ id: 's-1', name: 'Callum Reid', dateOfBirth: bornBefore(sixteenOn, 16), tenure: 'UNKNOWN' }],
        openedBy: 'amira.khan',
      })
    ).reference;
    const cpwStep = async () => (await cases.nextSteps(reference)).find((step) => step.step === 'COMMUNITY_PROTECTION_WARNING' && step.subjectId === 's-1');
    expect((await cpwStep())?.refusal).toMatchObject({ condition: 'SUBJECT_TOO_YOUNG', holdsFrom: sixteenOn });

    // The only timer (case review) is 28 days away: nothing wakes the workflow on the birthday.
    await scenario.sleepUntilDay(addDays(day0, 4));
    expect(await scenario.today()).toBe(localDate(addDays(day0, 4)));
    const step = await cpwStep();
    // The command itself, validated in a fresh workflow task, is accepted on the same day...
    const warned = await cases.run(reference, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's-1', conductConfirmed: true, skipReason: 'Repeated damage' });
    expect(warned.enforcement).toHaveLength(1);
    // ...but the query, asked just before, said it was not available until a day that has already come.
    // Expected: available. Actual: { condition: 'SUBJECT_TOO_YOUNG', holdsFrom: <yesterday> }.
    expect(step?.refusal).toBeUndefined();
    expect(step?.available).toBe(true);
  });
});
