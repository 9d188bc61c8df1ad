import { z } from 'zod';
import { plainText } from '../http/request-fields';
import {
  CASE_CATEGORIES,
  CASE_STAGES,
  CASE_TYPES,
  CLOSURE_REASONS,
  COMMUNITY_TRIGGER_APPLICANTS,
  COMMUNITY_TRIGGER_STATUSES,
  COURTS,
  ENFORCEMENT_STEP_KINDS,
  FORUMS,
  LEGAL_REFERRAL_STATUSES,
  REPORT_CHANNELS,
  RISK_LEVELS,
  TENURES,
} from '../../../../libs/domain/src';
import { PARTY_MATCHES, PARTY_ROLES, SUBJECT_ACCESS_WITHHELD } from '../../../../libs/domain/src/case-file/subject-access';
import { FILE_BEARINGS } from '../../../../libs/domain/src/case-file/subject-access-files';

const SUBJECT_ACCESS_FORMATS = ['json', 'html'] as const;

export const SubjectAccessQuery = z
  .strictObject({
    name: plainText(200, 2).describe('The person’s name as recorded on cases; matched whatever its case and spacing.'),
    dateOfBirth: z.iso
      .date()
      .optional()
      .describe('Narrows the search: a party recorded with another date of birth is someone else. Complainants have none recorded and still match on name alone (matchedBy NAME_ONLY).'),
    format: z.enum(SUBJECT_ACCESS_FORMATS).default('json').describe('`json` (the default): the export as data. `html`: the same export as a readable document (text/html) to send to the person.'),
  })
  .meta({ id: 'SubjectAccessQuery' });

// The export's parts carry no id of their own: the response is documented inline, for two media types (see the controller).
const instant = z.iso.datetime({ offset: true });
const date = z.iso.date();
const withheldText = z.string().describe('Free text, with any other person’s name replaced by "[name withheld]".');

const Step = z.strictObject({
  id: z.string(),
  kind: z.enum(ENFORCEMENT_STEP_KINDS as [string, ...string[]]),
  title: z.string(),
  level: z.int(),
  takenAt: instant,
  notes: withheldText.optional(),
  skipReason: withheldText.optional(),
  complianceDueOn: date.optional(),
  complied: z.boolean().optional(),
  nonComplianceRecordedAt: instant.optional(),
  requirements: z.array(z.strictObject({ text: withheldText, dueOn: date })).optional(),
  breaches: z.array(z.strictObject({ at: instant, description: withheldText })),
  amountPounds: z.number().optional(),
  paidAt: instant.optional(),
  premises: z.string().optional(),
  endedAt: instant.optional(),
});

const Referral = z.strictObject({
  id: z.string(),
  stepKind: z.enum(ENFORCEMENT_STEP_KINDS as [string, ...string[]]),
  status: z.enum(LEGAL_REFERRAL_STATUSES),
  referredAt: instant,
  youth: z.boolean(),
  decision: z.strictObject({ proceed: z.boolean(), reason: withheldText, at: instant }).optional(),
  hearing: z.strictObject({ at: instant, court: z.enum(COURTS) }).optional(),
  order: z.strictObject({ madeOn: date, expiresOn: date, terms: withheldText, court: z.enum(COURTS), extendedOn: date.optional() }).optional(),
  breaches: z.array(z.strictObject({ at: instant, description: withheldText, arrestedAt: instant.optional(), beforeJudgeAt: instant.optional() })),
});

const CaseReview = z.strictObject({
  id: z.string(),
  applicant: z.enum(COMMUNITY_TRIGGER_APPLICANTS),
  applicantName: z.string().optional().describe('Only when this person applied; someone applying on their behalf is not named.'),
  receivedAt: instant,
  status: z.enum(COMMUNITY_TRIGGER_STATUSES),
  thresholdDecision: z.strictObject({ met: z.boolean(), reason: withheldText, at: instant }).optional(),
  meeting: z.strictObject({ recommendations: withheldText, heldAt: instant }).optional(),
  outcome: z.strictObject({ summary: withheldText, sentAt: instant }).optional(),
  appeal: z
    .strictObject({ reason: withheldText, lodgedAt: instant, decision: z.strictObject({ upheld: z.boolean(), reason: withheldText, at: instant }).optional() })
    .optional(),
});

