import type { TokenClaims } from '../../libs/auth/src';
import { addDays, latestPspoExpiry, londonTimeOn } from '../../libs/domain/src';
import { eventually } from '../support/case-driver';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import type { ApiClient } from '../support/service';
import { PSPO_CONSULTEES as CONSULTEES, pspoBreach as breach, pspoConsultation as consultation, pspoOrder as order, todayInEngland as today } from '../support/pspo-requests';

const MANAGER: TokenClaims = { sub: 'jo.bennett', name: 'Jo Bennett', roles: ['manager'], team: 'north' };
const CASEWORKER: TokenClaims = { sub: 'amira.khan', name: 'Amira Khan', roles: ['caseworker'], team: 'north' };
const POLICE: TokenClaims = { sub: 'pc.lewis', name: 'PC Lewis', roles: ['partner'], agency: 'police' };
const HOUSING: TokenClaims = { sub: 'hal.housing', name: 'Hal Housing', roles: ['partner'], agency: 'housing' };
const LEGAL: TokenClaims = { sub: 'legal.team', name: 'Council Legal Team', roles: ['legal'] };
const OWNER_EMAIL = 'jo.bennett@melton.example';

describe('PSPOs end to end: made, read, listed, consulted on, varied, extended, discharged, breached, counted and reminded of', () => {
  let world: E2eWorld;
  let manager: ApiClient;
  let caseworker: ApiClient;
  let police: ApiClient;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-pspos');
    manager = await world.service.client(MANAGER);
    caseworker = await world.service.client(CASEWORKER);
    police = await world.service.client(POLICE);
  });
  afterAll(() => world?.stop());

  const make = async (body: Record<string, unknown>, client: ApiClient = manager) => {
    const made = await client('POST', '/pspos', { body });
    if (made.status !== 201) throw new Error(`making a PSPO: ${made.status} ${JSON.stringify(made.body)}`);
    return made.body as { id: string; expiresOn: string; version: number };
  };

  it('makes an order once under an Idempotency-Key, reads it with its deadlines, and lists it', async () => {
    const headers = { 'Idempotency-Key': 'make-town-centre' };
    const first = await manager('POST', '/pspos', { body: order(), headers });
    expect(first.status).toBe(201);
    expect(first.body.id).toMatch(/^PSPO-\d{4}-\d{3}$/);
    expect(first.headers.get('location')).toBe(`/pspos/${first.body.id}`);
    const again = await manager('POST', '/pspos', { body: order(), headers });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const read = await caseworker('GET', `/pspos/${first.body.id}`);
    expect(read.status).toBe(200);
    const expiresOn = latestPspoExpiry(today());
    expect(read.body).toMatchObject({ status: 'IN_FORCE', madeOn: today(), expiresOn, owner: 'jo.bennett', version: 1 });
    // The consultation on extending it closes 90 days before expiry, its owner reminded 28 days before that (local policy pspo-2026.1).
    expect(read.body.deadlines.map((d: { kind: string; dueOn: string; remindOn: string }) => [d.kind, d.dueOn, d.remindOn])).toEqual([
      ['PSPO_CONSULTATION', addDays(expiresOn, -90), addDays(expiresOn, -118)],
      ['PSPO_EXPIRY', expiresOn, addDays(expiresOn, -28)],
    ]);
    const listed = await police('GET', '/pspos');
    expect(listed.status).toBe(200);
    expect(listed.body.items.filter((item: { id: string }) => item.id === first.body.id)).toHaveLength(1);
  });

  it('refuses an expiry beyond 3 years (422 naming expiresOn), an owner not in the directory, and a caseworker making one (403)', async () => {
    const tooLong = await manager('POST', '/pspos', { body: order({ expiresOn: addDays(latestPspoExpiry(today()), 1) }) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toMatchObject({ condition: 'PSPO_TOO_LONG', errors: [{ field: 'expiresOn' }] });
    expect(tooLong.body.detail).toContain(latestPspoExpiry(today()));

    const stranger = await manager('POST', '/pspos', { body: order({ owner: 'nobody.here' }) });
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors).toEqual([{ field: 'owner', message: expect.stringContaining('not in the staff directory') }]);

    const notTheirs = await caseworker('POST', '/pspos', { body: order() });
    expect(notTheirs.status).toBe(403);
  });

  it('varies an order after its consultation, keeping the earlier terms on the record; refuses a variation without one', async () => {
    const { id } = await make(order({ title: 'Park dog control' }));
    const unconsulted = await manager('POST', `/pspos/${id}/variations`, { body: { decidedOn: today(), reason: 'Add the car park.', consultationId: 'C2', prohibitions: ['Fouling not cleared up'] } });
    expect(unconsulted.status).toBe(409);
    expect(unconsulted.body).toMatchObject({ condition: 'PSPO_NOT_CONSULTED', errors: [{ field: 'consultationId' }] });

    const consulted = await manager('POST', `/pspos/${id}/consultations`, { body: consultation('VARY') });
    expect(consulted.status).toBe(200);
    expect(consulted.body.consultations.map((c: { id: string }) => c.id)).toEqual(['C1', 'C2']);
    const varied = await manager('POST', `/pspos/${id}/variations`, { body: { decidedOn: today(), reason: 'Fouling in the park too.', consultationId: 'C2', prohibitions: ['Fouling not cleared up'] } });
    expect(varied.status).toBe(200);
    expect(varied.body.prohibitions).toEqual(['Fouling not cleared up']);
    expect(varied.body.decisions.map((d: { kind: string; terms: { prohibitions: string[] } }) => [d.kind, d.terms.prohibitions])).toEqual([
      ['MAKE', ['Drinking alcohol after being asked to stop by an authorised officer']],
      ['VARY', ['Fouling not cleared up']],
    ]);
    expect(varied.body.version).toBe(3);
  });

  it('discharges an order after its consultation, and refuses a second discharge and an extension of an expired order (409)', async () => {
    const { id } = await make(order({ title: 'Underpass' }));
    await manager('POST', `/pspos/${id}/consultations`, { body: consultation('DISCHARGE') });
    const discharged = await manager('POST', `/pspos/${id}/discharge`, { body: { decidedOn: today(), reason: 'The underpass is closed for good.', consultationId: 'C2' } });
    expect(discharged.status).toBe(200);
    expect(discharged.body).toMatchObject({ status: 'DISCHARGED', dischargedOn: today(), deadlines: [] });
    const again = await manager('POST', `/pspos/${id}/discharge`, { body: { decidedOn: today(), reason: 'Again.', consultationId: 'C2' } });
    expect(again.status).toBe(409);
    expect(again.body.condition).toBe('PSPO_NOT_IN_FORCE');

    const old = await make(order({ title: 'Old bus station', madeOn: '2023-01-02', expiresOn: '2026-01-01', consultation: { publishedOn: '2022-10-01', closedOn: '2022-12-01', consultees: CONSULTEES } }));
    await eventually(async () => (await manager('GET', `/pspos/${old.id}`)).body.status === 'EXPIRED');
    const late = await manager('POST', `/pspos/${old.id}/extensions`, { body: { decidedOn: today(), reason: 'Still needed.', consultationId: 'C2', expiresOn: addDays(today(), 365) } });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ condition: 'PSPO_NOT_IN_FORCE' });
    expect(late.body.detail).toContain('2026-01-01');
  });

  it('records breaches with a fixed penalty held to the maximum on the day of the breach: £100 taken, £150 refused naming amountPounds and £100', async () => {
    const { id } = await make(order({ title: 'Station approach' }));
    const hundred = await police('POST', `/pspos/${id}/breaches`, { body: breach(100), headers: { 'Idempotency-Key': 'breach-1' } });
    expect(hundred.status).toBe(201);
    expect(hundred.body).toMatchObject({ pspoId: id, recordedBy: 'pc.lewis', fixedPenalty: { issuedOn: today(), amountPounds: 100 } });
    const repeated = await police('POST', `/pspos/${id}/breaches`, { body: breach(100), headers: { 'Idempotency-Key': 'breach-1' } });
    expect(repeated.body.id).toBe(hundred.body.id);

    const tooMuch = await caseworker('POST', `/pspos/${id}/breaches`, { body: breach(150) });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ condition: 'PSPO_FPN_AMOUNT_ABOVE_MAXIMUM', maximumPounds: 100, errors: [{ field: 'fixedPenalty.amountPounds' }] });
    expect(tooMuch.body.detail).toContain('£100');

    const byDefault = await caseworker('POST', `/pspos/${id}/breaches`, { body: breach() });
    expect(byDefault.status).toBe(201);
    expect(byDefault.body.fixedPenalty.amountPounds).toBe(100);

    expect((await (await world.service.client(HOUSING))('POST', `/pspos/${id}/breaches`, { body: breach(50) })).status).toBe(403);
    expect((await (await world.service.client(LEGAL))('POST', `/pspos/${id}/breaches`, { body: breach(50) })).status).toBe(403);

    const listed = await caseworker('GET', `/pspos/${id}/breaches`);
    expect(listed.body.breaches.map((b: { id: string }) => b.id)).toEqual([hundred.body.id, byDefault.body.id]);

    const statistics = await caseworker('GET', '/pspos/statistics?withinDays=30');
    expect(statistics.status).toBe(200);
    expect(statistics.body.byPspo.find((figures: { pspoId: string }) => figures.pspoId === id)).toEqual({
      pspoId: id,
      title: 'Station approach',
      status: 'IN_FORCE',
      expiresOn: latestPspoExpiry(today()),
      breaches: 2,
      fixedPenalties: 2,
      fixedPenaltyPounds: 200,
    });
    expect(statistics.body).toMatchObject({ on: today(), breaches: 2, fixedPenalties: 2, fixedPenaltyPounds: 200, expiringWithin: { days: 30, pspoIds: [] } });
  });

  it('holds a breach to £100 before the day an approved policy version commences the 2026 Act’s £500, and takes £500 from that day', async () => {
    const author = await world.service.client({ sub: 'asb-admin', name: 'Policy Author', roles: ['admin'] });
    const approver = await world.service.client({ sub: 'second-admin', name: 'Policy Approver', roles: ['admin'] });
    const drafted = await author('POST', '/policy-versions', { body: { id: '2026.5', basedOn: '2026.1', effectiveFrom: today(), commence: [{ provision: 'PSPO_FIXED_PENALTY_500', on: today() }] } });
    expect(drafted.status).toBe(201);
    expect((await approver('POST', '/policy-versions/2026.5/approval')).status).toBe(201);

    const weekAgo = addDays(today(), -7);
    const { id } = await make(order({ title: 'Bus station', madeOn: weekAgo, expiresOn: latestPspoExpiry(weekAgo), consultation: { publishedOn: addDays(weekAgo, -60), closedOn: addDays(weekAgo, -1), consultees: CONSULTEES } }));
    const yesterday = { ...breach(500), occurredOn: addDays(today(), -1) };
    const before = await police('POST', `/pspos/${id}/breaches`, { body: yesterday });
    expect(before.status).toBe(422);
    expect(before.body).toMatchObject({ condition: 'PSPO_FPN_AMOUNT_ABOVE_MAXIMUM', maximumPounds: 100 });
    expect((await police('POST', `/pspos/${id}/breaches`, { body: { ...breach(100), occurredOn: addDays(today(), -1) } })).status).toBe(201);

    const onTheDay = await police('POST', `/pspos/${id}/breaches`, { body: breach(500) });
    expect(onTheDay.status).toBe(201);
    expect(onTheDay.body.fixedPenalty.amountPounds).toBe(500);
    expect((await caseworker('POST', `/pspos/${id}/breaches`, { body: breach() })).body.fixedPenalty.amountPounds).toBe(500);
    const above = await caseworker('POST', `/pspos/${id}/breaches`, { body: breach(501) });
    expect(above.body).toMatchObject({ condition: 'PSPO_FPN_AMOUNT_ABOVE_MAXIMUM', maximumPounds: 500 });
  });

  it('emails the owner the consultation reminder 118 days before expiry, the expiry reminder 28 days before, marks the order expired after its last day, and an extension moves them', async () => {
    const kept = await make(order({ title: 'Riverside' }));
    const extended = await make(order({ title: 'Canal towpath' }));
    const expiresOn = latestPspoExpiry(today());
    const mails = (id: string, subjectStart: string) => world.smtp.received.filter((mail) => mail.subject.startsWith(subjectStart) && mail.subject.includes(id));
    const sleepUntil = async (instant: Date) => {
      const now = await world.env.currentTimeMs();
      if (instant.getTime() > now) await world.env.sleep(instant.getTime() - now);
    };

    // Reminders go out at 08:00 in England on their day: nothing the hour before.
    const consultationReminder = londonTimeOn(addDays(expiresOn, -118), 8);
    await sleepUntil(new Date(consultationReminder.getTime() - 3_600_000));
    expect(mails(kept.id, 'PSPO consultation')).toHaveLength(0);
    await sleepUntil(new Date(consultationReminder.getTime() + 60_000));
    for (const { id } of [kept, extended]) {
      const [mail] = await world.smtp.waitFor((m) => m.subject === `PSPO consultation due: ${id} ${id === kept.id ? 'Riverside' : 'Canal towpath'}`);
      expect(mail!.to).toEqual([OWNER_EMAIL]);
      expect(mail!.text).toContain(`by ${new Date(`${addDays(expiresOn, -90)}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`);
    }

    await manager('POST', `/pspos/${extended.id}/consultations`, { body: consultation('EXTEND') });
    const newExpiry = addDays(expiresOn, 365);
    const extension = await manager('POST', `/pspos/${extended.id}/extensions`, { body: { decidedOn: today(), reason: 'Still needed.', consultationId: 'C2', expiresOn: newExpiry } });
    expect(extension.status).toBe(200);
    expect(extension.body.deadlines.map((d: { kind: string; dueOn: string }) => [d.kind, d.dueOn])).toEqual([
      ['PSPO_CONSULTATION', addDays(newExpiry, -90)],
      ['PSPO_EXPIRY', newExpiry],
    ]);

    // The day after the old expiry: the order not extended was reminded, lapsed and is shown expired; the extended one none of these.
    await sleepUntil(londonTimeOn(addDays(expiresOn, 1), 12));
    await world.smtp.waitFor((m) => m.subject === `PSPO expired: ${kept.id} Riverside`);
    expect(mails(kept.id, 'PSPO expiring')).toHaveLength(1);
    expect(mails(kept.id, 'PSPO consultation')).toHaveLength(1);
    await eventually(async () => (await manager('GET', `/pspos/${kept.id}`)).body.status === 'EXPIRED');
    expect(mails(extended.id, 'PSPO expiring')).toHaveLength(0);
    expect(mails(extended.id, 'PSPO expired')).toHaveLength(0);
    expect((await manager('GET', `/pspos/${extended.id}`)).body).toMatchObject({ status: 'IN_FORCE', expiresOn: newExpiry });

    // The extended order's consultation reminder comes again, from its new expiry.
    const nextReminder = londonTimeOn(addDays(newExpiry, -118), 8);
    await sleepUntil(new Date(nextReminder.getTime() - 3_600_000));
    expect(mails(extended.id, 'PSPO consultation')).toHaveLength(1);
    await sleepUntil(new Date(nextReminder.getTime() + 60_000));
    await world.smtp.waitFor((m) => m.subject === `PSPO consultation due: ${extended.id} Canal towpath`, 2);
  });
});
