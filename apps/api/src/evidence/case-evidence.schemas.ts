import { z } from 'zod';
import { type LocalDate, londonDateOf } from '../../../../libs/domain/src';
import type { CaseEvidence } from '../../../../libs/persistence/src';
import type { Problem } from '../cases/case.schemas';
import { factDate, IMPLAUSIBLE, plainText } from '../http/request-fields';
import { EVIDENCE_TYPE_NAMES } from './evidence-types';

/** The text fields of an upload, sent before its `file` part. */
export const EvidenceFields = z
  .strictObject({
    description: plainText(2000).describe('What the evidence is (a diary sheet for March, a recording of the music at 2am).'),
    incidentId: plainText(100).describe('The incident on this case it supports (`incidents[].id` in the case file).'),
    providedBy: plainText(200).describe('Who provided it: a person or an agency.'),
    providedOn: factDate
      .refine((date) => date <= londonDateOf(new Date()), { error: 'is in the future: evidence is recorded once it exists', params: IMPLAUSIBLE })
      .describe('The day it was made or provided (YYYY-MM-DD, in England): not in the future.'),
  })
  .meta({ id: 'EvidenceFields' });
export type EvidenceFields = z.output<typeof EvidenceFields>;

export const WithdrawEvidenceRequest = z
  .strictObject({ reason: plainText(2000).describe('Why the evidence is withdrawn: it stays on the case, marked.') })
  .meta({ id: 'WithdrawEvidenceRequest', examples: [{ reason: 'The diary was written by the wrong household; the complainant asked for it to be set aside.' }] });
export type WithdrawEvidenceRequest = z.output<typeof WithdrawEvidenceRequest>;

export const CaseEvidenceView = z
  .strictObject({
    id: z.uuid(),
    reference: z.string(),
    description: z.string(),
    incidentId: z.string(),
    providedBy: z.string(),
    providedOn: z.iso.date(),
    fileName: z.string().describe('The file’s name as it was uploaded.'),
    contentType: z.string().describe(`The type its content shows (not its name): one of ${EVIDENCE_TYPE_NAMES.join(', ')}.`),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('Of the bytes as uploaded; checked again on every download.'),
    sizeBytes: z.int().positive(),
    uploadedBy: z.string(),
    uploadedAt: z.iso.datetime(),
    withdrawal: z
      .strictObject({ at: z.iso.datetime(), by: z.string(), reason: z.string() })
      .nullable()
      .describe('Set once the evidence is withdrawn: it is kept, and listed, marked.'),
    removedAt: z.iso
      .datetime()
      .optional()
      .describe('When its bytes were deleted with the case’s personal data at the end of retention: the record stays (its description, provider and file name replaced), and a download answers 410.'),
    download: z.string().describe('Where to download it.'),
  })
  .meta({ id: 'CaseEvidence', description: 'A file kept as evidence with the case: immutable; withdrawal is recorded, not deleted.' });
export type CaseEvidenceView = z.output<typeof CaseEvidenceView>;

export const CaseEvidenceList = z.strictObject({ evidence: z.array(CaseEvidenceView) }).meta({ id: 'CaseEvidenceList' });

export function caseEvidenceView(evidence: CaseEvidence): CaseEvidenceView {
  const { evidenceId, objectKey: _key, removedAt, ...rest } = evidence;
  return { id: evidenceId, ...rest, ...(removedAt ? { removedAt } : {}), download: `/cases/${evidence.reference}/evidence/${evidenceId}` };
}

/** The fields as JSON Schema, from the same zod schema that validates them (each text field's pattern and lengths included). */
const FIELDS_SCHEMA = (z.toJSONSchema(EvidenceFields, { io: 'input' }) as unknown as { $defs: { EvidenceFields: { properties: object; required: string[] } } }).$defs.EvidenceFields;

/**
 * The upload as OpenAPI 3.1 states a multipart body: the fields as properties, the file as a string
 * whose content is binary (`contentMediaType`), and `encoding` giving the file part's allowed types.
 */
