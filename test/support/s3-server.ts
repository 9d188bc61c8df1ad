import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { DocumentStoreConfig } from '../../libs/config/src';
import { testRuntime } from './runtime';

export interface TestS3Server {
  /** The store configuration a service under test is given (as DOCUMENT_STORE_URL and S3_* would make it). */
  readonly config: Extract<DocumentStoreConfig, { kind: 's3' }>;
  /** The same, as the variables a deployment sets (DOCUMENT_STORE_URL and S3_*). */
  readonly env: Readonly<Record<string, string>>;
  /** The file on disk that holds the object under `key`: a test alters one underneath the service through it. */
  objectPath(key: string): string;
  close(): Promise<void>;
}

/**
 * A real S3-protocol server (s3rver) on a free port, with one empty bucket: the object store of the
 * tests, spoken to by the AWS SDK as MinIO or AWS would be.
 */
export async function startS3Server(bucket = 'asb-documents'): Promise<TestS3Server> {
  const directory = mkdtempSync(join(testRuntime().runDir, 's3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    env: { DOCUMENT_STORE_URL: `s3://${bucket}`, S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
    config: {
      kind: 's3',
      bucket,
      endpoint,
      region: 'eu-west-2',
      forcePathStyle: true,
      // s3rver's fixed test credentials.
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    },
    // s3rver's own layout (its FilesystemStore): the key's folders, then `<name>._S3rver_object`.
    objectPath: (key) => join(directory, bucket, `${key}._S3rver_object`),
    close: () => server.close(),
  };
}
