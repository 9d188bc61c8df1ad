import {
  addMonths,
  addWorkingDays,
  CASE_TYPES,
  DEADLINE_CATALOGUE,
  type CaseFile,
  type CaseType,
  londonDateOf,
  natureOf,
  openCaseFile,
  processOf,
  restrictionOf,
} from '../../libs/domain/src';
import { CASEWORKER, change, NOISE_REPORT, onlyPending, openCase, pendingOfKind, POLICY, policyWith, REFERENCE, refusalOf, run, stepRefusal } from './case-builder';

const HOUR = 3_600_000;
/** Monday 2 November 2026, 09:00 GMT. */
const MONDAY = '2026-11-02T09:00:00Z';
const openAs = (type: CaseType, at = MONDAY, overrides: Parameters<typeof openCase>[0] = {}) => openCase({ type, ...overrides }, at);
const kindsOf = (file: CaseFile) => file.deadlines.map((deadline) => deadline.kind);

/** The law or guidance each type's process cites first among its sources, as docs/case-types.md does. */
const GROUNDED_IN: Record<CaseType, string> = {
  ANTI_SOCIAL_BEHAVIOUR: 'Anti-social Behaviour, Crime and Policing Act 2014',
  HATE_CRIME: 'Crime and Disorder Act 1998 ss.28–32',
  PREVENT: 'Counter-Terrorism and Security Act 2015 s.26',
  FIRE: 'Fire and Rescue Services Act 2004 s.6',
  CRIME: 'Crime and Disorder Act 1998 s.17',
  PRISON_RELEASE: 'Criminal Justice Act 2003 s.250',
  PROBATION: 'Offender Rehabilitation Act 2014',
  IOM_UPDATE: 'Integrated Offender Management Strategy',
  MISSING_PERSON: 'children who run away or go missing from home or care',
  CHILD_SEXUAL_EXPLOITATION: 'Children Act 1989 s.47',
};

describe('each case type declares its process', () => {
  it.each(CASE_TYPES)('%s: its own deadlines are catalogued duties with an alert, and its ladder says why', (type) => {
    const process = processOf(type);
    expect(process.type).toBe(type);
    for (const kind of process.deadlines) {
      expect(natureOf(kind)).toBe('DUTY');
      expect('alert' in DEADLINE_CATALOGUE[kind]).toBe(true);
    }
    expect(process.opening.every((kind) => process.deadlines.includes(kind))).toBe(true);
    expect(process.ladder.why.length).toBeGreaterThan(20);
    expect(process.sources.map((source) => source.citation).join(' | ')).toContain(GROUNDED_IN[type]);
  });

  it('only child sexual exploitation and Prevent are restricted', () => {
    expect(CASE_TYPES.filter((type) => restrictionOf(type) === 'RESTRICTED')).toEqual(['PREVENT', 'CHILD_SEXUAL_EXPLOITATION']);
  });

  it('partner-led types name the lead agency: fire and rescue, police, probation', () => {
    expect(['FIRE', 'CRIME', 'PRISON_RELEASE', 'PROBATION', 'IOM_UPDATE'].map((type) => processOf(type as CaseType).lead.agency)).toEqual(['FIRE_AND_RESCUE', 'POLICE', 'PROBATION', 'PROBATION', 'POLICE']);
  });
});

describe('opening a case plans its type’s deadlines', () => {
  it('an ASB case keeps the complainant duties and nothing else of its own', () => {
    const file = openAs('ANTI_SOCIAL_BEHAVIOUR');
    expect(kindsOf(file).sort()).toEqual(['CASE_REVIEW', 'COMPLAINANT_UPDATE', 'INITIAL_CONTACT']);
    expect(file.typeProcess).toBe(true);
  });

  it('a missing child is owed no complainant duties, even with a reporting person recorded', () => {
    expect(kindsOf(openAs('MISSING_PERSON'))).toEqual(['CASE_REVIEW']);
    expect(kindsOf(openAs('IOM_UPDATE')).sort()).toEqual(['CASE_REVIEW', 'PARTNER_ACTION']);
  });

  it('a case opened before types had processes (a replayed history) keeps the ASB duties it had', () => {
    const file = openCaseFile(REFERENCE, POLICY, { ...NOISE_REPORT, type: 'MISSING_PERSON' }, new Date(MONDAY), { typeProcess: false }).file;
    expect(kindsOf(file).sort()).toEqual(['CASE_REVIEW', 'COMPLAINANT_UPDATE', 'INITIAL_CONTACT']);
    expect(file.typeProcess).toBeUndefined();
  });

  it('hate crime: the victim is contacted within 24 hours of the report, to the hour; the police told within 1 working day; the victim still updated', () => {
    const file = openAs('HATE_CRIME', '2026-11-06T16:30:00Z');
    expect(onlyPending(file, 'VICTIM_CONTACT').dueAt).toBe('2026-11-07T16:30:00.000Z');
    expect(onlyPending(file, 'POLICE_NOTIFICATION').dueOn).toBe('2026-11-09');
    expect(pendingOfKind(file, 'INITIAL_CONTACT')).toEqual([]);
    expect(pendingOfKind(file, 'COMPLAINANT_UPDATE')).toHaveLength(1);
  });

  it('hate crime under a version that sets 48 hours: the contact falls due 48 hours after the report', () => {
    const policy = policyWith('2027.1', {}, { caseTypes: { hateCrimeVictimContactHours: 48 } });
    const file = openCaseFile(REFERENCE, policy, { ...NOISE_REPORT, type: 'HATE_CRIME' }, new Date(MONDAY)).file;
    expect(onlyPending(file, 'VICTIM_CONTACT').dueAt).toBe(new Date(Date.parse(MONDAY) + 48 * HOUR).toISOString());
  });

  it('CSE: the safeguarding referral is due by the end of the working day of the report; reported on a Saturday, by the end of Monday', () => {
    expect(onlyPending(openAs('CHILD_SEXUAL_EXPLOITATION', '2026-11-06T15:00:00Z'), 'SAFEGUARDING_REFERRAL').dueOn).toBe('2026-11-06');
    expect(onlyPending(openAs('CHILD_SEXUAL_EXPLOITATION', '2026-11-07T10:00:00Z'), 'SAFEGUARDING_REFERRAL').dueOn).toBe('2026-11-09');
  });

  it('fire: an action for fire and rescue, due in 10 working days, is on the case from the start', () => {
    const file = openAs('FIRE');
    expect(file.partnerActions).toEqual([expect.objectContaining({ id: 'action-1', agency: 'FIRE_AND_RESCUE', dueOn: addWorkingDays(londonDateOf(new Date(MONDAY)), 10) })]);
    expect(onlyPending(file, 'PARTNER_ACTION').stepId).toBe('action-1');
  });
});

