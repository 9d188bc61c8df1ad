// Bug (ladder): after a closure order on a council tenant's home, the NOSP it triggers is treated as
// "skipping the ladder" and needs a skipReason, because levels are counted per subject and the
// closure notice (a premises step, recorded without a subject, as nextSteps offers it) never counts.
// Run: cd /work/main && PATH=$PWD/node_modules/.bin:$PATH NODE_OPTIONS=--experimental-vm-modules jest --roots /tmp/bugs-scenarios /tmp/bugs-scenarios
import { addMonths, localDate } from '../../../../libs/domain/src';
import { Scenario } from '../scenario-support';

describe('notice of seeking possession after a closure order', () => {
  const scenario = Scenario.start();

  it('is a level-5 step following a level-5 order: no skip reason needed', async () => {
    const { cases, env } = scenario;
    const reference = (
      await cases.open({
        type: 'ANTI_SOCIAL_BEHAVIOUR',
        category: 'DRUGS',
        channel: 'PARTNER_REFERRAL',
        summary: 'Dealing from Flat 4 Beckmill Court.',
        riskLevel: 'HIGH',
        team: 'south',
        caseworker: 'tom.price',
        location: { address: 'Beckmill Court, Melton Mowbray', ward: 'Melton Sysonby', priorityNeighbourhood: true },
        subjects: [{ id: 's-1', name: 'Lee Harrington', dateOfBirth: localDate('1979-09-03'), tenure: 'MBC_TENANT' }],
        openedBy: 'tom.price',
      })
    ).reference;
    await cases.run(reference, 'recordEnforcementStep', { kind: 'VERBAL_WARNING', subjectId: 's-1' }, 'tom.price');
    await cases.run(reference, 'recordEnforcementStep', { kind: 'TENANCY_WARNING', subjectId: 's-1' }, 'tom.price');
    const noticed = await cases.run(reference, 'recordEnforcementStep', { kind: 'CLOSURE_NOTICE', premises: 'Flat 4, Beckmill Court', issuedBy: 'POLICE_INSPECTOR', skipReason: 'Class A supply' }, 'tom.price');
    const referralId = noticed.legalReferrals[0]!.id;
    await cases.run(reference, 'recordLegalDecision', { referralId, proceed: true, reason: 'Evidence sufficient' }, 'legal.team');
    await cases.run(reference, 'listHearing', { referralId, hearingAt: await scenario.hoursAhead(20), court: 'MAGISTRATES_COURT' }, 'legal.team');
    await env.sleep('21 hours');
    const today = await scenario.today();
    await cases.run(reference, 'recordHearingOutcome', { referralId, outcome: 'ORDER_MADE', terms: 'Premises closed', expiresOn: addMonths(today, 3) }, 'legal.team');

    const nosp = (await cases.nextSteps(reference)).find((step) => step.step === 'NOTICE_OF_SEEKING_POSSESSION' && step.subjectId === 's-1');
    // Expected: available, nothing more required. Actual: requires ['skipReason'].
    expect(nosp).toMatchObject({ available: true });
    expect(nosp?.requires).toBeUndefined();
    // Actual: refused SKIP_REASON_REQUIRED "... is level 5 and the highest step so far is level 2".
    const served = await cases.run(reference, 'recordEnforcementStep', { kind: 'NOTICE_OF_SEEKING_POSSESSION', subjectId: 's-1', trigger: 'CLOSURE_ORDER' }, 'tom.price');
    expect(served.enforcement.at(-1)?.kind).toBe('NOTICE_OF_SEEKING_POSSESSION');
  });
});
