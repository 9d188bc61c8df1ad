import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import type { AuditedRequest } from '../audit/audit-action.decorator';
import type { CaseDocuments } from './case-documents';

/**
 * A document's download, as the API and the console both answer it: only to those who may see the
 * case's documents, audited with what was sent, read whole and checked against its recorded SHA-256
 * before a byte goes out, as an attachment with its digest (`Repr-Digest`, RFC 9530).
 */
export async function documentDownload(documents: CaseDocuments, reference: string, documentId: string, caller: Caller, audited: AuditedRequest, response: Response): Promise<StreamableFile> {
  await documents.mustSeeDocuments(reference, caller);
  const document = await documents.mustFind(reference, documentId);
  audited.audit = { reference, after: { documentId, kind: document.kind, sha256: document.sha256 } };
  const bytes = await documents.bytesOf(document);
  response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`);
  response.setHeader('Cache-Control', 'no-store');
  const name = `${reference}-${document.kind.toLowerCase().replaceAll('_', '-')}-v${document.version}.pdf`;
  return new StreamableFile(bytes, { type: 'application/pdf', disposition: `attachment; filename="${name}"`, length: bytes.length });
}