describe('the ladder follows the type', () => {
  const verbal = { kind: 'VERBAL_WARNING', subjectId: 'subject-1' } as const;
  it('ASB and hate crime take every step; probation takes none, and says why', () => {
    expect(stepRefusal(openAs('ANTI_SOCIAL_BEHAVIOUR'), verbal, MONDAY)).toBeUndefined();
    expect(stepRefusal(openAs('HATE_CRIME'), verbal, MONDAY)).toBeUndefined();
    const refused = stepRefusal(openAs('PROBATION'), verbal, MONDAY);
    expect(refused?.condition).toBe('LADDER_NOT_FOR_CASE_TYPE');
    expect(refused?.message).toContain('licence');
  });

  it('fire takes a warning (towards a CPW) but not an Acceptable Behaviour Contract', () => {
    const fire = openAs('FIRE');
    expect(stepRefusal(fire, verbal, MONDAY)).toBeUndefined();
    expect(stepRefusal(fire, { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: 'subject-1', subjectAgreed: true }, MONDAY)?.condition).toBe('LADDER_NOT_FOR_CASE_TYPE');
  });
});

describe('hate crime commands', () => {
  it('contact records the characteristics and the victim support offer, and meets the 24 hours', () => {
    const file = run(openAs('HATE_CRIME'), 'recordVictimContact', { summary: 'Visited.', protectedCharacteristics: ['RACE', 'RELIGION'], victimSupport: 'ACCEPTED' }, '2026-11-02T15:00:00Z');
    expect(file.hateCrime).toEqual({ protectedCharacteristics: ['RACE', 'RELIGION'], victimContact: { at: '2026-11-02T15:00:00.000Z', by: CASEWORKER, summary: 'Visited.', victimSupport: 'ACCEPTED' } });
    expect(file.deadlines.find((d) => d.kind === 'VICTIM_CONTACT')?.status).toBe('MET');
  });

  it('is refused without a protected characteristic, and on another type of case', () => {
    expect(refusalOf(openAs('HATE_CRIME'), 'recordVictimContact', { summary: 'x', protectedCharacteristics: [], victimSupport: 'DECLINED' }, MONDAY)?.condition).toBe('CHARACTERISTIC_REQUIRED');
    expect(refusalOf(openAs('ANTI_SOCIAL_BEHAVIOUR'), 'recordVictimContact', { summary: 'x', protectedCharacteristics: ['RACE'], victimSupport: 'DECLINED' }, MONDAY)?.condition).toBe('NOT_FOR_CASE_TYPE');
  });
});

