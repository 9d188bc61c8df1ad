import { addDays, addMonths, addWorkingDays, type NextStep, type OpenCaseCommand, localDate } from '../../../libs/domain/src';
import { bornBefore, expectDueAtEndOfDay, Scenario } from './scenario-support';

const UPPER_SNAKE = /^[A-Z][A-Z0-9_]+$/;

describe('what a caseworker is told about a case', () => {
  const scenario = Scenario.start();

  /** Every step is either available or carries the refusal that says why not. */
  const expectExplained = (steps: readonly NextStep[]) => {
    expect(steps.length).toBeGreaterThan(30);
    for (const step of steps) {
      expect(step.title.trim()).not.toBe('');
      if (step.available) {
        expect(step.refusal).toBeUndefined();
      } else {
        expect(step.refusal?.condition).toMatch(UPPER_SNAKE);
        expect(step.refusal?.message.trim().length).toBeGreaterThan(10);
      }
    }
  };
  const find = (steps: readonly NextStep[], command: NextStep['command'], extra: Partial<NextStep> = {}) =>
    steps.filter((step) => step.command === command && Object.entries(extra).every(([key, value]) => step[key as keyof NextStep] === value));
  const only = (steps: readonly NextStep[], command: NextStep['command'], extra: Partial<NextStep> = {}) => {
    const found = find(steps, command, extra);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('explains every unavailable step with the refusal the command itself would meet', async () => {
    const { cases } = scenario;
    const day0 = await scenario.today();
    const danielBorn = bornBefore(day0, 14, 30);
    const command: OpenCaseCommand = {
      type: 'ANTI_SOCIAL_BEHAVIOUR',
      category: 'TOWN_CENTRE_ISSUE',
      channel: 'POLICE_REFERRAL',
      summary: 'Aggressive begging and abuse of shoppers outside the Bell Centre on Nottingham Street.',
      team: 'north',
      location: { address: 'Nottingham Street, Melton Mowbray LE13 1NW', ward: 'Melton Newport', priorityNeighbourhood: true },
      complainants: [{ id: 'c-1', name: 'Bell Centre management (Priya Shah)', vulnerable: false }],
      subjects: [
        { id: 's-1', name: 'Ryan Coleby', dateOfBirth: localDate('1993-12-01'), tenure: 'PRIVATE_RENTED' },
        { id: 's-2', name: 'Daniel Fox', dateOfBirth: danielBorn, tenure: 'UNKNOWN' },
      ],
      openedBy: 'pc.lewis',
    };
    const reference = (await cases.open(command)).reference;

    // Reported, not triaged: only triage (and what needs no stage) is open.
    let steps = await cases.nextSteps(reference);
    expectExplained(steps);
    expect(only(steps, 'assessRisk').available).toBe(true);
    expect(only(steps, 'allocate').refusal).toEqual({ condition: 'NOT_TRIAGED', message: 'assess the risk before allocating the case' });
    expect(only(steps, 'reopen').refusal?.condition).toBe('NOT_CLOSED');
    const ladder = find(steps, 'recordEnforcementStep');
    expect(ladder.length).toBeGreaterThan(30);
    expect(new Set(ladder.map((step) => step.refusal?.condition))).toEqual(new Set(['CASE_NOT_IN_WORK']));
    expect(ladder[0]?.refusal?.message).toMatch(/once the case is allocated.*REPORTED/);

    await cases.run(reference, 'assessRisk', {
      assessment: { disability: false, mentalHealth: false, isolation: false, repeatVictimisation: true, hateMotive: false, impactOnDailyLife: true, assessedBy: 'amira.khan' },
    });
    await cases.run(reference, 'allocate', { caseworker: 'amira.khan' }, 'jo.bennett');
    await cases.run(reference, 'recordEnforcementStep', {
      kind: 'COMMUNITY_PROTECTION_WARNING',
      subjectId: 's-1',
      conductConfirmed: true,
      skipReason: 'Dispersal orders and a police warning already ignored',
    });

    steps = await cases.nextSteps(reference);
    expectExplained(steps);
    const step = (kind: string, subjectId?: string) => {
      const found = steps.filter((candidate) => candidate.step === kind && candidate.subjectId === subjectId);
      expect(found).toHaveLength(1);
      return found[0]!;
    };
    expect(step('COMMUNITY_PROTECTION_NOTICE', 's-1').refusal).toEqual({
      condition: 'CPW_COMPLIANCE_PERIOD_RUNNING',
      message: `CPN not available until ${addDays(day0, 15)}: the CPW compliance period runs until ${addDays(day0, 14)}`,
      holdsFrom: addDays(day0, 15),
    });
    expect(step('COMMUNITY_PROTECTION_WARNING', 's-2').refusal).toEqual({
      condition: 'SUBJECT_TOO_YOUNG',
      message: `Community Protection Warning not available until ${bornBefore(day0, -2, 30)}: Daniel Fox must be 16 or over`,
      holdsFrom: bornBefore(day0, -2, 30),
    });
    expect(step('TENANCY_WARNING', 's-1').refusal).toEqual({ condition: 'NOT_A_COUNCIL_TENANT', message: 'Ryan Coleby is not a council (MBC) tenant, so a tenancy warning does not apply' });
    expect(step('FIXED_PENALTY_NOTICE', 's-1').refusal?.condition).toBe('NO_CPN_IN_FORCE');
    expect(step('FIXED_PENALTY_NOTICE', 's-2').refusal?.condition).toBe('NO_CPN_IN_FORCE');
    expect(step('CRIMINAL_BEHAVIOUR_ORDER', 's-1').refusal?.condition).toBe('NO_CONVICTION');
    expect(step('RESPECT_ORDER', 's-1').refusal?.condition).toBe('NOT_IN_FORCE');
    expect(step('NOTICE_OF_SEEKING_POSSESSION', 's-1').refusal?.condition).toBe('NOT_A_COUNCIL_TENANT');
    // Available, but the ladder is skipped: the reason must be recorded.
    expect(step('CIVIL_INJUNCTION', 's-1')).toMatchObject({ available: true, requires: ['skipReason'] });
    // Closing premises is its own track, not a rung above a person's warnings: no skip reason needed.
    expect(step('CLOSURE_NOTICE')).toMatchObject({ available: true });
    expect(step('CLOSURE_NOTICE').requires).toBeUndefined();
    expect(step('VERBAL_WARNING', 's-2')).toMatchObject({ available: true });
    expect(step('VERBAL_WARNING', 's-2').requires).toBeUndefined();
    expect(only(steps, 'requestClosure').available).toBe(true);
    expect(only(steps, 'decideClosure').refusal?.condition).toBe('NO_CLOSURE_REQUESTED');
    expect(only(steps, 'recordSatisfactionFollowUp').refusal?.condition).toBe('NO_FOLLOW_UP_DUE');
    expect(find(steps, 'changeForum').map((candidate) => [candidate.title, candidate.available])).toEqual([
      ['Move to MAG', true],
      ['Move to JAG', true],
    ]);

    // The query and the command agree: each unavailable rung is refused with the same words.
    const refused = steps.filter((candidate) => candidate.command === 'recordEnforcementStep' && !candidate.available);
    expect(refused.length).toBeGreaterThanOrEqual(10);
    for (const candidate of refused) {
      const refusal = await cases.refusal(reference, 'recordEnforcementStep', { kind: candidate.step!, ...(candidate.subjectId ? { subjectId: candidate.subjectId } : {}) });
      expect({ step: candidate.step, subjectId: candidate.subjectId, refusal }).toEqual({ step: candidate.step, subjectId: candidate.subjectId, refusal: candidate.refusal });
    }
    // And each rung that needs a skip reason is refused without one.
    for (const candidate of steps.filter((entry) => entry.requires?.includes('skipReason'))) {
      const refusal = await cases.refusal(reference, 'recordEnforcementStep', { kind: candidate.step!, ...(candidate.subjectId ? { subjectId: candidate.subjectId } : {}) });
      expect(refusal.condition).toBe('SKIP_REASON_REQUIRED');
    }

    // A level-5 step opens the legal steps, each explained until it is its turn.
    const referred = await cases.run(reference, 'recordEnforcementStep', { kind: 'CIVIL_INJUNCTION', subjectId: 's-1', skipReason: 'Assault on a security guard' });
    const referralId = referred.legalReferrals[0]!.id;
    steps = await cases.nextSteps(reference);
    expectExplained(steps);
    expect(only(steps, 'acknowledgeLegalReferral', { referralId }).available).toBe(true);
    expect(only(steps, 'recordLegalDecision', { referralId }).available).toBe(true);
    expect(only(steps, 'listHearing', { referralId }).refusal).toEqual({
      condition: 'REFERRAL_NOT_READY',
      message: 'cannot list a hearing: the referral for the Civil injunction (Part 1, 2014 Act) is referred',
    });
    expect(only(steps, 'requestClosure').refusal?.condition).toBe('LEGAL_STEP_LIVE');
  });

  it('gives each deadline in the ledger its title, nature, due date, status and reason', async () => {
    const { cases } = scenario;
    const day0 = await scenario.today();
    const reference = (
      await cases.open({
        // An ASB case: a hate crime's ledger is its own (test/workflow/timers/case-types.test.ts).
        type: 'ANTI_SOCIAL_BEHAVIOUR',
        category: 'HARASSMENT',
        channel: 'ONLINE_REPORT',
        summary: 'Graffiti on the Okonkwo family\u2019s car and abuse shouted at their children.',
        riskAssessment: { disability: false, mentalHealth: false, isolation: false, repeatVictimisation: true, hateMotive: true, impactOnDailyLife: true, assessedBy: 'amira.khan' },
        team: 'north',
        caseworker: 'amira.khan',
        location: { address: 'Thorpe Road, Melton Mowbray LE13 1SE', ward: 'Melton Newport', priorityNeighbourhood: false },
        complainants: [{ id: 'c-1', name: 'Chidi Okonkwo', vulnerable: true }],
        subjects: [{ id: 's-1', name: 'Shane Pollard', dateOfBirth: localDate('2001-06-22'), tenure: 'MBC_TENANT' }],
        openedBy: 'amira.khan',
      })
    ).reference;
    await cases.run(reference, 'recordEnforcementStep', { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: 's-1', subjectAgreed: true, skipReason: 'Hate motive: verbal warnings not enough' });

    const ledger = await cases.ledger(reference);
    const view = ledger.map(({ kind, title, nature, dueOn, status, reason }) => ({ kind, title, nature, dueOn, status, reason }));
    expect(view).toEqual([
      { kind: 'INITIAL_CONTACT', title: 'Initial contact with the complainant', nature: 'DUTY', dueOn: addWorkingDays(day0, 1), status: 'PENDING', reason: 'HIGH risk: first contact with the complainant within 1 working day of the report' },
      { kind: 'CASE_REVIEW', title: 'Case review', nature: 'DUTY', dueOn: addDays(day0, 7), status: 'PENDING', reason: 'HIGH risk cases are reviewed every 7 days (from the report)' },
      { kind: 'COMPLAINANT_UPDATE', title: 'Update to the complainant', nature: 'DUTY', dueOn: addWorkingDays(day0, 10), status: 'PENDING', reason: 'the complainant is updated every 10 working days' },
      { kind: 'ABC_REVIEW', title: 'Acceptable Behaviour Contract review', nature: 'DUTY', dueOn: addMonths(day0, 3), status: 'PENDING', reason: 'an Acceptable Behaviour Contract is reviewed at 3 months' },
      { kind: 'ABC_END', title: 'Acceptable Behaviour Contract term', nature: 'PERIOD', dueOn: addMonths(day0, 6), status: 'PENDING', reason: 'an Acceptable Behaviour Contract runs 6 months' },
    ]);
    ledger.forEach(expectDueAtEndOfDay);

    // The first contact is not made: the day after it was due, it shows as missed, and the manager is told.
    const contact = ledger[0]!;
    await scenario.sleepUntilDay(addDays(contact.dueOn, 1));
    const [alert] = await scenario.smtp.waitFor((mail) => mail.subject.includes(reference));
    expect(alert?.to).toEqual(['jo.bennett@melton.example']);
    const missed = (await cases.ledger(reference)).find((entry) => entry.id === contact.id);
    expect(missed).toMatchObject({ status: 'MISSED', title: 'Initial contact with the complainant', nature: 'DUTY', dueOn: contact.dueOn, resolution: `passed unmet at ${contact.dueAt}` });

    // Done late: the missed duty stays missed; nothing else changes status.
    await cases.run(reference, 'recordInitialContact', { summary: 'Visited Mr Okonkwo with the hate crime officer.' });
    const after = await cases.ledger(reference);
    expect(after.map((entry) => entry.status)).toEqual(['MISSED', 'PENDING', 'PENDING', 'PENDING', 'PENDING']);
    await scenario.timelineEntry(reference, 'INITIAL_CONTACT_MADE', (row) => row.summary.includes('(late)'));
  });
});
