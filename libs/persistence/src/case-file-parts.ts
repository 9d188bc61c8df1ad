import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import {
  type CaseFileParts,
  COMMUNITY_TRIGGER_APPLICANTS,
  COMMUNITY_TRIGGER_STATUSES,
  CONTACT_METHODS,
  COURTS,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  ENFORCEMENT_STEP_KINDS,
  FORUMS,
  LEGAL_REFERRAL_STATUSES,
  type LocalDate,
  SERVICE_METHODS,
  TENURES,
} from '../../domain/src';

const localDate = z.iso.date().transform((date) => date as LocalDate);
const text = z.string();
const instant = z.string();

/**
 * The parts of the stored file (case_file.file) the read side shows, checked as they are read: a
 * file the workflow wrote under another shape fails here, by name, not in a view half-made. Keys the
 * read side does not show pass through unchecked.
 */
const StoredCaseFileParts = z.looseObject({
  complainants: z.array(z.looseObject({ id: text, name: text, vulnerable: z.boolean() })),
  subjects: z.array(z.looseObject({ id: text, name: text, dateOfBirth: localDate.optional(), tenure: z.enum(TENURES) })),
  witnesses: z.array(z.looseObject({ id: text, name: text, contact: text.optional() })).optional(),
  incidents: z.array(z.looseObject({ id: text, occurredAt: instant, reportedAt: instant, description: text, subjectIds: z.array(text), reportedBy: text })),
  enforcement: z.array(
    z.looseObject({
      id: text,
      kind: z.enum(ENFORCEMENT_STEP_KINDS),
      level: z.int(),
      subjectId: text.optional(),
      takenAt: instant,
      takenBy: text,
      notes: text.optional(),
      skipReason: text.optional(),
      complianceDueOn: localDate.optional(),
      complied: z.boolean().optional(),
      nonComplianceRecordedAt: instant.optional(),
      requirements: z.array(z.looseObject({ text, dueOn: localDate })).optional(),
      breaches: z.array(z.looseObject({ at: instant, description: text, recordedBy: text })),
      amountPounds: z.number().optional(),
      paidAt: instant.optional(),
      service: z.looseObject({ method: z.enum(SERVICE_METHODS), servedAt: instant, servedBy: text, recordedBy: text }).optional(),
      followsStepId: text.optional(),
      premises: text.optional(),
      issuedBy: text.optional(),
      extended: z.boolean().optional(),
      trigger: text.optional(),
      legalReferralId: text.optional(),
      endedAt: instant.optional(),
    }),
  ),
  legalReferrals: z.array(
    z.looseObject({
      id: text,
      stepId: text,
      stepKind: z.enum(ENFORCEMENT_STEP_KINDS),
      subjectId: text.optional(),
      status: z.enum(LEGAL_REFERRAL_STATUSES),
      referredAt: instant,
      youth: z.boolean(),
      acknowledgedAt: instant.optional(),
      decision: z.looseObject({ proceed: z.boolean(), reason: text, decidedBy: text, at: instant }).optional(),
      hearing: z.looseObject({ at: instant, court: z.enum(COURTS), listings: z.int() }).optional(),
      order: z.looseObject({ madeOn: text, expiresOn: text, terms: text, court: z.enum(COURTS), extendedOn: text.optional() }).optional(),
      breaches: z.array(z.looseObject({ at: instant, description: text, arrestedAt: instant.optional(), beforeJudgeAt: instant.optional() })),
    }),
  ),
  forumHistory: z.array(z.looseObject({ from: z.enum(FORUMS), to: z.enum(FORUMS), reason: text, decidedBy: text, at: instant })),
  adultsAtRiskReferral: z.looseObject({ reason: text, decidedBy: text, at: instant }).optional(),
  partnerActions: z
    .array(
      z.looseObject({
        id: text,
        agency: text,
        description: text,
        dueOn: localDate,
        assignedBy: text,
        assignedAt: instant,
        forum: z.enum(FORUMS).optional(),
        completedAt: instant.optional(),
        completedBy: text.optional(),
        outcome: text.optional(),
      }),
    )
    .optional(),
  communityTriggers: z
    .array(
      z.looseObject({
        id: text,
        applicant: z.enum(COMMUNITY_TRIGGER_APPLICANTS),
        applicantName: text,
        receivedAt: instant,
        recordedBy: text,
        status: z.enum(COMMUNITY_TRIGGER_STATUSES),
        assessment: z.looseObject({
          met: z.boolean(),
          qualifying: z.array(z.looseObject({ reference: text, incidentId: text, occurredAt: instant, reportedAt: instant })),
          explanation: text,
        }),
        acknowledgedAt: instant.optional(),
        thresholdDecision: z.looseObject({ met: z.boolean(), reason: text, decidedBy: text, at: instant }).optional(),
        meeting: z.looseObject({ recommendations: text, heldAt: instant }).optional(),
        outcome: z.looseObject({ summary: text, sentAt: instant }).optional(),
        appeal: z
          .looseObject({ reason: text, lodgedAt: instant, decision: z.looseObject({ upheld: z.boolean(), reason: text, at: instant }).optional() })
          .optional(),
      }),
    )
    .optional(),
  deadlines: z.array(
    z.looseObject({
      id: text,
      kind: z.enum(DEADLINE_KINDS),
      dueOn: localDate,
      dueAt: instant,
      status: z.enum(DEADLINE_STATUSES),
      reason: text,
      plannedAt: instant,
      subjectId: text.optional(),
      stepId: text.optional(),
      resolvedAt: instant.optional(),
      resolution: text.optional(),
      late: z.literal(true).optional(),
    }),
  ),
  notes: z
    .array(
      z.looseObject({
        id: text,
        text,
        recordedBy: text,
        recordedAt: instant,
        occurredAt: instant.optional(),
        contact: z.looseObject({ method: z.enum(CONTACT_METHODS), withPartyId: text.optional(), withName: text.optional() }).optional(),
      }),
    )
    .optional(),
}) satisfies z.ZodType<CaseFileParts>;

/** The stored file's parts, or undefined for a case with no case_file row (see below). */
export async function findCaseFileParts(em: EntityManager, reference: string): Promise<CaseFileParts | undefined> {
  const [row] = await em.execute<{ file: unknown }[]>(`select file from case_file where reference = ?`, [reference]);
  // Every save since case_file was added writes it with asb_case in one transaction, so a case has
  // no row only if it was last saved before that (none in service) or its row was put in by hand
  // (the benchmark's read-model seed): the read model's row alone then answers.
  if (!row) return undefined;
  const parsed = StoredCaseFileParts.safeParse(row.file);
  if (!parsed.success) throw new Error(`the stored file of ${reference} is not of the shape the read side knows: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
