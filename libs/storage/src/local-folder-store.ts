import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, ObjectNotFound, type ObjectStore, type StoredObject } from './object-store';
import { Sha256Stream } from './sha256-stream';

/** The embedded default: one file per object under a folder (`.data/documents` for `npm run up`). */
export class LocalFolderStore implements ObjectStore {
  constructor(readonly root: string) {}

  async put(key: string, body: Readable): Promise<StoredObject> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written beside its final name and renamed when complete, so a reader never sees half an object.
    const partial = `${path}.${randomUUID()}.partial`;
    const hasher = new Sha256Stream();
    try {
      await pipeline(body, hasher, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { key, sha256: hasher.digest(), size: hasher.byteCount };
  }

  async get(key: string): Promise<Readable> {
    const stream = createReadStream(this.pathOf(key));
    // Opening is asynchronous: wait for it, so that a missing object is an error of get, not of the reader.
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new ObjectNotFound(key) : error));
    });
    return stream;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertSafeKey(key);
    return join(this.root, key);
  }
}
