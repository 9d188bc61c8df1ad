import { addDays, type OpenCaseCommand, POLICY_VERSIONS, type PolicyVersion, localDate } from '../../../libs/domain/src';
import { expectRefusal, Scenario } from './scenario-support';

const caseAbout = (street: string, subject: string): OpenCaseCommand => ({
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'INCONSIDERATE_PARKING',
  channel: 'ONLINE_REPORT',
  summary: `Vans parked across driveways and verges on ${street}, blocking residents in.`,
  riskLevel: 'STANDARD',
  team: 'south',
  caseworker: 'tom.price',
  location: { address: `${street}, Melton Mowbray`, ward: 'Melton Warwick', priorityNeighbourhood: false },
  complainants: [{ id: 'c-1', name: 'Anil Mistry', vulnerable: false }],
  subjects: [{ id: 's-1', name: subject, dateOfBirth: localDate('1975-04-30'), tenure: 'OWNER_OCCUPIER' }],
  openedBy: 'tom.price',
});

describe('the FPN maximum follows the policy version a case runs under', () => {
  const scenario = Scenario.start();

  it('keeps £100 under the shipped version, allows £500 after the 2026 Act date once moved (or opened) under the new version', async () => {
    const { cases } = scenario;
    const day0 = await scenario.today();
    const commencement = addDays(day0, 10);
    const v1 = POLICY_VERSIONS[0]!;
    const v2: PolicyVersion = {
      ...v1,
      id: '2026.2',
      statutory: {
        ...v1.statutory,
        fixedPenaltyMaximumPounds: [...v1.statutory.fixedPenaltyMaximumPounds, { effectiveFrom: commencement, value: 500, source: 'Crime and Policing Act 2026' }],
      },
    };

    const stays = (await cases.open(caseAbout('Leicester Road', 'Craig Dunmore'), { policy: v1 })).reference;
    const moves = (await cases.open(caseAbout('Scalford Road', 'Wayne Hollis'), { policy: v1 })).reference;
    const born = (await cases.open(caseAbout('Asfordby Road', 'Neil Garside'), { policy: v2 })).reference;
    expect((await cases.file(born)).policy.id).toBe('2026.2');

    // Each case: a CPW with 2 days to comply, then a CPN once it is breached, then a breach of the CPN.
    for (const reference of [stays, moves, born]) {
      await cases.run(reference, 'recordEnforcementStep', {
        kind: 'COMMUNITY_PROTECTION_WARNING',
        subjectId: 's-1',
        conductConfirmed: true,
        complianceDays: 2,
        skipReason: 'Months of obstruction; letters ignored',
      }, 'tom.price');
    }
    await scenario.sleepUntilDay(addDays(day0, 3));
    const breach = async (reference: string, description: string) => {
      const cpn = (await cases.file(reference)).enforcement.find((step) => step.kind === 'COMMUNITY_PROTECTION_NOTICE')!;
      await cases.run(reference, 'recordBreach', { stepId: cpn.id, occurredAt: await scenario.hoursAgo(1), description }, 'tom.price');
    };
    for (const reference of [stays, moves, born]) {
      await cases.run(reference, 'recordIncident', { occurredAt: await scenario.hoursAgo(2), description: 'Van left across the dropped kerb again', subjectIds: ['s-1'] }, 'tom.price');
      await cases.run(reference, 'recordEnforcementStep', {
        kind: 'COMMUNITY_PROTECTION_NOTICE',
        subjectId: 's-1',
        requirements: [{ text: 'Do not park any vehicle across a dropped kerb in the street', dueOn: addDays(day0, 3) }],
      }, 'tom.price');
      await breach(reference, 'Van across No. 22\u2019s dropped kerb overnight');
    }
    const fpn = (amountPounds: number) => ({ kind: 'FIXED_PENALTY_NOTICE', subjectId: 's-1', amountPounds }) as const;
    const maximumOn = (date: string, pounds: number) => `the maximum fixed penalty for a CPN breach on ${date} is £${pounds}`;

    // Before the provision is in force, even the new version allows only £100.
    expect(await cases.refusal(born, 'recordEnforcementStep', fpn(500), 'tom.price')).toEqual({ condition: 'FPN_AMOUNT_ABOVE_MAXIMUM', message: maximumOn(addDays(day0, 3), 100) });
    await cases.run(born, 'recordEnforcementStep', fpn(100), 'tom.price');

    // The day the provision takes effect.
    await scenario.sleepUntilDay(commencement);
    await breach(born, 'Van on the verge blocking No. 9');
    const bornFpn = await cases.run(born, 'recordEnforcementStep', fpn(500), 'tom.price');
    expect(bornFpn.enforcement.filter((step) => step.kind === 'FIXED_PENALTY_NOTICE').map((step) => step.amountPounds)).toEqual([100, 500]);

    // A case opened under the shipped version keeps the 2014 Act maximum.
    expectRefusal(await cases.refusal(stays, 'recordEnforcementStep', fpn(500), 'tom.price'), 'FPN_AMOUNT_ABOVE_MAXIMUM', maximumOn(commencement, 100));
    expect((await cases.file(stays)).policy.id).toBe('2026.1');

    // Until it is moved, by a recorded step.
    expectRefusal(await cases.refusal(moves, 'recordEnforcementStep', fpn(500), 'tom.price'), 'FPN_AMOUNT_ABOVE_MAXIMUM', maximumOn(commencement, 100));
    const pendingBefore = (await cases.ledger(moves)).filter((entry) => entry.status === 'PENDING');
    expectRefusal(await cases.refusal(moves, 'movePolicy', { policy: v1, reason: 'no change' }, 'admin'), 'SAME_POLICY');
    const moved = await cases.run(moves, 'movePolicy', { policy: v2, reason: 'Crime and Policing Act 2026 FPN provision commenced' }, 'admin');
    expect(moved.policy).toEqual(v2);
    // Re-planned under the new version: its local numbers are the same, so every pending deadline keeps its date.
    const pendingAfter = (await cases.ledger(moves)).filter((entry) => entry.status === 'PENDING');
    expect(pendingAfter.map(({ id, kind, dueAt }) => ({ id, kind, dueAt }))).toEqual(pendingBefore.map(({ id, kind, dueAt }) => ({ id, kind, dueAt })));
    const entry = await scenario.timelineEntry(moves, 'POLICY_VERSION_CHANGED');
    expect(entry).toMatchObject({ actor: 'admin', data: { from: '2026.1', to: '2026.2' } });
    expect(entry.summary).toBe('Moved from policy 2026.1 to 2026.2: Crime and Policing Act 2026 FPN provision commenced');
    const movedFpn = await cases.run(moves, 'recordEnforcementStep', fpn(500), 'tom.price');
    expect(movedFpn.enforcement.at(-1)).toMatchObject({ kind: 'FIXED_PENALTY_NOTICE', amountPounds: 500 });
    expect((await cases.ledger(moves)).find((deadline) => deadline.kind === 'FPN_PAYMENT')?.reason).toContain('£500');

    // The shipped version still allows £100 on the same day.
    await cases.run(stays, 'recordEnforcementStep', fpn(100), 'tom.price');
    await scenario.timelineEntry(stays, 'ENFORCEMENT_STEP_RECORDED', (row) => row.data?.['kind'] === 'FIXED_PENALTY_NOTICE');
  });
});
