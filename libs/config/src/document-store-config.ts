import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { projectRoot } from './project-root';

/** Where documents and evidence are kept: a local folder (the embedded default) or an S3-compatible bucket. */
export type DocumentStoreConfig =
  | { readonly kind: 'local'; readonly root: string }
  | {
      readonly kind: 's3';
      readonly bucket: string;
      /** Prepended to every key (`prefix/key`), so one bucket can serve several deployments. */
      readonly prefix?: string;
      /** For MinIO, Ceph, a gateway or a test server; AWS's own endpoint when absent. */
      readonly endpoint?: string;
      readonly region: string;
      /** `bucket` in the path instead of the host name: what MinIO and most S3-compatible servers expect. */
      readonly forcePathStyle: boolean;
      /** Absent: the AWS SDK's default chain (environment, profile, instance or task role). */
      readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
    };

export const DocumentStoreEnvironment = z.object({
  // s3://bucket[/prefix], file:///absolute/folder, or a folder (relative to the checkout).
  DOCUMENT_STORE_URL: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('eu-west-2'),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

export function documentStoreConfig(e: z.output<typeof DocumentStoreEnvironment>): DocumentStoreConfig | string {
  const url = e.DOCUMENT_STORE_URL;
  if (url === undefined) return { kind: 'local', root: join(projectRoot(), '.data/documents') };
  if (url.startsWith('s3://')) {
    const [bucket = '', ...prefix] = url.slice('s3://'.length).split('/').filter(Boolean);
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) return 'DOCUMENT_STORE_URL: s3://<bucket>[/<prefix>] with a valid bucket name';
    if ((e.S3_ACCESS_KEY_ID === undefined) !== (e.S3_SECRET_ACCESS_KEY === undefined)) {
      return 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both, or neither (the AWS default credential chain)';
    }
    return {
      kind: 's3',
      bucket,
      ...(prefix.length ? { prefix: prefix.join('/') } : {}),
      ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
      region: e.S3_REGION,
      // An endpoint of its own is MinIO, Ceph or a gateway, which address buckets by path; AWS by host.
      forcePathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === 'true' : e.S3_ENDPOINT !== undefined,
      ...(e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { credentials: { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } } : {}),
    };
  }
  if (url.startsWith('file:')) return { kind: 'local', root: fileURLToPath(url) };
  if (url.includes('://')) return 'DOCUMENT_STORE_URL: s3://<bucket>[/<prefix>], file:///<folder> or a folder';
  return { kind: 'local', root: isAbsolute(url) ? url : resolve(projectRoot(), url) };
}
