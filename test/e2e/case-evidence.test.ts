import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { londonDateOf } from '../../libs/domain/src';
import { NOISE_DISPUTE } from '../support/case-requests';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { openApiConformance } from '../support/openapi-conformance';
import type { TokenClaims } from '../../libs/auth/src';
import { type ApiClient, NORTH_OFFICER } from '../support/service';

const MiB = 1024 * 1024;
const BOUNDARY = 'evidence-boundary-7d1f';

interface EvidenceView { id: string; sha256: string; sizeBytes: number; contentType: string; fileName: string; download: string; withdrawal: { reason: string; by: string } | null }
interface FilePart { name: string; type: string; bytes: Buffer | { size: number; fill: Buffer } }

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);

/** A multipart body in the order the API reads it (fields, then the file), as chunks: a large file is made as it is sent, never whole. */
async function* multipartBody(fields: Record<string, string>, file: FilePart, after: Record<string, string> = {}): AsyncGenerator<Buffer> {
  const field = (name: string, value: string) => Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  for (const [name, value] of Object.entries(fields)) yield field(name, value);
  yield Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`);
  if (Buffer.isBuffer(file.bytes)) yield file.bytes;
  else for (let sent = 0; sent < file.bytes.size; sent += file.bytes.fill.length) yield file.bytes.fill.subarray(0, Math.min(file.bytes.fill.length, file.bytes.size - sent));
  yield Buffer.from('\r\n');
  for (const [name, value] of Object.entries(after)) yield field(name, value);
  yield Buffer.from(`--${BOUNDARY}--\r\n`);
}

describe('evidence kept with the case: streamed in, allowed by content, checked on the way out, withdrawn but never deleted', () => {
  let world: E2eWorld;
  let officer: ApiClient;
  let reference: string;
  let incidentId: string;
  let fields: Record<string, string>;

  /** Posts an upload as a browser or curl would (with Content-Length) or as a stream of unknown length; the answer is checked against the OpenAPI document. */
  async function upload(claims: TokenClaims, file: FilePart, options: { streamed?: boolean; headers?: Record<string, string>; fields?: Record<string, string>; after?: Record<string, string> } = {}) {
    const path = `/cases/${reference}/evidence`;
    const chunks = multipartBody(options.fields ?? fields, file, options.after);
    let body: ReadableStream<Buffer> | Buffer;
    if (options.streamed) {
      body = new ReadableStream({ async pull(controller) { const next = await chunks.next(); if (next.done) controller.close(); else controller.enqueue(next.value); } });
    } else {
      const parts: Buffer[] = [];
      for await (const chunk of chunks) parts.push(chunk);
      body = Buffer.concat(parts);
    }
    const response = await fetch(`${world.service.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await world.service.tokenFor(claims)}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...options.headers },
      body,
      ...(options.streamed ? { duplex: 'half' } : {}),
    } as RequestInit);
    const parsed = JSON.parse(await response.text());
    (await openApiConformance(world.service.baseUrl)).assertConforms('POST', path, response.status, response.headers.get('content-type'), parsed);
    return { status: response.status, headers: response.headers, body: parsed };
  }

  const storedEvidence = () => {
    const folder = dirname(world.s3.objectPath(`cases/${reference}/evidence/x`));
    return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('._S3rver_object')).length : 0;
  };

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-evidence');
    officer = await world.service.client(NORTH_OFFICER);
    const opened = await officer('POST', '/cases', { body: NOISE_DISPUTE });
    reference = opened.body.reference;
    const recorded = await officer('POST', `/cases/${reference}/incidents`, { body: { occurredAt: new Date(Date.now() - 86_400_000).toISOString(), description: 'Music until 3am.', subjectIds: [] } });
    incidentId = recorded.body.incidents.at(-1).id;
    fields = { description: 'Recording of the music at 2am', incidentId, providedBy: 'Complainant (flat 3)', providedOn: londonDateOf(new Date()) };
  });

  afterAll(() => world?.stop());

  let kept: EvidenceView;
  let twentyMegabytes: Buffer;

  it('keeps a 20 MB file streamed in, and gives it back byte for byte with its SHA-256', async () => {
    twentyMegabytes = pdfOf(20 * MiB);
    const answered = await upload(NORTH_OFFICER, { name: 'diary scan.pdf', type: 'application/pdf', bytes: twentyMegabytes }, { streamed: true });
    expect(answered.status).toBe(201);
    kept = answered.body;
    expect(kept).toMatchObject({ fileName: 'diary scan.pdf', contentType: 'application/pdf', sha256: sha256(twentyMegabytes), sizeBytes: 20 * MiB, uploadedBy: 'amira.khan', incidentId, withdrawal: null });
    expect(answered.headers.get('location')).toBe(kept.download);

    const download = await officer('GET', kept.download, { binary: true });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(download.body)).toBe(sha256(twentyMegabytes));
    expect(Buffer.compare(download.body, twentyMegabytes)).toBe(0);
    expect((await officer('GET', `/cases/${reference}/evidence`)).body.evidence).toEqual([kept]);
  });

  it('keeps plain UTF-8 text, which has no signature, and refuses bytes that are not text', async () => {
    const text = await upload(NORTH_OFFICER, { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('Monday: music until 2am. Tuesday: shouting — Ŵales.\n') });
    expect(text.status).toBe(201);
    expect(text.body.contentType).toBe('text/plain; charset=utf-8');
    const binary = await upload(NORTH_OFFICER, { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from([0x68, 0x69, 0x00, 0xff]) });
    expect(binary.status).toBe(415);
  });

  it('refuses with 415 a ".pdf" that is an ELF or Windows executable, and a PNG whose bytes are a PDF; nothing is kept', async () => {
    const before = (await officer('GET', `/cases/${reference}/evidence`)).body.evidence.length;
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(4096, 1)]);
    const pe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 0x90)]);
    for (const bytes of [elf, pe]) {
      const refused = await upload(NORTH_OFFICER, { name: 'statement.pdf', type: 'application/pdf', bytes });
      expect(refused.status).toBe(415);
      expect(refused.body).toMatchObject({ type: 'https://asb-case-service.example/problems/evidence-type-refused', errors: [{ field: 'file' }] });
    }
    const disguised = await upload(NORTH_OFFICER, { name: 'photo.png', type: 'image/png', bytes: pdfOf(2048) });
    expect(disguised.status).toBe(415);
    expect(disguised.body.detail).toContain('declared image/png but its content is a PDF');
    expect((await officer('GET', `/cases/${reference}/evidence`)).body.evidence.length).toBe(before);
  });

  it('refuses 51 MiB with 413, from Content-Length or the moment the stream passes 50 MiB; nothing is recorded or left in the store', async () => {
    const before = (await officer('GET', `/cases/${reference}/evidence`)).body.evidence.length;
    const objects = storedEvidence();
    const big = { name: 'cctv.pdf', type: 'application/pdf', bytes: { size: 51 * MiB, fill: pdfOf(MiB) } };
    for (const streamed of [false, true]) {
      const refused = await upload(NORTH_OFFICER, big, { streamed });
      expect(refused.status).toBe(413);
      expect(refused.body).toMatchObject({ type: 'https://asb-case-service.example/problems/evidence-too-large', errors: [{ field: 'file' }] });
    }
    expect((await officer('GET', `/cases/${reference}/evidence`)).body.evidence.length).toBe(before);
    expect(storedEvidence()).toBe(objects);
  });

  it('names the field at fault: an incident not on the case (422), a date in the future (422), a missing description (400)', async () => {
    const file = { name: 'a.txt', type: 'text/plain', bytes: Buffer.from('a note') };
    const unknown = await upload(NORTH_OFFICER, file, { fields: { ...fields, incidentId: 'incident-99' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'incidentId' })]);
    const future = await upload(NORTH_OFFICER, file, { fields: { ...fields, providedOn: '2999-01-01' } });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'providedOn' })]);
    const { description: _left, ...withoutDescription } = fields;
    const missing = await upload(NORTH_OFFICER, file, { fields: withoutDescription });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'description' })]);
    // Multipart has no order the OpenAPI document can state: a field after the file is judged once it has come.
    const late = await upload(NORTH_OFFICER, file, { fields: withoutDescription, after: { description: 'A note sent after its file' } });
    expect(late.status).toBe(201);
    expect(late.body.description).toBe('A note sent after its file');
  });

  it('a retried upload with its Idempotency-Key keeps no second item; the key with another file is refused', async () => {
    const before = (await officer('GET', `/cases/${reference}/evidence`)).body.evidence.length;
    const file = { name: 'letter.pdf', type: 'application/pdf', bytes: pdfOf(4096) };
    const first = await upload(NORTH_OFFICER, file, { headers: { 'Idempotency-Key': 'upload-41' } });
    const retried = await upload(NORTH_OFFICER, file, { headers: { 'Idempotency-Key': 'upload-41' } });
    expect(first.status).toBe(201);
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(first.body.id);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect((await officer('GET', `/cases/${reference}/evidence`)).body.evidence.length).toBe(before + 1);
    const other = await upload(NORTH_OFFICER, { ...file, bytes: pdfOf(4096) }, { headers: { 'Idempotency-Key': 'upload-41' } });
    expect(other.status).toBe(422);
  });

  it('lets only the case’s team upload (403), a full-share partner download, and a summary-only partner see nothing (404); every download is audited', async () => {
    await officer('POST', `/cases/${reference}/shares`, { body: { agency: 'POLICE', summaryOnly: true, reason: 'Neighbourhood team to attend.' } });
    await officer('POST', `/cases/${reference}/shares`, { body: { agency: 'HOUSING', summaryOnly: false, reason: 'Landlord of the subject.' } });
    const policeClaims = { sub: 'pc.lewis', roles: ['partner'], agency: 'police' } as TokenClaims;
    const housingClaims = { sub: 'h.officer', roles: ['partner'], agency: 'housing' } as TokenClaims;
    const police = await world.service.client(policeClaims);
    const housing = await world.service.client(housingClaims);

    expect((await police('GET', kept.download, { binary: true })).status).toBe(404);
    expect((await police('GET', `/cases/${reference}/evidence`)).status).toBe(404);
    const downloaded = await housing('GET', kept.download, { binary: true });
    expect(downloaded.status).toBe(200);
    expect(sha256(downloaded.body)).toBe(kept.sha256);
    expect((await upload(housingClaims, { name: 'n.txt', type: 'text/plain', bytes: Buffer.from('x') })).status).toBe(403);

    const admin = await world.service.client({ sub: 'asb-admin', roles: ['admin'] } as TokenClaims);
    const refusals = await admin('GET', `/audit?reference=${reference}&actor=pc.lewis`);
    expect(refusals.body.entries.map((entry: { action: string; status: number }) => `${entry.action} ${entry.status}`)).toEqual(
      expect.arrayContaining(['case.evidence.download 404', 'case.evidence.list 404']),
    );
    const downloads = await admin('GET', `/audit?reference=${reference}&actor=h.officer`);
    expect(downloads.body.entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'case.evidence.download', status: 200, after: { evidenceId: kept.id, fileName: 'diary scan.pdf', sha256: kept.sha256 } })]),
    );
  });

  it('records a withdrawal once, keeps the evidence listed with it, and refuses a second', async () => {
    const withdrawn = await officer('POST', `${kept.download}/withdrawal`, { body: { reason: 'Scanned from the wrong household’s diary.' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawal).toMatchObject({ by: 'amira.khan', reason: 'Scanned from the wrong household’s diary.' });
    const listed = (await officer('GET', `/cases/${reference}/evidence`)).body.evidence.find((item: EvidenceView) => item.id === kept.id);
    expect(listed.withdrawal).toEqual(withdrawn.body.withdrawal);
    const again = await officer('POST', `${kept.download}/withdrawal`, { body: { reason: 'Again.' } });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('https://asb-case-service.example/problems/evidence-already-withdrawn');
  });

  it('sends nothing when the stored object was altered underneath the service: 500 evidence-altered', async () => {
    const altered = Buffer.from(twentyMegabytes);
    altered[MiB] = altered[MiB]! ^ 0xff;
    writeFileSync(world.s3.objectPath(`cases/${reference}/evidence/${kept.id}`), altered);
    const download = await officer('GET', kept.download, { binary: true });
    expect(download.status).toBe(500);
    expect(download.body).toMatchObject({ type: 'https://asb-case-service.example/problems/evidence-altered' });
  });
});
