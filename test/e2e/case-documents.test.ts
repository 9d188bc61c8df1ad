import { MikroORM } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { documentActivities } from '../../activities/document.activities';
import { type DocumentStoreConfig, documentStoreConfig, DocumentStoreEnvironment } from '../../libs/config/src';
import { addDays, dateInWords, londonDateOf, momentInWords, policyVersion } from '../../libs/domain/src';
import { ormConfig } from '../../libs/persistence/src';
import { openObjectStore } from '../../libs/storage/src';
import { NOISE_DISPUTE } from '../support/case-requests';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { eventually } from '../support/case-driver';
import { readPdf } from '../support/pdf-text';
import { type ApiClient, NORTH_OFFICER } from '../support/service';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const today = () => londonDateOf(new Date());

const REQUIREMENTS = ['Play no amplified music at the flat after 11pm.', 'Remove the speakers from the balcony.'];

/** Two adult subjects: Jordan, warned 19 days ago and still playing music, and Kim, warned today. */
const REPORT = {
  ...NOISE_DISPUTE,
  subjects: [
    { id: 's1', name: 'Jordan Reed', dateOfBirth: '1991-07-14', tenure: 'PRIVATE_RENTED' },
    { id: 's2', name: 'Kim Reed', dateOfBirth: '1990-02-03', tenure: 'PRIVATE_RENTED' },
  ],
};
const SKIP = 'Music every night for a month; earlier steps would not be proportionate to the harm.';

interface StepView { id: string; kind: string; subjectId: string }
interface DocumentView { id: string; kind: string; stepId: string; sha256: string; sizeBytes: number; templateVersion: string; download: string; version: number; current: boolean; madeOnRecord: boolean }

