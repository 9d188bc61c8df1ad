import { z } from 'zod';
import { ACT_2026_PROVISION_NAMES, ACT_2026_PROVISIONS, POLICY_RANGES, POLICY_VERSION_ID, POLICY_VERSIONS, type PolicyChange } from '../../../../libs/domain/src';

/** A version id as cases record it (`2027.1`): the only form an id, a base or a comparison can name. */
const versionId = () => z.string().max(40).regex(POLICY_VERSION_ID, 'a version id is the year, a dot and a number, e.g. 2027.1');

const RANGES = Object.entries(POLICY_RANGES)
  .map(([path, range]) => `${path} ${range.min}–${range.max} ${range.unit}`)
  .join('; ');

const PROVISIONS = Object.entries(ACT_2026_PROVISIONS)
  .map(([name, provision]) => `${name}: ${provision.summary} (${provision.source})`)
  .join(' ');

const Commence = z
  .strictObject({
    provision: z.enum(ACT_2026_PROVISION_NAMES).describe(`A provision of the Crime and Policing Act 2026. ${PROVISIONS}`),
    on: z.iso.date().optional().describe('The day it comes into force. Required: no commencement date is published for any of them yet.'),
  })
  .describe('Commence a provision on a date: its entry is added to its statutory rule.');

/** What a draft may say; the server completes it from `basedOn` and judges the whole (422 naming each field). */
const DRAFT_FIELDS = {
  effectiveFrom: z.iso.date().describe('New cases opened on or after this date take the version, once published.'),
  basedOn: versionId().optional().describe('A published version to start from: `local` then holds only the numbers that change, `statutory` only the rules replaced.'),
  appliesToOpenCasesFrom: z.iso
    .date()
    .optional()
    .describe('Where the version is to reach cases already open: from this date (on or after `effectiveFrom`). From that day a fan-out (`POST /policy-versions/{id}/fan-out`) moves each open case under an earlier version to this one, once; this route moves none.'),
  local: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(`The partnership’s numbers: whole without basedOn; with it, any part, merged into the base’s. Every number is a whole number within its range: ${RANGES}. A higher risk is contacted and reviewed no less often than a lower one.`),
  statutory: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Statutory rules, each a list of { effectiveFrom, value, source } in date order, one entry a date, each with its source: whole without basedOn; with it, each rule named replaces the base’s.'),
  commence: z.array(Commence).max(20).optional(),
};

export const PolicyDraftRequest = z
  .strictObject({ id: versionId().describe('The new version’s id, the year, a dot and a number: `2027.1`. Not one already drafted or published.'), ...DRAFT_FIELDS })
  .meta({
    id: 'PolicyDraftRequest',
    examples: [
      {
        id: '2027.1',
        effectiveFrom: '2027-04-01',
        basedOn: '2026.1',
        local: { communityProtectionWarningComplianceDays: 21 },
        commence: [{ provision: 'CPN_FIXED_PENALTY_500', on: '2027-06-01' }],
      },
    ],
  });
export type PolicyDraftRequest = z.output<typeof PolicyDraftRequest>;

export const PolicyDraftReplacement = z.strictObject(DRAFT_FIELDS).meta({ id: 'PolicyDraftReplacement', description: 'The draft anew: as when it was drafted, without its id.' });
export type PolicyDraftReplacement = z.output<typeof PolicyDraftReplacement>;

export const PolicyVersionView = z
  .strictObject({
    id: z.string(),
    effectiveFrom: z.iso.date().describe('New cases opened on or after this date take this version.'),
    local: z.record(z.string(), z.unknown()).describe('The partnership’s own numbers (every [policy] default).'),
    statutory: z.record(z.string(), z.unknown()).describe('Statutory rules, each a list of values keyed by the date they take effect.'),
    status: z.enum(['DRAFT', 'PUBLISHED']).describe('A draft is seen by admins only, and no case can take it.'),
    basedOn: z.string().optional(),
    appliesToOpenCasesFrom: z.iso.date().optional(),
    draftedBy: z.string().describe('Who drafted it: `the release` for the versions shipped with the service.'),
    draftedAt: z.iso.datetime().optional(),
    approvedBy: z.string().optional().describe('The second admin, whose approval published it; `the release` for the versions shipped.'),
    approvedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'PolicyVersion' });
export type PolicyVersionView = z.output<typeof PolicyVersionView>;

export const PolicyVersions = z.strictObject({ versions: z.array(PolicyVersionView) }).meta({ id: 'PolicyVersions' });

const Change = z
  .strictObject({
    path: z.string().describe('The number (`local.communityProtectionWarningComplianceDays`) or statutory rule (`statutory.fixedPenaltyMaximumPounds`).'),
    before: z.unknown().describe('null: not there before.'),
    after: z.unknown().describe('null: taken out.'),
    commencement: z.iso.date().optional().describe('A statutory entry: the day it takes effect.'),
    source: z.string().optional().describe('A statutory entry: what it cites.'),
  })
  .meta({ id: 'PolicyChange' }) satisfies z.ZodType<PolicyChange>;

export const PolicyVersionDiff = z
  .strictObject({ from: z.string().describe('The version compared against.'), to: z.string(), changes: z.array(Change) })
  .meta({ id: 'PolicyVersionDiff' });
export type PolicyVersionDiff = z.output<typeof PolicyVersionDiff>;

export const DiffQuery = z.strictObject({ against: versionId().optional().describe('Another version to compare with; by default the one it is based on.') });

/** The versions shipped with the service: published, as the release approved them. */
export const RELEASE = 'the release';

export const SHIPPED_EXAMPLE: PolicyVersionView = { ...POLICY_VERSIONS[0]!, local: { ...POLICY_VERSIONS[0]!.local }, statutory: { ...POLICY_VERSIONS[0]!.statutory }, status: 'PUBLISHED', draftedBy: RELEASE, approvedBy: RELEASE };
