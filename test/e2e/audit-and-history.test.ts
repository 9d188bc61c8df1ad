import { Client } from 'pg';
import { type ApiClient, NORTH_OFFICER, type RunningService } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';

const REPORT = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'COMMUNITY_DISRUPTION',
  channel: 'CUSTOMER_SERVICES_CALL',
  summary: 'Youths kicking a football against cars in the Thorpe Road car park every evening.',
  riskLevel: 'STANDARD',
  team: 'north',
  caseworker: 'amira.khan',
  complainants: [{ id: 'c1', name: 'Grace Hill', vulnerable: false }],
  subjects: [{ id: 's1', name: 'Unknown youth', tenure: 'UNKNOWN' }],
};

describe('a case’s history, deadlines and next steps, and the audit trail of who saw and changed it', () => {
  let service: RunningService;
  let world: E2eWorld;
  let databaseUrl: string;
  let officer: ApiClient;
  let admin: ApiClient;
  let reference: string;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-audit');
    ({ service, databaseUrl } = world);
    officer = await service.client(NORTH_OFFICER);
    admin = await service.client({ sub: 'asb-admin', roles: ['admin'] });
    reference = (await officer('POST', '/cases', { body: REPORT })).body.reference;
    await officer('GET', `/cases/${reference}`);
    await officer('POST', `/cases/${reference}/reviews`, { body: { summary: 'CCTV requested from the car park operator.' } });
  });

  afterAll(() => world?.stop());

  it('shows the timeline of what happened, oldest first, with who did it', async () => {
    const { status, body } = await officer('GET', `/cases/${reference}/timeline`);
    expect(status).toBe(200);
    expect(body.entries.map((entry: { kind: string; actor: string }) => `${entry.kind} by ${entry.actor}`)).toEqual([
      'CASE_OPENED by amira.khan',
      'REVIEW_RECORDED by amira.khan',
    ]);
  });

  it('shows the deadline ledger with what each deadline is, its status and why it exists', async () => {
    const { body } = await officer('GET', `/cases/${reference}/deadlines`);
    const byKind = Object.fromEntries(body.deadlines.map((deadline: { kind: string; status: string; id: string }) => [`${deadline.id}`, deadline]));
    expect(byKind['case-review-1']).toMatchObject({ title: 'Case review', nature: 'DUTY', status: 'MET' });
    expect(byKind['case-review-2']).toMatchObject({ status: 'PENDING', reason: expect.stringContaining('every 28 days') });
    expect(byKind['initial-contact-1']).toMatchObject({ title: 'Initial contact with the complainant', status: 'PENDING' });
  });

  it('explains what can be done next, including why a step is not available yet', async () => {
    const { status, body } = await officer('GET', `/cases/${reference}/next-steps`);
    expect(status).toBe(200);
    const cpw = body.steps.find((step: { step?: string; subjectId?: string }) => step.step === 'COMMUNITY_PROTECTION_WARNING' && step.subjectId === 's1');
    expect(cpw).toMatchObject({ available: false, refusal: { condition: 'DATE_OF_BIRTH_UNKNOWN' } });
    const warning = body.steps.find((step: { step?: string }) => step.step === 'VERBAL_WARNING');
    expect(warning.available).toBe(true);
  });

  it('records every view and change with who, what, and the case before and after, for admins to read', async () => {
    const { status, body } = await admin('GET', `/audit?reference=${reference}`);
    expect(status).toBe(200);
    const actions = body.entries.map((entry: { action: string; actor: string }) => `${entry.action} by ${entry.actor}`);
    expect(actions).toEqual(expect.arrayContaining(['case.open by amira.khan', 'case.view by amira.khan', 'case.command.recordReview by amira.khan']));
    const review = body.entries.find((entry: { action: string }) => entry.action === 'case.command.recordReview');
    expect(review.before.version).toBe(1);
    expect(review.after.version).toBe(2);
    expect(review.after.reviewCount).toBe(1);

    expect((await officer('GET', '/audit')).status).toBe(403);
    // Reading the audit is itself audited, and so is a refused attempt to.
    const reads = await admin('GET', '/audit?actor=asb-admin');
    expect(reads.body.entries.map((entry: { action: string; status: number }) => `${entry.action} ${entry.status}`)).toEqual(['audit.read 200']);
    const attempts = await admin('GET', '/audit?actor=amira.khan&limit=1');
    expect(attempts.body.entries[0]).toMatchObject({ action: 'audit.read', status: 403 });
  });

  it('refuses to let the application’s own database role change or delete the audit trail', async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await expect(client.query(`update audit_event set actor = 'someone-else' where reference = $1`, [reference])).rejects.toThrow(/append-only/);
      await expect(client.query(`delete from audit_event where reference = $1`, [reference])).rejects.toThrow(/append-only/);
      await expect(client.query(`truncate audit_event`)).rejects.toThrow(/append-only/);
      const { rows } = await client.query<{ count: string }>(`select count(*) from audit_event where reference = $1 and actor = 'amira.khan'`, [reference]);
      expect(Number(rows[0]!.count)).toBeGreaterThanOrEqual(3);
    } finally {
      await client.end();
    }
  });

  it('shows staff the policy versions a case can run under, with the statutory rules by date, and not partners', async () => {
    const { status, body } = await admin('GET', '/policy-versions');
    expect(status).toBe(200);
    const shipped = body.versions.find((version: { id: string }) => version.id === '2026.1');
    expect(shipped.local.reviewIntervalDays).toEqual({ HIGH: 7, MEDIUM: 14, STANDARD: 28 });
    expect(shipped.statutory.cpnAppealWindowDays).toEqual([expect.objectContaining({ value: 21 })]);
    const police = await service.client({ sub: 'pc.lewis', roles: ['partner'], agency: 'police' });
    expect((await police('GET', '/policy-versions')).status).toBe(403);
  });

  it('refuses to move a case to a policy version that is not published, naming the field, and leaves the case on its own', async () => {
    const moved = await admin('POST', `/cases/${reference}/policy-version`, { body: { policyVersionId: '2031.9', reason: 'A version nobody published.' } });
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toEqual([{ field: 'policyVersionId', message: 'no policy version 2031.9 is published' }]);
    expect((await officer('GET', `/cases/${reference}`)).body.policyVersion).toBe('2026.1');
  });
});
