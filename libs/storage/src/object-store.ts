import type { Readable } from 'node:stream';

/** What a put stored: the SHA-256 (hex) and size of the bytes as they went out, counted while they streamed. */
export interface StoredObject {
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
}

/**
 * Where documents and evidence are kept: an S3-compatible bucket in production, a folder under
 * `.data/` for the embedded default. Keys are chosen by the caller and never reused, so nothing is
 * overwritten; the hash is recorded by the caller beside the key and checked on every read.
 */
export interface ObjectStore {
  /** Streams `body` into the store under `key`, never holding it whole in memory. */
  put(key: string, body: Readable, contentType: string): Promise<StoredObject>;
  /** The stored bytes as a stream; `ObjectNotFound` when nothing is stored under `key`. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing one already gone is not an error (a retried delete succeeds). */
  delete(key: string): Promise<void>;
}

export class ObjectNotFound extends Error {
  constructor(readonly key: string) {
    super(`no stored object ${key}`);
    this.name = 'ObjectNotFound';
  }
}

/** The bytes read back are not the bytes stored: altered or damaged underneath the service. */
export class StoredObjectAltered extends Error {
  constructor(
    readonly key: string,
    readonly expectedSha256: string,
    readonly actualSha256: string,
  ) {
    super(`stored object ${key} has SHA-256 ${actualSha256}, recorded ${expectedSha256}`);
    this.name = 'StoredObjectAltered';
  }
}

// A key names a file in the local store, so one that could climb out of its folder is refused in both stores alike.
const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new Error(`unsafe object key: ${JSON.stringify(key)}`);
  }
}
