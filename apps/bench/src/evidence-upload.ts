import { randomBytes } from 'node:crypto';
import { mintDevToken, type TokenClaims } from '../../../libs/auth/src';
import { londonDateOf } from '../../../libs/domain/src';
import { openingOf } from './case-workload';
import { residentMemory } from './process-memory';

const MiB = 1024 * 1024;
const BOUNDARY = 'bench-evidence-boundary';

/** One upload: its answer, and how far the API's resident memory rose above where it stood before it, sampled while it ran. */
export interface UploadMeasure {
  readonly sizeMiB: number;
  readonly status: number;
  readonly rssBeforeMiB: number;
  readonly rssGrowthMiB: number;
}

export interface EvidenceResult {
  /** A 1 MiB file, accepted: what any upload costs. */
  readonly accepted: UploadMeasure;
  /** A 49 MiB file, accepted: the growth that is the garbage collector's lag (V8 collects once external memory has grown about 64 MiB), not the file's size. */
  readonly nearLimit: UploadMeasure;
  /** A 51 MiB file of unknown length (no Content-Length), refused 413 the moment it passes 50 MiB. */
  readonly refused: UploadMeasure;
}

/**
 * The API keeps evidence without holding it: a 51 MiB upload streamed to it (so that Content-Length
 * cannot refuse it early) is answered 413 while the API process's RSS grows by far less than the file.
 */
export async function measureEvidenceUpload(baseUrl: string, devKeyPath: string, officer: TokenClaims, apiPid: number): Promise<EvidenceResult> {
  const authorization = `Bearer ${await mintDevToken(devKeyPath, officer, { ttlSeconds: 3600 })}`;
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as { reference: string; incidents: { id: string }[] };
  };
  const opened = await call('/cases', openingOf(0, officer));
  const withIncident = await call(`/cases/${opened.reference}/incidents`, { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Music until 3am.', subjectIds: [] });
  const fields = { description: 'Benchmark recording', incidentId: withIncident.incidents.at(-1)!.id, providedBy: 'Complainant', providedOn: londonDateOf(new Date()) };
  const upload = (size: number) => streamUpload(`${baseUrl}/cases/${opened.reference}/evidence`, authorization, fields, size, apiPid);
  // Once, unmeasured: the first upload loads the code it runs on.
  await upload(MiB);
  // The refusal first, from the process as the small upload left it: the harder case for the target.
  const accepted = await upload(MiB);
  const refused = await upload(51 * MiB);
  return { accepted, refused, nearLimit: await upload(49 * MiB) };
}

async function streamUpload(url: string, authorization: string, fields: Record<string, string>, size: number, apiPid: number): Promise<UploadMeasure> {
  const chunk = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(MiB - 9)]);
  const parts = (async function* () {
    for (const [name, value] of Object.entries(fields)) yield Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    yield Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="recording.pdf"\r\ncontent-type: application/pdf\r\n\r\n`);
    for (let sent = 0; sent < size; sent += chunk.length) yield chunk.subarray(0, Math.min(chunk.length, size - sent));
    yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  })();
  const before = residentMemory(apiPid)?.rssMiB ?? Number.NaN;
  let highest = before;
  const sampler = setInterval(() => (highest = Math.max(highest, residentMemory(apiPid)?.rssMiB ?? highest)), 5);
  try {
    const body = new ReadableStream({
      async pull(controller) {
        const next = await parts.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
    });
    const response = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, body, duplex: 'half' } as RequestInit);
    await response.text();
    return { sizeMiB: size / MiB, status: response.status, rssBeforeMiB: before, rssGrowthMiB: Math.max(0, highest - before) };
  } finally {
    clearInterval(sampler);
  }
}