const SubjectAccessCase = z.strictObject({
  reference: z.string(),
  matchedBy: z.enum(PARTY_MATCHES).describe('NAME_ONLY: no date of birth is recorded for this party, so check it is the same person before sending.'),
  complete: z.boolean().describe('False when only the case’s outline is held in the read model (its file has not been saved since subject access existed): look the case up before sending.'),
  party: z.strictObject({
    id: z.string().describe('The person’s id within this case.'),
    role: z.enum(PARTY_ROLES),
    name: z.string(),
    dateOfBirth: date.optional(),
    tenure: z.enum(TENURES).optional(),
    vulnerable: z.boolean().optional(),
    contact: z.string().optional().describe('A witness’s contact, as they gave it.'),
  }),
  case: z.strictObject({
    type: z.enum(CASE_TYPES),
    category: z.enum(CASE_CATEGORIES),
    channel: z.enum(REPORT_CHANNELS),
    stage: z.enum(CASE_STAGES),
    team: z.string(),
    ward: z.string().optional(),
    openedAt: instant,
    closedAt: instant.optional(),
    closureReason: z.enum(CLOSURE_REASONS).optional(),
    summary: withheldText.optional(),
    riskLevel: z.enum(RISK_LEVELS).optional().describe('The victim’s risk: given to complainants only.'),
    explanationToComplainant: withheldText.optional(),
  }),
  riskAssessment: z
    .strictObject({
      disability: z.boolean(),
      mentalHealth: z.boolean(),
      isolation: z.boolean(),
      repeatVictimisation: z.boolean(),
      hateMotive: z.boolean(),
      impactOnDailyLife: z.boolean(),
      professionalJudgement: z.enum(RISK_LEVELS).optional(),
    })
    .optional(),
  adultsAtRiskReferral: z.strictObject({ reason: withheldText, at: instant }).optional(),
  incidents: z.array(z.strictObject({ id: z.string(), occurredAt: instant, reportedAt: instant, description: withheldText })),
  enforcementSteps: z.array(Step),
  legalReferrals: z.array(Referral),
  convictions: z.array(z.strictObject({ offence: withheldText, convictedOn: date })),
  caseReviews: z.array(CaseReview),
  partnerActions: z.array(z.strictObject({ id: z.string(), agency: z.string(), description: withheldText, dueOn: date, completedAt: instant.optional(), outcome: withheldText.optional() })),
  forumDecisions: z.array(z.strictObject({ from: z.enum(FORUMS), to: z.enum(FORUMS), reason: withheldText, at: instant })),
  sharedWith: z.array(z.strictObject({ agency: z.string(), summaryOnly: z.boolean(), reason: withheldText, at: instant })).describe('The agencies the case was disclosed to, and why.'),
  files: z
    .array(
      z.strictObject({
        type: z.enum(['DOCUMENT', 'EVIDENCE']).describe('A notice or letter the service generated, or evidence kept with the case.'),
        id: z.uuid(),
        title: withheldText.describe('A document’s title; evidence’s description, other people’s names withheld.'),
        at: instant.describe('When it was generated or uploaded.'),
        bearing: z
          .enum(FILE_BEARINGS)
          .describe('Why it is the person’s: a notice or letter addressed to them, evidence they provided, or evidence of an incident they are shown.'),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        sizeBytes: z.int().positive(),
        withdrawn: z.boolean().optional().describe('Evidence: withdrawn from the case (kept, and listed).'),
        download: z.string().describe('Where the admin downloads it to send with the export (its hash checked, the download audited).'),
      }),
    )
    .describe('The generated documents and the evidence that are the person’s; an anonymised case keeps none.'),
});

