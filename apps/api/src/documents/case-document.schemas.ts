import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../../../libs/domain/src';
import type { CaseDocument } from '../../../../libs/persistence/src';
import type { Problem } from '../cases/case.schemas';

export const GenerateDocumentRequest = z
  .strictObject({
    kind: z.enum(DOCUMENT_KINDS).describe('Which notice: each is the paper of a step of the same kind.'),
    stepId: z.string().regex(/^step-\d+$/).describe('The recorded step the notice is for (`enforcementSteps[].id` in the case file).'),
  })
  .meta({ id: 'GenerateDocumentRequest', examples: [{ kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' }] });
export type GenerateDocumentRequest = z.output<typeof GenerateDocumentRequest>;

export const CaseDocumentView = z
  .strictObject({
    id: z.uuid(),
    reference: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    stepId: z.string(),
    templateVersion: z.string().describe('The version of the wording it was made with (templates are versioned beside the policy).'),
    title: z.string(),
    contentType: z.literal('application/pdf'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('Of the bytes as stored; checked again on every download.'),
    sizeBytes: z.int().positive(),
    generatedBy: z.string(),
    generatedAt: z.iso.datetime(),
    download: z.string().describe('Where to download it (application/pdf).'),
  })
  .meta({ id: 'CaseDocument', description: 'A document generated for a case: immutable; issuing it again makes a new one.' });
export type CaseDocumentView = z.output<typeof CaseDocumentView>;

export const CaseDocumentList = z.strictObject({ documents: z.array(CaseDocumentView) }).meta({ id: 'CaseDocumentList' });

export function caseDocumentView(document: CaseDocument): CaseDocumentView {
  const { documentId, objectKey: _key, contentType: _type, ...rest } = document;
  return { id: documentId, ...rest, contentType: 'application/pdf', download: `/cases/${document.reference}/documents/${documentId}` };
}

export const CASE_DOCUMENT_EXAMPLE: CaseDocumentView = {
  id: '6f1c2a8e-3b7d-4f0e-9a51-2c8d7e4b1a90',
  reference: 'ASB-2026-000123',
  kind: 'COMMUNITY_PROTECTION_NOTICE',
  stepId: 'step-2',
  templateVersion: '2026.1',
  title: 'Community Protection Notice',
  contentType: 'application/pdf',
  sha256: '9f2b5c0e7d4a1b8c3e6f0a2d5b8c1e4f7a0d3b6c9e2f5a8b1c4d7e0f3a6b9c2d',
  sizeBytes: 41873,
  generatedBy: 'amira.khan',
  generatedAt: '2026-12-01T10:15:00.000Z',
  download: '/cases/ASB-2026-000123/documents/6f1c2a8e-3b7d-4f0e-9a51-2c8d7e4b1a90',
};

export const DOCUMENT_INCOMPLETE_EXAMPLE: z.infer<typeof Problem> = {
  type: 'https://asb-case-service.example/problems/document-incomplete',
  title: 'The document cannot be made from the case file yet',
  status: 409,
  detail: 'notes: a Community Protection Warning states the conduct it is about: record it in the step’s notes',
  errors: [{ field: 'notes', message: 'a Community Protection Warning states the conduct it is about: record it in the step’s notes' }],
  instance: '/cases/ASB-2026-000123/documents',
};

export const DOCUMENT_ALTERED_EXAMPLE: z.infer<typeof Problem> = {
  type: 'https://asb-case-service.example/problems/document-altered',
  title: 'The stored document does not match its record',
  status: 500,
  detail: 'document 6f1c2a8e-3b7d-4f0e-9a51-2c8d7e4b1a90 is missing from the store, or its bytes no longer have the SHA-256 recorded when it was made, so it is not sent. Issue it again, and tell the admins.',
  instance: '/cases/ASB-2026-000123/documents/6f1c2a8e-3b7d-4f0e-9a51-2c8d7e4b1a90',
};
