import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalFolderStore, ObjectNotFound, type ObjectStore, readVerified, S3Store, StoredObjectAltered } from '../../libs/storage/src';
import { testRuntime } from '../support/runtime';
import { startS3Server, type TestS3Server } from '../support/s3-server';

let s3: TestS3Server;
let localRoot: string;

beforeAll(async () => {
  s3 = await startS3Server();
  localRoot = mkdtempSync(join(testRuntime().runDir, 'local-store-'));
});
afterAll(() => s3.close());

/** Bytes made as they are read, so the store never gets a buffer it could take whole. */
function streamOf(chunks: readonly Buffer[]): Readable {
  return Readable.from(chunks, { objectMode: false });
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each([
  ['an S3-protocol server (s3rver), through the AWS SDK', () => new S3Store(s3.config), (key: string) => s3.objectPath(key)],
  ['a local folder', () => new LocalFolderStore(localRoot), (key: string) => join(localRoot, key)],
])('object store: %s', (_name, makeStore: () => ObjectStore, fileOf: (key: string) => string) => {
  it('stores a stream of 12 MiB (more than one upload part), hashing it as it streams, and gives the same bytes back', async () => {
    const store = makeStore();
    const chunks = Array.from({ length: 12 }, () => randomBytes(1024 * 1024));
    const whole = Buffer.concat(chunks);
    const key = `cases/ASB-2026-000001/documents/${randomUUID()}.bin`;

    const stored = await store.put(key, streamOf(chunks), 'application/octet-stream');

    expect(stored).toEqual({ key, sha256: createHash('sha256').update(whole).digest('hex'), size: 12 * 1024 * 1024 });
    expect((await bytesOf(await store.get(key))).equals(whole)).toBe(true);
  });

  it('reads an object back only while it still has the hash recorded when it was stored', async () => {
    const store = makeStore();
    const key = `cases/ASB-2026-000002/documents/${randomUUID()}.pdf`;
    const stored = await store.put(key, streamOf([Buffer.from('%PDF-1.7 the notice as served')]), 'application/pdf');

    expect((await readVerified(store, key, stored.sha256)).toString()).toBe('%PDF-1.7 the notice as served');

    // Altered underneath the service, as someone with access to the bucket or the disk could.
    writeFileSync(fileOf(key), '%PDF-1.7 a notice altered afterwards');
    await expect(readVerified(store, key, stored.sha256)).rejects.toThrow(StoredObjectAltered);
    await store.delete(key);
  });

  it('deletes an object, answers ObjectNotFound for it afterwards, and deletes it again without error', async () => {
    const store = makeStore();
    const key = `cases/ASB-2026-000003/evidence/${randomUUID()}.txt`;
    await store.put(key, streamOf([Buffer.from('diary sheet')]), 'text/plain');

    await store.delete(key);

    await expect(store.get(key)).rejects.toThrow(ObjectNotFound);
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it('refuses a key that could climb out of its folder', async () => {
    const store = makeStore();
    await expect(store.put('../outside.txt', streamOf([Buffer.from('x')]), 'text/plain')).rejects.toThrow(/unsafe object key/);
    await expect(store.get('cases/../../etc/passwd')).rejects.toThrow(/unsafe object key/);
  });

  it('stores nothing when the stream fails part way', async () => {
    const store = makeStore();
    const key = `cases/ASB-2026-000004/evidence/${randomUUID()}.bin`;
    const failing = new Readable({
      read() {
        this.push(randomBytes(64 * 1024));
        this.destroy(new Error('the client went away'));
      },
    });

    await expect(store.put(key, failing, 'application/octet-stream')).rejects.toThrow('the client went away');
    await expect(store.get(key)).rejects.toThrow(ObjectNotFound);
  });
});
