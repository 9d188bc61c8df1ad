import { createHash } from 'node:crypto';
import { type ObjectStore, StoredObjectAltered } from './object-store';

/**
 * Reads a stored object whole and checks it against the hash recorded when it was stored. For
 * generated documents, which are small: the check must pass before the first byte is sent, since a
 * response already under way cannot be turned into an error.
 */
export async function readVerified(store: ObjectStore, key: string, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  for await (const chunk of await store.get(key)) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    hash.update(bytes);
    chunks.push(bytes);
  }
  const actual = hash.digest('hex');
  if (actual !== sha256) throw new StoredObjectAltered(key, sha256, actual);
  return Buffer.concat(chunks);
}
