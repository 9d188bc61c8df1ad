import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import type { AuditedRequest } from '../audit/audit-action.decorator';
import type { EvidenceLocker } from './evidence-locker';

/** A download, as the API and the console both answer it: audited with what was sent, streamed as an attachment with its recorded digest. */
export async function evidenceDownload(locker: EvidenceLocker, reference: string, evidenceId: string, caller: Caller, audited: AuditedRequest, response: Response): Promise<StreamableFile> {
  const { evidence, bytes } = await locker.open(reference, evidenceId, caller);
  audited.audit = { reference, after: { evidenceId, fileName: evidence.fileName, sha256: evidence.sha256 } };
  response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(evidence.sha256, 'hex').toString('base64')}:`);
  response.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(bytes, { type: evidence.contentType, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`, length: evidence.sizeBytes });
}
