import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import type { DocumentStoreConfig } from '../../config/src';
import { assertSafeKey, ObjectNotFound, type ObjectStore, type StoredObject } from './object-store';
import { Sha256Stream } from './sha256-stream';

/** Bucket, prefix, endpoint, region, addressing and credentials, as `DOCUMENT_STORE_URL` and `S3_*` give them. */
export type S3StoreOptions = Omit<Extract<DocumentStoreConfig, { kind: 's3' }>, 'kind'>;

/** Any S3-compatible object store, through the AWS SDK. */
export class S3Store implements ObjectStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    const config: S3ClientConfig = {
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      // The SDK's own checksums default to trailing CRC32s in aws-chunked uploads, which S3-compatible
      // servers do not all understand. Integrity is the SHA-256 the service records and checks itself.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    };
    this.client = new S3Client(config);
  }

  async put(key: string, body: Readable, contentType: string): Promise<StoredObject> {
    const hasher = new Sha256Stream();
    body.once('error', (error) => hasher.destroy(error));
    // Upload sends a body of unknown length in parts (5 MiB each, one at a time), so memory stays bounded.
    const upload = new Upload({
      client: this.client,
      queueSize: 1,
      params: { Bucket: this.options.bucket, Key: this.objectKey(key), Body: body.pipe(hasher), ContentType: contentType },
    });
    await upload.done();
    return { key, sha256: hasher.digest(), size: hasher.byteCount };
  }

  async get(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return answer.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new ObjectNotFound(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
  }

  /** Closes the client's connections (at shutdown). */
  close(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    assertSafeKey(key);
    return this.options.prefix ? `${this.options.prefix}/${key}` : key;
  }
}
