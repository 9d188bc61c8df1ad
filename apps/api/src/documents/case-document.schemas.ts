import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind, STEP_DOCUMENT_KINDS } from '../../../../libs/domain/src';
import { plainText } from '../http/request-fields';
import type { CaseDocument } from '../../../../libs/persistence/src';
import type { Problem } from '../cases/case.schemas';

const stepId = z.string().regex(/^step-\d+$/).describe('The recorded step the notice is for (`enforcementSteps[].id` in the case file).');

/** Which document, and what on the case file it is the paper of: a step, a complainant, or an ASB Case Review. */
export const GenerateDocumentRequest = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.enum(STEP_DOCUMENT_KINDS).describe('A notice: the paper of a recorded step of the same kind.'), stepId }),
    z.strictObject({
      kind: z.literal('CASE_CLOSED_LETTER').describe('The letter telling a complainant the case is closed, from the approved closure.'),
      complainantId: plainText(64).describe('The complainant it is written to (`complainants[].id`); each complainant gets their own.'),
    }),
    z.strictObject({
      kind: z.literal('CASE_REVIEW_OUTCOME_LETTER').describe('The ASB Case Review outcome letter to its applicant, from the recorded meeting and outcome.'),
      caseReviewId: z.string().regex(/^case-review-\d+$/).describe('The ASB Case Review (`communityTriggers[].id`).'),
    }),
  ])
  .meta({
    id: 'GenerateDocumentRequest',
    // Each branch is an object; saying so at the top tells a client (and the contract test) the body is one.
    type: 'object',
    examples: [
      { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' },
      { kind: 'CLOSURE_NOTICE', stepId: 'step-4' },
      { kind: 'CASE_CLOSED_LETTER', complainantId: 'c1' },
      { kind: 'CASE_REVIEW_OUTCOME_LETTER', caseReviewId: 'case-review-1' },
    ],
  });
export type GenerateDocumentRequest = z.output<typeof GenerateDocumentRequest>;

export const CaseDocumentView = z
  .strictObject({
    id: z.uuid(),
    reference: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    stepId: z.string().optional().describe('A notice: the step it is the paper of.'),
    complainantId: z.string().optional().describe('A letter that the case is closed: the complainant it is written to.'),
    caseReviewId: z.string().optional().describe('An ASB Case Review outcome letter: the review.'),
    templateVersion: z.string().describe('The version of the wording it was made with (templates are versioned beside the policy).'),
    title: z.string(),
    contentType: z.literal('application/pdf'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('Of the bytes as stored; checked again on every download.'),
    sizeBytes: z.int().positive(),
    generatedBy: z.string(),
    generatedAt: z.iso.datetime(),
    version: z.int().positive().describe('1 for the first document of its step (or letter’s complainant or Case Review) and kind, 2, … for each re-issue; every version is kept.'),
    current: z.boolean().describe('Whether this is the latest version of its step and kind: the one to serve.'),
    madeOnRecord: z.boolean().describe('Made by the service when its step was recorded (one per step and kind), rather than asked for.'),
    removedAt: z.iso
      .datetime()
      .optional()
      .describe('When its bytes were deleted with the case’s personal data at the end of retention: the record stays, and a download answers 410.'),
    download: z.string().describe('Where to download it (application/pdf).'),
  })
  .meta({ id: 'CaseDocument', description: 'A document generated for a case: immutable; issuing it again makes a new one.' });
export type CaseDocumentView = z.output<typeof CaseDocumentView>;

export const CaseDocumentList = z.strictObject({ documents: z.array(CaseDocumentView) }).meta({ id: 'CaseDocumentList' });

/** What the document is the paper of, named as the request named it. */
const RECORD_FIELD: Partial<Record<DocumentKind, 'complainantId' | 'caseReviewId'>> = { CASE_CLOSED_LETTER: 'complainantId', CASE_REVIEW_OUTCOME_LETTER: 'caseReviewId' };

export function caseDocumentView(document: CaseDocument): CaseDocumentView {
  const { documentId, objectKey: _key, contentType: _type, stepId: recordId, removedAt, ...rest } = document;
  return {
    id: documentId,
    ...rest,
    [RECORD_FIELD[document.kind] ?? 'stepId']: recordId,
    contentType: 'application/pdf',
    ...(removedAt ? { removedAt } : {}),
    download: `/cases/${document.reference}/documents/${documentId}`,
  };
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
  version: 1,
  current: true,
  madeOnRecord: false,
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
