import { Client } from 'pg';
import type { TokenClaims } from '../../libs/auth/src';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { uploadEvidence } from '../support/evidence-upload';
import { type ApiClient, NORTH_OFFICER, SOUTH_OFFICER } from '../support/service';

const ADMIN: TokenClaims = { sub: 'admin', name: 'Service Admin', roles: ['admin'] };

/** The person asking for their data: a subject on two cases (north and south), a complainant on a third. */
const JORDAN = { name: 'Jordan Reed', dateOfBirth: '1991-07-14' };
/** Everyone else on those cases, and on cases that are not Jordan's: none of them may appear in the export. */
const OTHERS = ['Priya Okonkwo', 'Casey Featherstone', 'Morgan Quaile', 'Alexei Draycott', 'Bernadette Sallow', 'Sam Kerrigan'];
/** Each part of the other people's names, said alone. */
const OTHER_NAME_PARTS = OTHERS.flatMap((name) => name.split(' '));

/**
 * Subject access through the API against the real stack: an admin exports everything held about one
 * person across every case, as JSON and as a readable document, and the export is audited.
 */
describe('subject access: everything held about one person, and nothing about anyone else', () => {
  let world: E2eWorld;
  let north: ApiClient;
  let south: ApiClient;
  let admin: ApiClient;
  /** Jordan the subject (with a date of birth), alongside another subject and complainant. */
  let asSubjectNorth: string;
  /** Jordan the subject again, on another team's case, with the name typed differently. */
  let asSubjectSouth: string;
  /** Jordan the complainant (no date of birth is recorded for complainants). */
  let asComplainant: string;
  /** Another Jordan Reed, born on another day: someone else. */
  let namesake: string;
  /** A case Jordan is not on. */
  let unrelated: string;

  const ok = async (call: Promise<{ status: number; body: any }>, status = 200) => {
    const response = await call;
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body).slice(0, 400)}`);
    return response.body;
  };
  /** Each case at its own house in the same close: one address on every case would answer each opening after the first as a possible duplicate. */
  let houses = 0;
  const open = async (client: ApiClient, team: string, summary: string, complainants: unknown[], subjects: unknown[]): Promise<string> =>
    (
      await ok(
        client('POST', '/cases', {
          body: {
            type: 'ANTI_SOCIAL_BEHAVIOUR',
            category: 'HARASSMENT',
            channel: 'ONLINE_REPORT',
            summary,
            riskLevel: 'MEDIUM',
            team,
            caseworker: team === 'north' ? NORTH_OFFICER.sub : SOUTH_OFFICER.sub,
            location: { address: `${7 + 2 * houses++} Quarry Close, Melton Mowbray`, ward: 'Sysonby' },
            complainants,
            subjects,
          },
        }),
        201,
      )
    ).reference;
  const anHourAgo = async () => new Date((await world.env.currentTimeMs()) - 3_600_000).toISOString();
  const incident = async (client: ApiClient, reference: string, description: string, subjectIds: string[]) =>
    ok(client('POST', `/cases/${reference}/incidents`, { body: { occurredAt: await anHourAgo(), description, subjectIds } }));

  beforeAll(async () => {
    world = await startE2eWorld('asb-subject-access');
    north = await world.service.client(NORTH_OFFICER);
    south = await world.service.client(SOUTH_OFFICER);
    admin = await world.service.client(ADMIN);

    asSubjectNorth = await open(
      north,
      'north',
      'Priya Okonkwo reports music and threats from Jordan Reed and Casey Featherstone in the flat above.',
      [{ id: 'c1', name: 'Priya Okonkwo', vulnerable: true }],
      [
        { id: 's1', name: 'Jordan Reed', dateOfBirth: JORDAN.dateOfBirth, tenure: 'MBC_TENANT' },
        { id: 's2', name: 'Casey Featherstone', dateOfBirth: '1989-02-03', tenure: 'MBC_TENANT' },
      ],
    );
    await incident(north, asSubjectNorth, 'Jordan Reed played music until 3am; Casey Featherstone shouted at Priya Okonkwo.', ['s1', 's2']);
    await incident(north, asSubjectNorth, 'Casey kicked Priya’s door in.', ['s2']);
    await ok(north('POST', `/cases/${asSubjectNorth}/enforcement-steps`, { body: { kind: 'VERBAL_WARNING', subjectId: 's1', notes: 'Told to turn the music down for Priya’s sake.' } }));
    await ok(north('POST', `/cases/${asSubjectNorth}/enforcement-steps`, { body: { kind: 'WRITTEN_WARNING', subjectId: 's2', notes: 'Warned about the door.' } }));
    await ok(north('POST', `/cases/${asSubjectNorth}/convictions`, { body: { subjectId: 's2', offence: 'Criminal damage to a door', convictedOn: '2026-01-15' } }));
    await ok(north('POST', `/cases/${asSubjectNorth}/adults-at-risk-referral`, { body: { reason: 'Priya Okonkwo is isolated and frightened.' } }));
    await ok(north('POST', `/cases/${asSubjectNorth}/shares`, { body: { agency: 'POLICE', summaryOnly: false, reason: 'Threats made by Jordan Reed and Casey Featherstone.' } }));

    asSubjectSouth = await open(south, 'south', 'Morgan Quaile reports a car revved outside at night.', [{ id: 'c1', name: 'Morgan Quaile', vulnerable: false }], [
      { id: 's1', name: '  jordan   REED ', dateOfBirth: JORDAN.dateOfBirth, tenure: 'PRIVATE_RENTED' },
    ]);
    await incident(south, asSubjectSouth, 'Engine revved outside Morgan Quaile’s house at 1am.', ['s1']);

    asComplainant = await open(north, 'north', 'Jordan Reed reports eggs thrown at the window by Alexei Draycott.', [{ id: 'c1', name: 'Jordan Reed', vulnerable: false }], [
      { id: 's1', name: 'Alexei Draycott', tenure: 'UNKNOWN' },
    ]);
    await incident(north, asComplainant, 'Alexei Draycott threw eggs at Jordan Reed’s window.', ['s1']);

    namesake = await open(north, 'north', 'Bernadette Sallow reports a dog left barking all day.', [{ id: 'c1', name: 'Bernadette Sallow', vulnerable: false }], [
      { id: 's1', name: 'Jordan Reed', dateOfBirth: '1980-01-01', tenure: 'OWNER_OCCUPIER' },
    ]);
    unrelated = await open(north, 'north', 'Sam Kerrigan parks across the dropped kerb every day.', [], [{ id: 's1', name: 'Sam Kerrigan', tenure: 'UNKNOWN' }]);
  });

  afterAll(() => world?.stop());

  const exportFor = (query: string) => ok(admin('GET', `/subject-access?${query}`));

  it('contains the person’s data from every case they are on, and nothing about anyone else', async () => {
    const exported = await exportFor(`name=${encodeURIComponent(' jordan  reed')}&dateOfBirth=${JORDAN.dateOfBirth}`);
    expect(exported.exportedBy).toBe('admin');
    expect(exported.person).toEqual({ name: 'jordan  reed', dateOfBirth: JORDAN.dateOfBirth });
    const byReference = Object.fromEntries((exported.cases as any[]).map((entry) => [entry.reference, entry]));
    expect(Object.keys(byReference).sort()).toEqual([asSubjectNorth, asSubjectSouth, asComplainant].sort());

    const north1 = byReference[asSubjectNorth];
    expect(north1).toMatchObject({ matchedBy: 'NAME_AND_DATE_OF_BIRTH', complete: true, party: { id: 's1', role: 'SUBJECT', name: 'Jordan Reed', dateOfBirth: JORDAN.dateOfBirth, tenure: 'MBC_TENANT' } });
    expect(north1.case).toMatchObject({ type: 'ANTI_SOCIAL_BEHAVIOUR', category: 'HARASSMENT', stage: expect.any(String), team: 'north', ward: 'Sysonby' });
    expect(north1.case.summary).toBe('[name withheld] reports music and threats from Jordan Reed and [name withheld] in the flat above.');
    // Only the incident naming Jordan, with the other people's names withheld; only Jordan's own step.
    expect(north1.incidents.map((each: any) => each.description)).toEqual(['Jordan Reed played music until 3am; [name withheld] shouted at [name withheld].']);
    expect(north1.enforcementSteps.map((each: any) => [each.kind, each.notes])).toEqual([['VERBAL_WARNING', 'Told to turn the music down for [name withheld]’s sake.']]);
    expect(north1.convictions).toEqual([]);
    expect(north1.adultsAtRiskReferral).toBeUndefined();
    expect(north1.riskAssessment).toBeUndefined();
    expect(north1.sharedWith).toEqual([expect.objectContaining({ agency: 'POLICE', reason: 'Threats made by Jordan Reed and [name withheld].' })]);

    expect(byReference[asSubjectSouth]).toMatchObject({ matchedBy: 'NAME_AND_DATE_OF_BIRTH', party: { role: 'SUBJECT', dateOfBirth: JORDAN.dateOfBirth }, case: { team: 'south' } });
    expect(byReference[asSubjectSouth].incidents.map((each: any) => each.description)).toEqual(['Engine revved outside [name withheld]’s house at 1am.']);

    // As a complainant: the incidents reported, without whom they name; no subject's steps.
    const complained = byReference[asComplainant];
    expect(complained).toMatchObject({ matchedBy: 'NAME_ONLY', party: { id: 'c1', role: 'COMPLAINANT', name: 'Jordan Reed', vulnerable: false }, case: { riskLevel: 'MEDIUM' } });
    expect(complained.incidents.map((each: any) => each.description)).toEqual(['[name withheld] threw eggs at Jordan Reed’s window.']);
    expect(complained.incidents.every((each: any) => !('subjectIds' in each))).toBe(true);
    expect(complained.enforcementSteps).toEqual([]);

    // Nobody else: no other person's name (in full or in part), id, date of birth, records or cases; no address, no staff.
    const text = JSON.stringify(exported);
    for (const part of [...OTHERS, ...OTHER_NAME_PARTS]) expect(text).not.toMatch(new RegExp(`\\b${part}\\b`, 'i'));
    for (const absent of [namesake, unrelated, '1989-02-03', '1980-01-01', 'Criminal damage', 'WRITTEN_WARNING', 'Quarry Close', NORTH_OFFICER.sub, SOUTH_OFFICER.sub]) expect(text).not.toContain(absent);
    for (const entry of exported.cases as any[]) {
      expect(Object.keys(entry.party).sort()).toEqual(entry.party.role === 'SUBJECT' ? ['dateOfBirth', 'id', 'name', 'role', 'tenure'] : ['id', 'name', 'role', 'vulnerable']);
    }
    expect(exported.withheld.length).toBeGreaterThan(0);
  });

  it('lists the notices addressed to the person and the evidence that is theirs, each downloadable by the admin, and no one else’s', async () => {
    const warned = await ok(north('POST', `/cases/${asSubjectNorth}/enforcement-steps`, { body: { kind: 'WRITTEN_WARNING', subjectId: 's1', notes: 'Music after 11pm must stop.' } }));
    const jordansStep = (warned.enforcementSteps as { id: string; kind: string; subjectId: string }[]).find((step) => step.kind === 'WRITTEN_WARNING' && step.subjectId === 's1')!;
    const caseysStep = (warned.enforcementSteps as { id: string; kind: string; subjectId: string }[]).find((step) => step.kind === 'WRITTEN_WARNING' && step.subjectId === 's2')!;
    const letter = await ok(north('POST', `/cases/${asSubjectNorth}/documents`, { body: { kind: 'WRITTEN_WARNING', stepId: jordansStep.id } }), 201);
    await ok(north('POST', `/cases/${asSubjectNorth}/documents`, { body: { kind: 'WRITTEN_WARNING', stepId: caseysStep.id } }), 201);
    const [musicIncident, doorIncident] = (await ok(north('GET', `/cases/${asSubjectNorth}`))).incidents.map((incident: { id: string }) => incident.id);
    const recording = await uploadEvidence(world, asSubjectNorth, { description: 'Recording of Jordan Reed’s music, made by Priya Okonkwo', providedBy: 'Priya Okonkwo', fileName: 'music.txt', contentType: 'text/plain', content: 'A transcript.', incidentId: musicIncident });
    const door = await uploadEvidence(world, asSubjectNorth, { description: 'Photo of the door Casey kicked', providedBy: 'Priya Okonkwo', fileName: 'door.txt', contentType: 'text/plain', content: 'A photo.', incidentId: doorIncident });
    const diary = await uploadEvidence(world, asComplainant, { description: 'My diary of the eggs', providedBy: 'Jordan Reed', fileName: 'diary.txt', contentType: 'text/plain', content: 'Eggs again.' });
    expect([recording.status, door.status, diary.status]).toEqual([201, 201, 201]);

    const exported = await exportFor(`name=Jordan%20Reed&dateOfBirth=${JORDAN.dateOfBirth}`);
    const filesOf = (reference: string) => (exported.cases as any[]).find((entry) => entry.reference === reference).files;
    // On the case Jordan is a subject of: the warning to Jordan, and the evidence of the incident naming Jordan; not Casey's warning nor the door.
    expect(filesOf(asSubjectNorth).map((file: any) => [file.type, file.id, file.bearing, file.title])).toEqual(
      expect.arrayContaining([
        ['DOCUMENT', letter.id, 'ADDRESSED_TO_THEM', letter.title],
        ['EVIDENCE', recording.body.id, 'ABOUT_THEIR_INCIDENT', 'Recording of Jordan Reed’s music, made by [name withheld]'],
      ]),
    );
    const shownIds = (filesOf(asSubjectNorth) as any[]).map((file) => file.id);
    expect(shownIds).not.toContain(door.body.id);
    const caseysDocuments = ((await ok(north('GET', `/cases/${asSubjectNorth}/documents`))).documents as any[]).filter((document) => document.stepId === caseysStep.id);
    for (const document of caseysDocuments) expect(shownIds).not.toContain(document.id);
    expect(filesOf(asComplainant)).toEqual([expect.objectContaining({ type: 'EVIDENCE', id: diary.body.id, bearing: 'PROVIDED_BY_THEM', title: 'My diary of the eggs' })]);

    // The admin fetches each to send with the export: the notice as it was made, the hash as recorded.
    const download = await admin('GET', filesOf(asSubjectNorth).find((file: any) => file.id === letter.id).download);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const html = (await admin('GET', `/subject-access?name=Jordan%20Reed&dateOfBirth=${JORDAN.dateOfBirth}&format=html`)).body as string;
    expect(html).toContain('Documents and evidence (enclosed)');
    expect(html).toContain('My diary of the eggs');
  });

  it('finds the namesake too when searched by name alone, each case saying how it matched', async () => {
    const exported = await exportFor('name=Jordan%20Reed');
    const matched = Object.fromEntries((exported.cases as any[]).map((entry) => [entry.reference, entry.matchedBy]));
    expect(matched).toEqual({ [asSubjectNorth]: 'NAME_ONLY', [asSubjectSouth]: 'NAME_ONLY', [asComplainant]: 'NAME_ONLY', [namesake]: 'NAME_ONLY' });
    expect((await exportFor('name=Nobody%20Here')).cases).toEqual([]);
  });

  it('gives a readable document of the same export', async () => {
    const { status, headers, body } = await admin('GET', `/subject-access?name=Jordan%20Reed&dateOfBirth=${JORDAN.dateOfBirth}&format=html`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/html/);
    expect(headers.get('cache-control')).toBe('no-store');
    const html = body as string;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>Information held about Jordan Reed, born 14 July 1991</h1>');
    for (const reference of [asSubjectNorth, asSubjectSouth, asComplainant]) expect(html).toContain(`<h2>Case ${reference}</h2>`);
    expect(html).toContain('Verbal warning');
    expect(html).toContain('Jordan Reed played music until 3am; [name withheld] shouted at [name withheld].');
    expect(html).not.toContain(namesake);
    for (const part of OTHER_NAME_PARTS) expect(html).not.toMatch(new RegExp(`\\b${part}\\b`, 'i'));
  });

  it('is for admins only, and refuses an export without a name', async () => {
    expect((await north('GET', '/subject-access?name=Jordan%20Reed')).status).toBe(403);
    expect((await admin('GET', '/subject-access')).status).toBe(400);
    expect((await admin('GET', '/subject-access?name=Jordan%20Reed&format=pdf')).status).toBe(400);
  });

  it('leaves each export, and each refused attempt, in the audit trail: who, when, whom they searched for and what was disclosed', async () => {
    const { body } = await admin('GET', '/audit?limit=200');
    const exports = (body.entries as any[]).filter((entry) => entry.action === 'subject-access.export');
    const html = exports.find((entry) => entry.after?.format === 'html');
    expect(html).toMatchObject({
      actor: 'admin',
      roles: ['admin'],
      method: 'GET',
      status: 200,
      after: { person: { name: 'Jordan Reed', dateOfBirth: JORDAN.dateOfBirth }, format: 'html' },
    });
    expect(html.path).toContain('/subject-access?name=Jordan%20Reed');
    expect(Date.parse(html.at)).not.toBeNaN();
    expect((html.after.cases as any[]).map((each) => each.reference).sort()).toEqual([asSubjectNorth, asSubjectSouth, asComplainant].sort());
    expect(html.after.cases).toContainEqual({ reference: asComplainant, role: 'COMPLAINANT', partyId: 'c1' });
    expect(exports.find((entry) => entry.actor === NORTH_OFFICER.sub)).toMatchObject({ status: 403, path: '/subject-access?name=Jordan%20Reed' });
  });

  it('finds a witness, and gives them their own record and what every party gets, with everyone else withheld', async () => {
    await ok(north('POST', `/cases/${asSubjectNorth}/parties`, { body: { role: 'WITNESS', id: 'w1', name: 'Ola Grant', contact: '07700 900123' } }));
    const exported = await exportFor('name=ola%20grant');
    expect((exported.cases as any[]).map((entry) => entry.reference)).toEqual([asSubjectNorth]);
    const [witnessed] = exported.cases as any[];
    expect(witnessed).toMatchObject({ matchedBy: 'NAME_ONLY', complete: true, party: { id: 'w1', role: 'WITNESS', name: 'Ola Grant', contact: '07700 900123' }, case: { team: 'north', ward: 'Sysonby' } });
    expect(witnessed.case.summary).toBe('[name withheld] reports music and threats from [name withheld] and [name withheld] in the flat above.');
    // The incidents, the victim's assessment and the subjects' steps are the complainants' and subjects' data.
    expect([witnessed.incidents, witnessed.enforcementSteps, witnessed.legalReferrals, witnessed.convictions, witnessed.caseReviews]).toEqual([[], [], [], [], []]);
    expect(witnessed.riskAssessment).toBeUndefined();
    expect(witnessed.adultsAtRiskReferral).toBeUndefined();
    expect(witnessed.case.riskLevel).toBeUndefined();
    expect(witnessed.sharedWith).toEqual([expect.objectContaining({ agency: 'POLICE', reason: 'Threats made by [name withheld] and [name withheld].' })]);
    const text = JSON.stringify(exported);
    for (const part of ['Jordan', 'Reed', ...OTHER_NAME_PARTS]) expect(text).not.toMatch(new RegExp(`\\b${part}\\b`, 'i'));
    const document = await admin('GET', '/subject-access?name=Ola%20Grant&format=html');
    expect(document.status).toBe(200);
    expect(document.body).toContain('On this case you are a witness');
    expect(document.body).toContain('07700 900123');
  });

  it('gives the outline of a case whose whole file is not kept yet, marked incomplete, and the whole of it once the case is next saved', async () => {
    // As for a case last saved before case_file existed.
    const db = new Client({ connectionString: world.databaseUrl });
    await db.connect();
    try {
      await db.query('delete from case_file where reference = $1', [asSubjectSouth]);
    } finally {
      await db.end();
    }
    const query = `name=Jordan%20Reed&dateOfBirth=${JORDAN.dateOfBirth}`;
    const outlined = ((await exportFor(query)).cases as any[]).find((entry) => entry.reference === asSubjectSouth);
    expect(outlined).toMatchObject({ complete: false, party: { id: 's1', role: 'SUBJECT', dateOfBirth: JORDAN.dateOfBirth }, case: { team: 'south', stage: 'ALLOCATED', ward: 'Sysonby' }, incidents: [] });
    expect(outlined.case.summary).toBeUndefined();

    await incident(south, asSubjectSouth, 'Engine revved again at 2am.', ['s1']);
    const whole = ((await exportFor(query)).cases as any[]).find((entry) => entry.reference === asSubjectSouth);
    expect(whole.complete).toBe(true);
    expect(whole.incidents.map((each: any) => each.description)).toEqual(['Engine revved outside [name withheld]’s house at 1am.', 'Engine revved again at 2am.']);
  });
});