describe('notices generated from the case file: stored with their hash, listed on the case, downloaded by those who may', () => {
  let world: E2eWorld;
  let officer: ApiClient;
  let reference: string;
  let cpnStep: string;
  let cpwWithoutConduct: string;
  let jordansWarning: string;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-documents');
    officer = await world.service.client(NORTH_OFFICER);
    const must = async (call: Promise<{ status: number; body: any }>, status = 200) => {
      const answer = await call;
      if (answer.status !== status) throw new Error(`setup: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    reference = (await must(officer('POST', '/cases', { body: REPORT }), 201)).reference;
    await must(officer('POST', `/cases/${reference}/incidents`, { body: { occurredAt: daysAgo(20), description: 'Music until 3am.', subjectIds: ['s1', 's2'] } }));
    // Served 19 days ago: its 14 days to comply are over, and a check finds the music goes on.
    const warned = await must(
      officer('POST', `/cases/${reference}/enforcement-steps`, {
        body: { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's1', conductConfirmed: true, skipReason: SKIP, notes: 'Amplified music most nights after midnight.', occurredAt: daysAgo(19) },
      }),
    );
    const cpw = (warned.enforcementSteps as StepView[]).find((step) => step.subjectId === 's1')!;
    jordansWarning = cpw.id;
    await must(officer('POST', `/cases/${reference}/enforcement-steps/${cpw.id}/compliance-checks`, { body: { complied: false, notes: 'Music again on Saturday.', occurredAt: daysAgo(4) } }));
    // Issued 3 days ago, entered now (late entry).
    const noticed = await must(
      officer('POST', `/cases/${reference}/enforcement-steps`, {
        body: {
          kind: 'COMMUNITY_PROTECTION_NOTICE',
          subjectId: 's1',
          requirements: [{ text: REQUIREMENTS[0], dueOn: today() }, { text: REQUIREMENTS[1], dueOn: addDays(today(), 14) }],
          occurredAt: daysAgo(3),
        },
      }),
    );
    cpnStep = (noticed.enforcementSteps as StepView[]).find((step) => step.kind === 'COMMUNITY_PROTECTION_NOTICE')!.id;
    const kimWarned = await must(
      officer('POST', `/cases/${reference}/enforcement-steps`, { body: { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's2', conductConfirmed: true, skipReason: SKIP } }),
    );
    cpwWithoutConduct = (kimWarned.enforcementSteps as StepView[]).find((step) => step.subjectId === 's2')!.id;
    // The notices made when their steps were recorded come a moment after the commands that recorded them.
    await eventually(async () => ((await officer('GET', `/cases/${reference}/documents`)).body.documents as DocumentView[]).filter((document) => document.madeOnRecord).length === 2 || undefined);
  });

  afterAll(() => world?.stop());

  let cpn: DocumentView;

  it('generates a CPN whose PDF states each requirement, the right to appeal and the 21 days, and lists it on the case', async () => {
    const generated = await officer('POST', `/cases/${reference}/documents`, { body: { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: cpnStep } });
    expect(generated.status).toBe(201);
    cpn = generated.body;
    expect(cpn).toMatchObject({ kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: cpnStep, templateVersion: '2026.1', generatedBy: 'amira.khan' });
    expect(generated.headers.get('location')).toBe(`/cases/${reference}/documents/${cpn.id}`);

    const download = await officer('GET', cpn.download, { binary: true });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const bytes = download.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(cpn.sha256);
    expect(bytes.length).toBe(cpn.sizeBytes);
    expect(download.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(cpn.sha256, 'hex').toString('base64')}:`);

    const reading = await readPdf(bytes);
    const text = reading.text.replace(/\s+/g, ' ');
    for (const requirement of REQUIREMENTS) expect(text).toContain(requirement);
    expect(text).toContain('Jordan Reed');
    expect(text).toContain('You may appeal against this notice to a magistrates’ court within 21 days');
    expect(reading).toMatchObject({ title: `Community Protection Notice (${reference})`, language: 'en-GB' });

    // The notice made when the step was recorded is version 1; this one, asked for, version 2 and current.
    expect(cpn).toMatchObject({ version: 2, current: true, madeOnRecord: false });
    const listed = await officer('GET', `/cases/${reference}/documents`);
    expect(listed.body.documents.filter((document: DocumentView) => document.stepId === cpnStep)).toEqual([
      expect.objectContaining({ kind: 'COMMUNITY_PROTECTION_NOTICE', version: 1, current: false, madeOnRecord: true, generatedBy: 'system' }),
      cpn,
    ]);
  });

  it('made each notice when its step was recorded, except the warning whose conduct is not on the file', async () => {
    const listed = (await officer('GET', `/cases/${reference}/documents`)).body.documents as DocumentView[];
    const onRecord = listed.filter((document) => document.madeOnRecord);
    expect(onRecord.map(({ kind, stepId, version }) => ({ kind, stepId, version }))).toEqual([
      { kind: 'COMMUNITY_PROTECTION_WARNING', stepId: jordansWarning, version: 1 },
      { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: cpnStep, version: 1 },
    ]);
    expect(listed.some((document) => document.stepId === cpwWithoutConduct)).toBe(false);
    const text = (await readPdf((await officer('GET', onRecord[1]!.download, { binary: true })).body)).text.replace(/\s+/g, ' ');
    for (const requirement of REQUIREMENTS) expect(text).toContain(requirement);
  });

  it('a retried activity makes no second notice of a step: one document however often, or however concurrently, it runs', async () => {
    const orm = await MikroORM.init(ormConfig(world.databaseUrl));
    try {
      const store = openObjectStore(documentStoreConfig(DocumentStoreEnvironment.parse(world.s3.env)) as DocumentStoreConfig);
      const { makeNoticeOnRecord } = documentActivities(orm, store);
      const request = { reference, policy: policyVersion('2026.1'), kind: 'COMMUNITY_PROTECTION_NOTICE' as const, stepId: cpnStep };
      const before = (await officer('GET', `/cases/${reference}/documents`)).body.documents as DocumentView[];
      const first = before.find((document) => document.madeOnRecord && document.stepId === cpnStep)!;

      const retries = await Promise.all([makeNoticeOnRecord(request), makeNoticeOnRecord(request), makeNoticeOnRecord(request)]);
      expect(retries).toEqual([0, 1, 2].map(() => ({ outcome: 'made', documentId: first.id, version: 1 })));
      expect((await officer('GET', `/cases/${reference}/documents`)).body.documents).toHaveLength(before.length);
      // A step whose file lacks what the law needs is answered, not retried: no document.
      expect(await makeNoticeOnRecord({ ...request, kind: 'COMMUNITY_PROTECTION_WARNING', stepId: cpwWithoutConduct })).toEqual({ outcome: 'incomplete', missing: 'notes' });
    } finally {
      await orm.close();
    }
  });

  it('issues the CPN again as a new document and keeps the first, which still downloads as it was', async () => {
    const again = await officer('POST', `/cases/${reference}/documents`, { body: { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: cpnStep } });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(cpn.id);

    expect(again.body).toMatchObject({ version: 3, current: true });
    const listed = (await officer('GET', `/cases/${reference}/documents`)).body.documents as DocumentView[];
    expect(listed.filter((document) => document.stepId === cpnStep).map(({ id, version, current }) => ({ id, version, current }))).toEqual([
      expect.objectContaining({ version: 1, current: false }),
      { id: cpn.id, version: 2, current: false },
      { id: again.body.id, version: 3, current: true },
    ]);
    const first = await officer('GET', cpn.download, { binary: true });
    expect(createHash('sha256').update(first.body as Buffer).digest('hex')).toBe(cpn.sha256);
  });

  it('moves the CPN’s appeal window to run from its service, recorded as 2 days before today, and says so on a notice made afterwards', async () => {
    const served = await officer('POST', `/cases/${reference}/enforcement-steps/${cpnStep}/service`, { body: { method: 'BY_POST', servedBy: 'amira.khan', occurredAt: daysAgo(2) } });
    expect(served.status).toBe(200);
    const servedOn = addDays(today(), -2);
    expect((served.body.enforcementSteps as StepView[]).find((step) => step.id === cpnStep)).toMatchObject({ service: { method: 'BY_POST', servedBy: 'amira.khan' } });

    const windows = (served.body.deadlines as { kind: string; status: string; dueOn: string; late: boolean }[]).filter((deadline) => deadline.kind === 'CPN_APPEAL_WINDOW');
    // Issued 3 days ago, the window ended on day 21 from then; served 2 days ago, it ends a day later.
    expect(windows.map(({ status, dueOn, late }) => ({ status, dueOn, late }))).toEqual([
      { status: 'CANCELLED', dueOn: addDays(today(), -3 + 20), late: true },
      { status: 'PENDING', dueOn: addDays(servedOn, 20), late: true },
    ]);

    const made = await officer('POST', `/cases/${reference}/documents`, { body: { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: cpnStep } });
    const text = (await readPdf((await officer('GET', made.body.download, { binary: true })).body)).text.replace(/\s+/g, ' ');
    expect(text).toContain(`You were given it on ${dateInWords(servedOn)}, so the last day to appeal is ${dateInWords(addDays(servedOn, 20))}.`);
    expect((await officer('POST', `/cases/${reference}/enforcement-steps/${cpnStep}/service`, { body: { method: 'BY_HAND', servedBy: 'amira.khan' } })).body.condition).toBe('SERVICE_ALREADY_RECORDED');
  });

  it('refuses a CPW whose conduct is not on the file with 409, naming the field, and makes one once it is there', async () => {
    const refused = await officer('POST', `/cases/${reference}/documents`, { body: { kind: 'COMMUNITY_PROTECTION_WARNING', stepId: cpwWithoutConduct } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: 'https://asb-case-service.example/problems/document-incomplete', errors: [{ field: 'notes' }] });

    const jordansWarning = (await officer('GET', `/cases/${reference}`)).body.enforcementSteps.find((step: StepView) => step.kind === 'COMMUNITY_PROTECTION_WARNING' && step.subjectId === 's1');
    const made = await officer('POST', `/cases/${reference}/documents`, { body: { kind: 'COMMUNITY_PROTECTION_WARNING', stepId: jordansWarning.id } });
    expect(made.status).toBe(201);
    const text = (await readPdf((await officer('GET', made.body.download, { binary: true })).body)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Amplified music most nights after midnight.');
    expect(text).toContain('a Community Protection Notice may be issued to you');
  });

  it('gives a partner with a summary-only share 404 for the documents, and one with a full share the PDF; every download is audited', async () => {
    await officer('POST', `/cases/${reference}/shares`, { body: { agency: 'POLICE', summaryOnly: true, reason: 'Neighbourhood team to attend.' } });
    await officer('POST', `/cases/${reference}/shares`, { body: { agency: 'HOUSING', summaryOnly: false, reason: 'Landlord of the subject.' } });
    const police = await world.service.client({ sub: 'pc.lewis', roles: ['partner'], agency: 'police' });
    const housing = await world.service.client({ sub: 'h.officer', roles: ['partner'], agency: 'housing' });

    expect((await police('GET', cpn.download, { binary: true })).status).toBe(404);
    expect((await police('GET', `/cases/${reference}/documents`)).status).toBe(404);
    expect((await housing('GET', cpn.download, { binary: true })).status).toBe(200);
    expect((await housing('POST', `/cases/${reference}/documents`, { body: { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: cpnStep } })).status).toBe(403);

    const admin = await world.service.client({ sub: 'asb-admin', roles: ['admin'] });
    const audit = await admin('GET', `/audit?reference=${reference}&actor=pc.lewis`);
    expect(audit.body.entries.map((entry: { action: string; status: number }) => `${entry.action} ${entry.status}`)).toEqual(
      expect.arrayContaining(['case.document.download 404', 'case.document.list 404']),
    );
    const downloads = await admin('GET', `/audit?reference=${reference}&actor=h.officer`);
    expect(downloads.body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'case.document.download', status: 200, after: { documentId: cpn.id, kind: 'COMMUNITY_PROTECTION_NOTICE', sha256: cpn.sha256 } })]));
  });

  it('generates a fixed penalty notice for a breach of the CPN, with the breach, the amount and the last day to pay', async () => {
    const breach = await officer('POST', `/cases/${reference}/enforcement-steps/${cpnStep}/breaches`, { body: { description: 'Music until 1am, heard by the patrol.', occurredAt: daysAgo(0) } });
    expect(breach.status).toBe(200);
    const fined = await officer('POST', `/cases/${reference}/enforcement-steps`, { body: { kind: 'FIXED_PENALTY_NOTICE', subjectId: 's1', amountPounds: 100 } });
    expect(fined.status).toBe(200);
    const fpn = (fined.body.enforcementSteps as StepView[]).find((step) => step.kind === 'FIXED_PENALTY_NOTICE')!;

    const made = await officer('POST', `/cases/${reference}/documents`, { body: { kind: 'FIXED_PENALTY_NOTICE', stepId: fpn.id } });
    expect(made.status).toBe(201);
    const text = (await readPdf((await officer('GET', made.body.download, { binary: true })).body)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Music until 1am, heard by the patrol.');
    expect(text).toContain('a fixed penalty of £100');
    expect(text).toContain(`by the end of ${dateInWords(addDays(today(), 14))}`);
  });

  it('sends nothing when the stored PDF was altered underneath the service: 500 document-altered', async () => {
    writeFileSync(world.s3.objectPath(`cases/${reference}/documents/${cpn.id}.pdf`), '%PDF-1.7 a notice altered in the bucket');

    const download = await officer('GET', cpn.download, { binary: true });
    expect(download.status).toBe(500);
    expect(download.body).toMatchObject({ type: 'https://asb-case-service.example/problems/document-altered' });
  });
  it('a retried request with its Idempotency-Key makes no second document, and the key with another body is refused', async () => {
    const before = (await officer('GET', `/cases/${reference}/documents`)).body.documents.length;
    const ask = (kind: string) => officer('POST', `/cases/${reference}/documents`, { body: { kind, stepId: cpnStep }, headers: { 'Idempotency-Key': 'print-run-7' } });
    const first = await ask('COMMUNITY_PROTECTION_NOTICE');
    const retried = await ask('COMMUNITY_PROTECTION_NOTICE');
    expect(first.status).toBe(201);
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(first.body.id);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect((await officer('GET', `/cases/${reference}/documents`)).body.documents.length).toBe(before + 1);

    const reused = await ask('COMMUNITY_PROTECTION_WARNING');
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe('https://asb-case-service.example/problems/idempotency-key-reused');
  });

  describe('the other notices and letters, each from the part of the file it is the paper of', () => {
    let ladder: string;
    const send = async (client: ApiClient, path: string, body: unknown = {}) => {
      const answer = await client('POST', `/cases/${ladder}/${path}`, { body });
      if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    const generate = (body: Record<string, string>) => officer('POST', `/cases/${ladder}/documents`, { body });
    const textOf = async (made: { body: DocumentView }) => (await readPdf((await officer('GET', made.body.download, { binary: true })).body)).text.replace(/\s+/g, ' ');
    /** A case of its own (another complainant and subject, so not a possible duplicate of the others here). */
    const openFor = async (complainant: string, subject: string): Promise<string> => {
      const opened = await officer('POST', '/cases', { body: { ...NOISE_DISPUTE, complainants: [{ id: 'c1', name: complainant }], subjects: [{ id: 's1', name: subject, dateOfBirth: '1980-03-02' }] } });
      if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
      return opened.body.reference;
    };
    const stepOf = (file: { enforcementSteps: StepView[] }, kind: string) => file.enforcementSteps.find((step) => step.kind === kind)!.id;

    beforeAll(async () => {
      ladder = await openFor('Lou Grant', 'Dale Hart');
    });

    it('makes a written warning and an Acceptable Behaviour Contract from their steps’ notes', async () => {
      const warned = await send(officer, 'enforcement-steps', { kind: 'WRITTEN_WARNING', subjectId: 's1', notes: 'Shouting abuse at neighbours in the stairwell.' });
      const warning = await generate({ kind: 'WRITTEN_WARNING', stepId: stepOf(warned, 'WRITTEN_WARNING') });
      expect(warning.status).toBe(201);
      const warningText = await textOf(warning);
      expect(warningText).toContain('Shouting abuse at neighbours in the stairwell.');
      expect(warningText).toContain(`We will check on ${dateInWords(addDays(today(), 14))}, 14 days from the day of this warning`);

      const contracted = await send(officer, 'enforcement-steps', { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: 's1', subjectAgreed: true, notes: 'Not to play amplified music after 11pm.' });
      const contract = await generate({ kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', stepId: stepOf(contracted, 'ACCEPTABLE_BEHAVIOUR_CONTRACT') });
      expect(contract.body).toMatchObject({ kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', title: 'Acceptable Behaviour Contract', templateVersion: '2026.1' });
      expect(await textOf(contract)).toContain(`Not to play amplified music after 11pm. How long it lasts This contract lasts 6 months, from ${dateInWords(today())}`);
    });

    it('refuses a closure notice until its hearing is listed, naming the field, then states the premises, the 24 hours and the hearing', async () => {
      const closed = await send(officer, 'enforcement-steps', {
        kind: 'CLOSURE_NOTICE',
        premises: 'Flat 4, Wilton Court, Melton Mowbray LE13 0AB',
        issuedBy: 'COUNCIL',
        skipReason: 'Drug dealing from the flat; nothing less will stop it.',
      });
      const stepId = stepOf(closed, 'CLOSURE_NOTICE');
      const refused = await generate({ kind: 'CLOSURE_NOTICE', stepId });
      expect(refused.status).toBe(409);
      expect(refused.body.errors).toEqual([{ field: 'hearing', message: expect.stringContaining('list the hearing on its legal referral') }]);

      const legal = await world.service.client({ sub: 'legal.team', name: 'Council Legal Team', roles: ['legal'] });
      const referral = (closed.legalReferrals as { id: string; stepId: string }[]).find((candidate) => candidate.stepId === stepId)!.id;
      await send(legal, `legal-referrals/${referral}/decision`, { proceed: true, reason: 'The police evidence is strong.' });
      const hearingAt = new Date((await world.env.currentTimeMs()) + 20 * 3_600_000);
      await send(legal, `legal-referrals/${referral}/hearing`, { hearingAt: hearingAt.toISOString(), court: 'MAGISTRATES_COURT' });

      const notice = await generate({ kind: 'CLOSURE_NOTICE', stepId });
      expect(notice.status).toBe(201);
      const text = await textOf(notice);
      expect(text).toContain('Flat 4, Wilton Court, Melton Mowbray LE13 0AB');
      expect(text).toContain('24 hours from when it was issued');
      expect(text).toContain(`The court will hear the application at ${momentInWords(hearingAt)}.`);
      expect(text).toContain('a criminal offence (section 86 of the Act)');

      // Fixed to the door of the flat: its service recorded, as the CPW's and the CPN's are.
      const served = await send(officer, `enforcement-steps/${stepId}/service`, { method: 'FIXED_TO_PROPERTY', servedBy: 'amira.khan' });
      expect((served.enforcementSteps as { id: string; service?: unknown }[]).find((step) => step.id === stepId)?.service).toMatchObject({ method: 'FIXED_TO_PROPERTY', servedBy: 'amira.khan' });
    });

    it('makes the ASB Case Review outcome letter once its meeting and outcome are recorded', async () => {
      const coordinator = await world.service.client({ sub: 'dee.patel', name: 'Dee Patel', roles: ['case_review_coordinator'] });
      await send(officer, 'case-reviews', { applicant: 'VICTIM', applicantName: 'Lou Grant' });
      expect((await officer('POST', `/cases/${ladder}/documents`, { body: { kind: 'CASE_REVIEW_OUTCOME_LETTER', caseReviewId: 'case-review-1' } })).body.errors[0].field).toBe('recommendations');
      await send(coordinator, 'case-reviews/current/threshold-decision', { met: true, reason: 'Persistent noise; the panel accepts it.' });
      await send(coordinator, 'case-reviews/current/meeting', { recommendations: 'Housing to visit with the police within a week.' });
      await send(coordinator, 'case-reviews/current/outcome', { summary: 'Housing and the police visited the flat on Monday.' });

      const letter = await generate({ kind: 'CASE_REVIEW_OUTCOME_LETTER', caseReviewId: 'case-review-1' });
      expect(letter.status).toBe(201);
      expect(letter.body).toMatchObject({ kind: 'CASE_REVIEW_OUTCOME_LETTER', caseReviewId: 'case-review-1', title: 'The outcome of your ASB Case Review' });
      expect(letter.body).not.toHaveProperty('stepId');
      const text = await textOf(letter);
      expect(text).toContain('Lou Grant');
      expect(text).toContain('Housing to visit with the police within a week.');
      expect(text).toContain('Housing and the police visited the flat on Monday.');
    });

    it('makes the letter telling the complainant the case is closed once the closure is approved, not before', async () => {
      const quiet = await openFor('Sue Bright', 'Ray Moss');
      const closeIt = (path: string, body: unknown) => officer('POST', `/cases/${quiet}/${path}`, { body });
      expect((await closeIt('closure-request', { reason: 'RESOLVED', explanationToComplainant: 'The music stopped after our visit, and you have told us it has stayed quiet.' })).status).toBe(200);
      const early = await officer('POST', `/cases/${quiet}/documents`, { body: { kind: 'CASE_CLOSED_LETTER', complainantId: 'c1' } });
      expect(early.status).toBe(409);
      expect(early.body.errors[0].field).toBe('closure');
      expect((await closeIt('closure-decision', { approve: true, reason: 'Resolved.' })).status).toBe(200);

      const letter = await officer('POST', `/cases/${quiet}/documents`, { body: { kind: 'CASE_CLOSED_LETTER', complainantId: 'c1' } });
      expect(letter.status).toBe(201);
      expect(letter.body).toMatchObject({ kind: 'CASE_CLOSED_LETTER', complainantId: 'c1' });
      const text = await textOf(letter);
      expect(text).toContain('Sue Bright');
      expect(text).toContain(`Closed on ${dateInWords(today())}.`);
      expect(text).toContain('The music stopped after our visit, and you have told us it has stayed quiet.');
    });
  });
});
