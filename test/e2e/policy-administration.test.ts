import { addDays, londonDateOf } from '../../libs/domain/src';
import { aboutOtherPeople } from '../support/distinct-reports';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { NOISE_DISPUTE } from '../support/case-requests';
import { type ApiClient, NORTH_OFFICER } from '../support/service';

const ADA = { sub: 'ada.admin', name: 'Ada Admin', roles: ['admin'] } as const;
const BEN = { sub: 'ben.admin', name: 'Ben Admin', roles: ['admin'] } as const;
const SKIP = 'Persistent night-time noise after two verbal warnings: straight to a CPW.';
const CPN_500_SOURCE = 'Crime and Policing Act 2026, Part 1, amending Anti-social Behaviour, Crime and Policing Act 2014 s.52(6)';

interface Deadline { kind: string; dueOn?: string; dueAt: string }
interface Step { id: string; kind: string; amountPounds?: number }

/**
 * Policy administered, not released: one admin drafts a version (the CPW compliance period 21 days
 * instead of 14, and the 2026 Act's £500 CPN fixed penalty commencing in ten days), another approves
 * it, and from then new cases run under it, on the time-skipping server with the real numbers.
 */
describe('policy versions drafted, approved and published without a release', () => {
  let world: E2eWorld;
  let ada: ApiClient;
  let ben: ApiClient;
  let officer: ApiClient;
  const today = londonDateOf(new Date());
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const year = today.slice(0, 4);
  const id = `${year}.2`;
  const commencement = addDays(today, 10);
  let caseOnTheOldVersion: string;

  const draftBody = {
    id,
    effectiveFrom: today,
    basedOn: '2026.1',
    local: { communityProtectionWarningComplianceDays: 21 },
    commence: [{ provision: 'CPN_FIXED_PENALTY_500', on: commencement }],
  };

  beforeAll(async () => {
    world = await startE2eWorld('asb-policy-admin');
    [ada, ben, officer] = await Promise.all([world.service.client(ADA), world.service.client(BEN), world.service.client(NORTH_OFFICER)]);
    const opened = await officer('POST', '/cases', { body: aboutOtherPeople(NOISE_DISPUTE) });
    expect(opened.status).toBe(201);
    caseOnTheOldVersion = opened.body.reference;
    expect(opened.body.policyVersion).toBe('2026.1');
  });

  afterAll(() => world?.stop());

  it('refuses a draft with a number out of its range or a field missing (422, each named and why), and drafts only for admins', async () => {
    const outOfRange = await ada('POST', '/policy-versions', { body: { ...draftBody, local: { communityProtectionWarningComplianceDays: 0, reviewIntervalDays: { STANDARD: 400 } } } });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.errors).toEqual([
      { field: 'local.reviewIntervalDays.STANDARD', message: 'must be 1–365 days, not 400' },
      { field: 'local.communityProtectionWarningComplianceDays', message: 'must be 1–365 days, not 0' },
    ]);
    const whole = await ada('POST', '/policy-versions', { body: { id, effectiveFrom: today, local: { retentionYears: 6 } } });
    expect(whole.status).toBe(422);
    expect(whole.body.errors).toEqual(expect.arrayContaining([{ field: 'local.reviewIntervalDays', message: 'missing' }, { field: 'statutory', message: 'missing' }]));
    const undated = await ada('POST', '/policy-versions', { body: { ...draftBody, commence: [{ provision: 'CPN_FIXED_PENALTY_500' }] } });
    expect(undated.status).toBe(422);
    expect(undated.body.errors).toEqual([{ field: 'commence[0].on', message: 'no commencement date is published for CPN_FIXED_PENALTY_500: say the day it comes into force' }]);
    expect((await officer('POST', '/policy-versions', { body: draftBody })).status).toBe(403);
    expect((await ada('GET', '/policy-versions')).body.versions.map((version: { id: string }) => version.id)).toEqual(['2026.1']);
  });

  it('drafts once under an Idempotency-Key; staff do not see the draft, and no case can be moved to it', async () => {
    const headers = { 'Idempotency-Key': `draft-${id}` };
    const drafted = await ada('POST', '/policy-versions', { body: draftBody, headers });
    expect(drafted.status).toBe(201);
    expect(drafted.headers.get('location')).toBe(`/policy-versions/${id}`);
    expect(drafted.body).toMatchObject({ id, effectiveFrom: today, status: 'DRAFT', basedOn: '2026.1', draftedBy: 'ada.admin' });
    expect(drafted.body.local.communityProtectionWarningComplianceDays).toBe(21);
    expect(drafted.body.statutory.fixedPenaltyMaximumPounds).toEqual([
      { effectiveFrom: '2014-10-20', value: 100, source: 'Anti-social Behaviour, Crime and Policing Act 2014 s.52(6)' },
      { effectiveFrom: commencement, value: 500, source: CPN_500_SOURCE },
    ]);
    const retried = await ada('POST', '/policy-versions', { body: draftBody, headers });
    expect([retried.status, retried.headers.get('idempotent-replayed'), retried.body]).toEqual([201, 'true', drafted.body]);
    const again = await ada('POST', '/policy-versions', { body: draftBody });
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([{ field: 'id', message: `a policy version ${id} already exists: choose another id` }]);

    expect((await officer('GET', `/policy-versions/${id}`)).status).toBe(404);
    expect((await officer('GET', '/policy-versions')).body.versions.map((version: { id: string }) => version.id)).toEqual(['2026.1']);
    expect((await ben('GET', '/policy-versions')).body.versions.map((version: { id: string; status: string }) => [version.id, version.status])).toEqual([['2026.1', 'PUBLISHED'], [id, 'DRAFT']]);

    const moved = await ben('POST', `/cases/${caseOnTheOldVersion}/policy-version`, { body: { policyVersionId: id, reason: 'Not yet approved.' } });
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toEqual([{ field: 'policyVersionId', message: `no policy version ${id} is published` }]);
    // No case takes a draft: one opened now still runs under the shipped version.
    expect((await officer('POST', '/cases', { body: aboutOtherPeople(NOISE_DISPUTE) })).body.policyVersion).toBe('2026.1');
  });

  it('lets only its author replace a draft, and never a published version', async () => {
    const other = { ...draftBody, id: `${year}.3`, local: { retentionYears: 7 }, commence: [] };
    expect((await ada('POST', '/policy-versions', { body: other })).status).toBe(201);
    const { id: _id, ...replacement } = { ...other, local: { retentionYears: 8 } };
    const byBen = await ben('PUT', `/policy-versions/${other.id}`, { body: replacement });
    expect(byBen.status).toBe(403);
    const byAda = await ada('PUT', `/policy-versions/${other.id}`, { body: replacement });
    expect(byAda.status).toBe(200);
    expect(byAda.body.local.retentionYears).toBe(8);
    const shipped = await ada('PUT', '/policy-versions/2026.1', { body: replacement });
    expect([shipped.status, shipped.body.condition]).toEqual([409, 'POLICY_VERSION_PUBLISHED']);
  });

  it('refuses the author’s own approval (403, the four-eyes rule); a second admin’s publishes it, once', async () => {
    const own = await ada('POST', `/policy-versions/${id}/approval`);
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ condition: 'FOUR_EYES_RULE', detail: `you drafted policy version ${id}: another admin approves it (the four-eyes rule)` });
    expect((await ada('GET', `/policy-versions/${id}`)).body.status).toBe('DRAFT');

    const headers = { 'Idempotency-Key': `approve-${id}` };
    const approved = await ben('POST', `/policy-versions/${id}/approval`, { headers });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ id, status: 'PUBLISHED', draftedBy: 'ada.admin', approvedBy: 'ben.admin' });
    const retried = await ben('POST', `/policy-versions/${id}/approval`, { headers });
    expect([retried.status, retried.headers.get('idempotent-replayed'), retried.body]).toEqual([201, 'true', approved.body]);
    const repeated = await ben('POST', `/policy-versions/${id}/approval`);
    expect([repeated.status, repeated.body.approvedAt]).toEqual([200, approved.body.approvedAt]);

    const audit = await ben('GET', '/audit?actor=ben.admin');
    const approvals = audit.body.entries.filter((entry: { action: string; status: number }) => entry.action === 'policy.approve');
    expect(approvals.map((entry: { status: number }) => entry.status).sort()).toEqual([200, 201, 201]);
    expect((await ben('GET', '/audit?actor=ada.admin')).body.entries.map((entry: { action: string; status: number }) => `${entry.action} ${entry.status}`)).toEqual(
      expect.arrayContaining(['policy.draft 201', 'policy.draft 422', 'policy.approve 403']),
    );
    expect((await officer('GET', '/policy-versions')).body.versions.map((version: { id: string }) => version.id)).toEqual(['2026.1', id]);
  });

  it('shows exactly what the version changes, against its base or another', async () => {
    const diff = await officer('GET', `/policy-versions/${id}/diff`);
    expect(diff.status).toBe(200);
    expect(diff.body).toEqual({
      from: '2026.1',
      to: id,
      changes: [
        { path: 'local.communityProtectionWarningComplianceDays', before: 14, after: 21 },
        { path: 'statutory.fixedPenaltyMaximumPounds', commencement, before: null, after: 500, source: CPN_500_SOURCE },
      ],
    });
    const reversed = await officer('GET', `/policy-versions/2026.1/diff?against=${id}`);
    expect(reversed.body.changes[0]).toEqual({ path: 'local.communityProtectionWarningComplianceDays', before: 21, after: 14 });
    const nothing = await officer('GET', '/policy-versions/2026.1/diff');
    expect([nothing.status, nothing.body.errors?.[0]?.field]).toEqual([422, 'against']);
  });

  it('moves a running case to the published version by movePolicy', async () => {
    const moved = await ben('POST', `/cases/${caseOnTheOldVersion}/policy-version`, { body: { policyVersionId: id, reason: 'The partnership’s new CPW period.' } });
    expect(moved.status).toBe(200);
    expect(moved.body.policyVersion).toBe(id);
  });

  it('runs a case opened under it on its numbers: 21 days to comply with a CPW, and the £500 maximum only from its commencement', async () => {
    const opened = await officer('POST', '/cases', { body: aboutOtherPeople(NOISE_DISPUTE) });
    expect(opened.body.policyVersion).toBe(id);
    const reference: string = opened.body.reference;
    const post = async (path: string, body: unknown) => officer('POST', `/cases/${reference}${path}`, { body });
    expect((await post('/incidents', { occurredAt: daysAgo(30), description: 'Music until 3am.', subjectIds: ['s1'] })).status).toBe(200);

    const servedAt = daysAgo(25);
    const warned = await post('/enforcement-steps', { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's1', conductConfirmed: true, skipReason: SKIP, notes: 'Amplified music after midnight.', occurredAt: servedAt });
    expect(warned.status).toBe(200);
    const compliance = (warned.body.deadlines as Deadline[]).find((deadline) => deadline.kind === 'CPW_COMPLIANCE')!;
    expect(compliance.dueOn).toBe(addDays(londonDateOf(new Date(servedAt)), 21));
    const cpw = (warned.body.enforcementSteps as Step[]).find((step) => step.kind === 'COMMUNITY_PROTECTION_WARNING')!;
    expect((await post(`/enforcement-steps/${cpw.id}/compliance-checks`, { complied: false, notes: 'Music again on Saturday.', occurredAt: daysAgo(2) })).status).toBe(200);
    // The day the notice is served and breached, read now: a run that crosses midnight has moved on from `today`.
    const servedOn = londonDateOf(new Date());
    const noticed = await post('/enforcement-steps', { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: 's1', requirements: [{ text: 'No amplified music after 11pm.', dueOn: servedOn }] });
    expect(noticed.status).toBe(200);
    const cpn = (noticed.body.enforcementSteps as Step[]).find((step) => step.kind === 'COMMUNITY_PROTECTION_NOTICE')!;
    expect((await post(`/enforcement-steps/${cpn.id}/breaches`, { description: 'Music again, as the notice was served.', occurredAt: new Date().toISOString() })).status).toBe(200);

    const penalty = (amountPounds: number) => post('/enforcement-steps', { kind: 'FIXED_PENALTY_NOTICE', subjectId: 's1', amountPounds });
    const before = await penalty(150);
    expect([before.status, before.body.condition, before.body.detail]).toEqual([409, 'FPN_AMOUNT_ABOVE_MAXIMUM', `the maximum fixed penalty for a CPN breach on ${servedOn} is £100`]);

    // To midday on the day of commencement (the same day in London and UTC), ten days on the server's clock.
    await world.env.sleep(Date.parse(`${commencement}T12:00:00Z`) - (await world.env.currentTimeMs()));
    const above = await penalty(501);
    expect([above.status, above.body.detail]).toEqual([409, `the maximum fixed penalty for a CPN breach on ${commencement} is £500`]);
    const fined = await penalty(500);
    expect(fined.status).toBe(200);
    expect((fined.body.enforcementSteps as Step[]).find((step) => step.kind === 'FIXED_PENALTY_NOTICE')!.amountPounds).toBe(500);
  });
});
