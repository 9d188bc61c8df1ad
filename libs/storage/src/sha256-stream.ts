import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Passes bytes through unchanged, hashing and counting them on the way, so no second read is needed. */
export class Sha256Stream extends Transform {
  private readonly hash = createHash('sha256');
  // Not `size`: the AWS SDK reads a body's `size` as its length before a byte has passed.
  byteCount = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.byteCount += chunk.length;
    callback(null, chunk);
  }

  /** The hex digest; call once the stream has ended. */
  digest(): string {
    return this.hash.digest('hex');
  }
}