export const EVIDENCE_UPLOAD_BODY = {
  required: true,
  description: 'The fields, then one part named `file` (its Content-Type is checked against its content; a part without one counts as text/plain, RFC 7578).',
  schema: {
    type: 'object' as const,
    required: [...FIELDS_SCHEMA.required, 'file'],
    properties: {
      ...FIELDS_SCHEMA.properties,
      file: { type: 'string' as const, contentMediaType: 'application/octet-stream', minLength: 1, description: `The file, last. Allowed by content: ${EVIDENCE_TYPE_NAMES.join(', ')}.` },
    },
    additionalProperties: false,
  },
  examples: {
    diary: {
      summary: 'A scanned noise diary (the file part carries its bytes)',
      value: { description: 'Noise diary, 1 to 14 November', incidentId: 'incident-1', providedBy: 'Complainant (flat 3)', providedOn: '2026-11-15', file: '%PDF-1.7 …' },
    },
  },
  encoding: {
    file: {
      contentType:
        'application/pdf, image/jpeg, image/png, image/gif, image/webp, image/heic, image/heif, audio/mpeg, audio/wav, audio/x-m4a, audio/mp4, audio/aac, audio/ogg, text/plain, text/csv, ' +
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, ' +
        'application/vnd.openxmlformats-officedocument.presentationml.presentation, application/vnd.oasis.opendocument.text, application/vnd.oasis.opendocument.spreadsheet, ' +
        'application/msword, application/vnd.ms-excel, application/octet-stream',
    },
  },
};

export const CASE_EVIDENCE_EXAMPLE: CaseEvidenceView = {
  id: '3c9e7b1a-5d2f-4a8e-b6c1-0f4d2e8a7b93',
  reference: 'ASB-2026-000123',
  description: 'Noise diary, 1 to 14 November',
  incidentId: 'incident-1',
  providedBy: 'Complainant (flat 3)',
  providedOn: '2026-11-15' as LocalDate,
  fileName: 'noise-diary.pdf',
  contentType: 'application/pdf',
  sha256: '4e1f0a9c7b2d5e8f1a3c6b9d2e5f8a1b4c7d0e3f6a9b2c5d8e1f4a7b0c3d6e9f',
  sizeBytes: 284113,
  uploadedBy: 'amira.khan',
  uploadedAt: '2026-12-01T11:20:00.000Z',
  withdrawal: null,
  download: '/cases/ASB-2026-000123/evidence/3c9e7b1a-5d2f-4a8e-b6c1-0f4d2e8a7b93',
};

export const EVIDENCE_TOO_LARGE_EXAMPLE: z.infer<typeof Problem> = {
  type: 'https://asb-case-service.example/problems/evidence-too-large',
  title: 'The file is larger than evidence may be',
  status: 413,
  detail: 'evidence may be at most 52428800 bytes (50 MiB); nothing was kept',
  errors: [{ field: 'file', message: 'larger than 52428800 bytes' }],
};

export const EVIDENCE_TYPE_REFUSED_EXAMPLE: z.infer<typeof Problem> = {
  type: 'https://asb-case-service.example/problems/evidence-type-refused',
  title: 'The file is not a type kept as evidence, or not the type it was declared',
  status: 415,
  detail: "the file's content is application/x-elf, which is not kept as evidence; nothing was kept",
  errors: [{ field: 'file', message: "the file's content is application/x-elf, which is not kept as evidence" }],
};

export const EVIDENCE_ALTERED_EXAMPLE: z.infer<typeof Problem> = {
  type: 'https://asb-case-service.example/problems/evidence-altered',
  title: 'The stored evidence does not match its record',
  status: 500,
  detail: 'evidence 3c9e7b1a-5d2f-4a8e-b6c1-0f4d2e8a7b93 is missing from the store, or its bytes no longer have the SHA-256 recorded when it was uploaded, so it is not sent. Tell the admins.',
};