describe('missing child: episodes, interviews and the MAG', () => {
  const episode = (file: CaseFile, day: string) => run(file, 'recordMissingEpisode', { missingFrom: `${day}T18:00:00.000Z`, returnedAt: `${day}T22:00:00.000Z` }, `${day}T23:00:00Z`);

  it('a return home interview falls due 72 hours after the return, and the offer meets it', () => {
    const file = episode(openAs('MISSING_PERSON'), '2026-11-03');
    expect(onlyPending(file, 'RETURN_HOME_INTERVIEW')).toEqual(expect.objectContaining({ dueAt: '2026-11-06T22:00:00.000Z', stepId: 'episode-1' }));
    const offered = run(file, 'recordReturnHomeInterview', { episodeId: 'episode-1', accepted: false, summary: 'Declined.' }, '2026-11-05T10:00:00Z');
    expect(offered.deadlines.find((d) => d.kind === 'RETURN_HOME_INTERVIEW')?.status).toBe('MET');
    expect(offered.missingEpisodes?.[0]?.returnHomeInterview?.accepted).toBe(false);
  });

  it('the third episode within 90 days moves the case to the MAG; a third 91 days after the first does not', () => {
    const within = episode(episode(episode(openAs('MISSING_PERSON'), '2026-11-03'), '2026-12-10'), '2027-02-01');
    expect(within.forum).toBe('MAG');
    expect(within.forumHistory).toEqual([expect.objectContaining({ from: 'GENERAL_CASEWORK', to: 'MAG', decidedBy: 'system' })]);
    const after = episode(episode(episode(openAs('MISSING_PERSON'), '2026-11-03'), '2026-12-10'), '2027-02-02');
    expect(after.forum).toBe('GENERAL_CASEWORK');
    expect(after.missingEpisodes).toHaveLength(3);
  });

  it('a version that sets 2 episodes escalates on the second', () => {
    const policy = policyWith('2027.1', {}, { caseTypes: { missingEpisodesForMag: 2 } });
    const opened = openCaseFile(REFERENCE, policy, { ...NOISE_REPORT, type: 'MISSING_PERSON' }, new Date(MONDAY)).file;
    expect(episode(episode(opened, '2026-11-03'), '2026-11-20').forum).toBe('MAG');
  });

  it('a return before the child went missing is refused', () => {
    expect(refusalOf(openAs('MISSING_PERSON'), 'recordMissingEpisode', { missingFrom: '2026-11-02T08:00:00Z', returnedAt: '2026-11-01T08:00:00Z' }, MONDAY)?.condition).toBe('RETURN_BEFORE_MISSING');
  });
});

describe('Prevent: gateway and Channel', () => {
  it('the referral meets the gateway deadline and brings the Channel panel due in 20 working days; an exit brings reviews at 6 and 12 months', () => {
    const referred = run(openAs('PREVENT'), 'recordPreventReferral', { summary: 'Sent.' }, '2026-11-02T12:00:00Z');
    expect(referred.deadlines.find((d) => d.kind === 'PREVENT_REFERRAL')?.status).toBe('MET');
    expect(onlyPending(referred, 'CHANNEL_PANEL').dueOn).toBe(addWorkingDays(londonDateOf(new Date(MONDAY)), 20));
    const exited = run(referred, 'recordChannelPanel', { outcome: 'EXITED', summary: 'Support complete.' }, '2026-11-20T12:00:00Z');
    expect(pendingOfKind(exited, 'CHANNEL_EXIT_REVIEW').map((d) => d.dueOn)).toEqual([addMonths(londonDateOf(new Date('2026-11-20T12:00:00Z')), 6), addMonths(londonDateOf(new Date('2026-11-20T12:00:00Z')), 12)]);
    expect(refusalOf(exited, 'recordChannelPanel', { outcome: 'ADOPTED', summary: 'x' }, '2026-11-21T12:00:00Z')?.condition).toBe('CHANNEL_CASE_ENDED');
  });

  it('where the local authority does not chair Channel, no panel timeline is kept', () => {
    const policy = policyWith('2027.1', {}, { caseTypes: { channelPanelChairedByLocalAuthority: false } });
    const opened = openCaseFile(REFERENCE, policy, { ...NOISE_REPORT, type: 'PREVENT' }, new Date(MONDAY)).file;
    const referred = change(opened, 'recordPreventReferral', { summary: 'Sent.' }, '2026-11-02T12:00:00Z').file;
    expect(pendingOfKind(referred, 'CHANNEL_PANEL')).toEqual([]);
    expect(refusalOf(referred, 'recordChannelPanel', { outcome: 'ADOPTED', summary: 'x' }, '2026-11-02T13:00:00Z')?.condition).toBe('CHANNEL_NOT_CHAIRED_HERE');
  });
});

describe('the ASB complainant duties are refused where the type does not owe them', () => {
  it('hate crime: first contact is the victim contact; updates are still owed', () => {
    const file = openAs('HATE_CRIME');
    expect(refusalOf(file, 'recordInitialContact', { summary: 'x' }, MONDAY)).toEqual({
      condition: 'NOT_FOR_CASE_TYPE',
      message: 'a hate crime case owes no ASB first contact: record the contact with the victim (victim-contact), due within 24 hours',
    });
    expect(refusalOf(file, 'recordComplainantUpdate', { summary: 'x' }, MONDAY)).toBeUndefined();
  });

  it('missing child: neither, though a reporting person is recorded', () => {
    expect(refusalOf(openAs('MISSING_PERSON'), 'recordComplainantUpdate', { summary: 'x' }, MONDAY)?.condition).toBe('NOT_FOR_CASE_TYPE');
  });

  it('a case opened before types had processes still takes them', () => {
    const file = openCaseFile(REFERENCE, POLICY, { ...NOISE_REPORT, type: 'MISSING_PERSON' }, new Date(MONDAY), { typeProcess: false }).file;
    expect(refusalOf(file, 'recordInitialContact', { summary: 'x' }, MONDAY)).toBeUndefined();
  });
});