export const SubjectAccessExport = z
  .strictObject({
    person: z.strictObject({ name: z.string(), dateOfBirth: date.optional() }).describe('Who was searched for.'),
    exportedAt: instant,
    exportedBy: z.string(),
    cases: z.array(SubjectAccessCase).describe('Every case naming the person, oldest first; a person on a case twice appears twice.'),
    withheld: z.array(z.string()).describe('What an export leaves out, and why.'),
  })
  .meta({ id: 'SubjectAccessExport', description: 'Everything held about one person across all cases, and nothing about anyone else.' });
/** Read-only all the way down, as the domain builds it. */
type DeepReadonly<T> = T extends readonly (infer Item)[] ? readonly DeepReadonly<Item>[] : T extends object ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> } : T;
export type SubjectAccessExport = DeepReadonly<z.output<typeof SubjectAccessExport>>;

export const SUBJECT_ACCESS_EXAMPLE: SubjectAccessExport = {
  person: { name: 'Jordan Reed', dateOfBirth: '1991-07-14' },
  exportedAt: '2026-11-30T10:15:00.000Z',
  exportedBy: 'asb-admin',
  cases: [
    {
      reference: 'ASB-2026-000123',
      matchedBy: 'NAME_AND_DATE_OF_BIRTH',
      complete: true,
      party: { id: 's1', role: 'SUBJECT', name: 'Jordan Reed', dateOfBirth: '1991-07-14', tenure: 'MBC_TENANT' },
      case: {
        type: 'ANTI_SOCIAL_BEHAVIOUR',
        category: 'NOISE_DISPUTE',
        channel: 'ONLINE_REPORT',
        stage: 'ACTIVE',
        team: 'north',
        ward: 'Egerton',
        openedAt: '2026-11-02T09:00:00.000Z',
        summary: 'Loud music from the flat above most nights after midnight; [name withheld] cannot sleep.',
      },
      incidents: [{ id: 'incident-1', occurredAt: '2026-11-05T23:30:00.000Z', reportedAt: '2026-11-06T08:10:00.000Z', description: 'Music until 3am; [name withheld] knocked and was sworn at.' }],
      enforcementSteps: [
        {
          id: 'step-1',
          kind: 'WRITTEN_WARNING',
          title: 'Written warning',
          level: 1,
          takenAt: '2026-11-09T10:00:00.000Z',
          notes: 'Warning delivered by hand.',
          complianceDueOn: '2026-11-23',
          breaches: [],
        },
      ],
      legalReferrals: [],
      convictions: [],
      caseReviews: [],
      partnerActions: [{ id: 'action-1', agency: 'POLICE', description: 'Patrols past the block after midnight for two weeks.', dueOn: '2026-11-20' }],
      forumDecisions: [],
      sharedWith: [{ agency: 'POLICE', summaryOnly: false, reason: 'Joint response to the noise and threats.', at: '2026-11-06T09:00:00.000Z' }],
      files: [
        {
          type: 'DOCUMENT',
          id: '0b9f4a52-6c1e-4c3e-9a57-1d2f3e4a5b6c',
          title: 'Written warning',
          at: '2026-11-09T10:05:00.000Z',
          bearing: 'ADDRESSED_TO_THEM',
          sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
          sizeBytes: 48213,
          download: '/cases/ASB-2026-000123/documents/0b9f4a52-6c1e-4c3e-9a57-1d2f3e4a5b6c',
        },
      ],
    },
  ],
  withheld: [...SUBJECT_ACCESS_WITHHELD],
};

/**
 * The export's JSON Schema (2020-12), written out in full: @nestjs/swagger gives every media type of a
 * response the one schema it converts, and this response is JSON or an HTML document.
 */
export function subjectAccessJsonSchema(): Record<string, unknown> {
  const converted = z.toJSONSchema(SubjectAccessExport, { target: 'draft-2020-12', io: 'output' }) as { $defs?: Record<string, Record<string, unknown>> };
  const schema = converted.$defs?.SubjectAccessExport;
  if (!schema || Object.keys(converted.$defs ?? {}).length !== 1) throw new Error('the subject access export must convert to one self-contained schema');
  return schema;
}
