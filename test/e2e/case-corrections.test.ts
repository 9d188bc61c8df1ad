import type { CaptureSmtpServer } from '../../libs/mailbox/src';
import { type ApiClient, NORTH_OFFICER, type RunningService, SOUTH_OFFICER } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { NOISE_DISPUTE } from '../support/case-requests';

interface Entry {
  kind: string;
  summary: string;
  data: Record<string, unknown> | null;
}

/** Corrections and additions after opening: each recorded with the old value, each told to whom it concerns. */
describe('correcting and adding to a case: parties, location, contacts, a transfer', () => {
  let smtp: CaptureSmtpServer;
  let service: RunningService;
  let world: E2eWorld;
  let north: ApiClient;
  let admin: ApiClient;
  let reference: string;

  const timeline = async (client: ApiClient): Promise<Entry[]> => {
    const { status, body } = await client('GET', `/cases/${reference}/timeline`);
    expect(status).toBe(200);
    return body.entries;
  };

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-corrections');
    ({ smtp, service } = world);
    north = await service.client(NORTH_OFFICER);
    admin = await service.client({ sub: 'asb-admin', roles: ['admin'] });
    const opened = await north('POST', '/cases', {
      body: { ...NOISE_DISPUTE, location: { address: '14 Egerton View, Melton Mowbray', ward: 'Egerton' }, subjects: [{ ...NOISE_DISPUTE.subjects[0], tenure: 'MBC_TENANT' }] },
    });
    expect(opened.status).toBe(201);
    reference = opened.body.reference;
  });

  afterAll(() => world?.stop());

  it('adds a witness, and answers an unknown party or a taken id with the condition', async () => {
    const added = await north('POST', `/cases/${reference}/parties`, { body: { role: 'WITNESS', id: 'w1', name: 'Chris Moss', contact: '07700 900123' } });
    expect(added.status).toBe(200);
    expect((await timeline(north)).at(-1)).toMatchObject({ kind: 'PARTY_ADDED', data: { partyId: 'w1', role: 'WITNESS' } });

    const taken = await north('POST', `/cases/${reference}/parties`, { body: { role: 'SUBJECT', id: 'w1', name: 'Sam Reed' } });
    expect(taken).toMatchObject({ status: 409, body: { condition: 'PARTY_ID_TAKEN' } });
    const unknown = await north('POST', `/cases/${reference}/parties/nobody`, { body: { name: 'Chris Moss' } });
    expect(unknown).toMatchObject({ status: 409, body: { condition: 'UNKNOWN_PARTY' } });
    const badRole = await north('POST', `/cases/${reference}/parties`, { body: { role: 'BYSTANDER', id: 'w2', name: 'Chris Moss' } });
    expect(badRole.status).toBe(400);
  });

  it('corrects the address: the case shows the new one, the timeline and the audit keep the old', async () => {
    const corrected = await north('POST', `/cases/${reference}/location`, { body: { address: '16 Egerton View, Melton Mowbray', reason: 'House number mistyped at intake.' } });
    expect(corrected.status).toBe(200);
    expect(corrected.body.location).toEqual({ address: '16 Egerton View, Melton Mowbray', ward: 'Egerton', priorityNeighbourhood: false });
    expect((await timeline(north)).at(-1)).toMatchObject({
      kind: 'LOCATION_CORRECTED',
      data: { old: { address: '14 Egerton View, Melton Mowbray' }, new: { address: '16 Egerton View, Melton Mowbray' }, reason: 'House number mistyped at intake.' },
    });
    const audit = await admin('GET', `/audit?reference=${reference}`);
    const entry = audit.body.entries.find((candidate: { action: string }) => candidate.action === 'case.command.correctLocation');
    expect(entry.before.location.address).toBe('14 Egerton View, Melton Mowbray');
    expect(entry.after.location.address).toBe('16 Egerton View, Melton Mowbray');
  });

  it('logs a phone call with the complainant', async () => {
    const logged = await north('POST', `/cases/${reference}/contact-log`, { body: { method: 'PHONE', withPartyId: 'c1', text: 'Pat says the music stopped for two nights.' } });
    expect(logged.status).toBe(200);
    expect((await timeline(north)).at(-1)).toMatchObject({ kind: 'CONTACT_LOGGED', summary: 'phone with Pat Lee: Pat says the music stopped for two nights.', data: { method: 'PHONE', withPartyId: 'c1' } });
    // The whole file shows the witness and the contact-log entry beside the parties opened with it.
    const file = await north('GET', `/cases/${reference}`);
    expect(file.body.witnesses).toEqual([{ id: 'w1', name: 'Chris Moss', contact: '07700 900123' }]);
    const [note] = file.body.notes;
    expect(file.body.notes).toEqual([
      { id: 'note-1', text: 'Pat says the music stopped for two nights.', recordedBy: 'amira.khan', recordedAt: note.recordedAt, occurredAt: note.recordedAt, late: false, contact: { method: 'PHONE', withPartyId: 'c1', withName: null } },
    ]);
    expect(Date.now() - Date.parse(note.recordedAt)).toBeLessThan(60_000);
    const nobody = await north('POST', `/cases/${reference}/contact-log`, { body: { method: 'VISIT', text: 'Called round.' } });
    expect(nobody).toMatchObject({ status: 409, body: { condition: 'CONTACT_PERSON_REQUIRED' } });
  });

  it('records a date of birth that makes a CPW already served unlawful, and flags it to the manager', async () => {
    const cpw = await north('POST', `/cases/${reference}/enforcement-steps`, {
      body: { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's1', conductConfirmed: true, skipReason: 'Months of nightly disturbance.' },
    });
    expect(cpw.status).toBe(200);
    const tooYoung = new Date();
    tooYoung.setUTCFullYear(tooYoung.getUTCFullYear() - 15);
    const dateOfBirth = tooYoung.toISOString().slice(0, 10);
    const corrected = await north('POST', `/cases/${reference}/parties/s1`, { body: { dateOfBirth } });
    expect(corrected.status).toBe(200);
    const entries = await timeline(north);
    expect(entries.find((entry) => entry.kind === 'PARTY_CORRECTED' && entry.data?.partyId === 's1')?.data).toMatchObject({ old: { dateOfBirth: '1991-07-14' }, new: { dateOfBirth } });
    expect(entries.find((entry) => entry.kind === 'AGE_CONFLICT_FLAGGED')?.summary).toContain('when the subject was 15; the minimum age is 16');
    const [flag] = await smtp.waitFor((mail) => mail.subject.includes(reference) && mail.subject.includes('date of birth'));
    expect(flag?.to).toEqual(['jo.bennett@melton.example']);
  });

  it('refuses a transfer to a team, or an allocation to a caseworker, the staff directory does not know, naming the field', async () => {
    const noTeam = await north('POST', `/cases/${reference}/transfer`, { body: { team: 'east', reason: 'The subject has moved.' } });
    expect(noTeam.status).toBe(422);
    expect(noTeam.body.errors).toEqual([{ field: 'team', message: 'no team east in the staff directory (its teams: north, south)' }]);
    const notOfTheTeam = await north('POST', `/cases/${reference}/transfer`, { body: { team: 'south', caseworker: 'amira.khan', reason: 'The subject has moved.' } });
    expect(notOfTheTeam.body.errors).toEqual([{ field: 'caseworker', message: 'amira.khan is not a caseworker of team south in the staff directory' }]);
    const nobody = await north('POST', `/cases/${reference}/allocation`, { body: { caseworker: 'a.stranger' } });
    expect(nobody.status).toBe(422);
    expect(nobody.body.errors).toEqual([{ field: 'caseworker', message: 'a.stranger is not a caseworker in the staff directory' }]);
    expect((await north('GET', `/cases/${reference}`)).body).toMatchObject({ team: 'north', caseworker: 'amira.khan' });
  });

  it('transfers the case to the south team, telling each team’s manager once', async () => {
    const transferred = await north('POST', `/cases/${reference}/transfer`, { body: { team: 'south', reason: 'The subject has moved to Sysonby ward.' } });
    expect(transferred.status).toBe(200);
    expect(transferred.body).toMatchObject({ team: 'south', caseworker: null });
    const isTransfer = (mail: { subject: string }) => mail.subject.includes(reference) && mail.subject.includes('transferred');
    const mails = await smtp.waitFor(isTransfer, 2);
    expect(mails.flatMap((mail) => mail.to).sort()).toEqual(['jo.bennett@melton.example', 'sam.okafor@melton.example']);
    expect(mails.find((mail) => mail.to.includes('sam.okafor@melton.example'))?.text).toContain('allocate it to a caseworker');

    // The north team no longer works it; the south team does, and sees the old team in the timeline.
    expect((await north('GET', `/cases/${reference}`)).status).toBe(403);
    const south = await service.client(SOUTH_OFFICER);
    expect((await timeline(south)).find((entry) => entry.kind === 'CASE_TRANSFERRED')?.data).toMatchObject({ old: { team: 'north', caseworker: 'amira.khan' }, new: { team: 'south' } });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.received.filter(isTransfer)).toHaveLength(2);
  });
});
