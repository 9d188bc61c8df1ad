import { z } from 'zod';
import {
  CASE_REFERENCE_PATTERN,
  PSPO_CONSULTEES,
  PSPO_DECISIONS,
  PSPO_DEADLINE_CATALOGUE,
  PSPO_OFFENCES,
} from '../../../../libs/domain/src';
import { Problem } from '../cases/case.schemas';
import { factDate, plainText } from '../http/request-fields';

/** The id the service gives an order: `PSPO-<year made>-<number>`. */
export const PSPO_ID_PATTERN = /^PSPO-\d{4}-\d{3,6}$/;

// GeoJSON (RFC 7946): a position is [longitude, latitude] or [longitude, latitude, altitude], in WGS 84.
const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);
const position = z.union([z.tuple([longitude, latitude]), z.tuple([longitude, latitude, z.number()])]);
// Bounded so that the largest map a request may carry stays well inside the API's 100 kB body limit: a
// town centre or a park needs tens of points, not thousands.
const ring = z.array(position).min(4).max(100).describe('A closed ring: 4 to 100 positions, the last the same as the first (checked: 422 naming `area.geometry` otherwise).');
const Geometry = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(5).describe('The outer ring, then any holes.') }),
    z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1).max(5)).min(1).max(5) }),
  ])
  .meta({ id: 'PspoGeometry', type: 'object', description: 'The restricted area as a GeoJSON Polygon or MultiPolygon (RFC 7946), longitude first.' });

const Area = z.strictObject({
  description: plainText(2000).describe('The restricted area in words, as the order is published and signed.'),
  geometry: Geometry.optional(),
});
const Terms = z.array(plainText(1000)).max(50);
const Consultees = z.array(z.enum(PSPO_CONSULTEES)).min(1).max(PSPO_CONSULTEES.length).describe('Who was consulted (s.72(3), (4)): the chief officer of police, the local policing body and community representatives are required.');
const StaffId = plainText(64);

export const MakePspoRequest = z
  .strictObject({
    title: plainText(200).describe('What the order is known as, e.g. "Town centre alcohol and dog control".'),
    area: Area,
    prohibitions: Terms.describe('What may not be done in the area (s.59(4)(a)). With `requirements`, at least one entry.'),
    requirements: Terms.describe('What people carrying on specified activities there must do (s.59(4)(b)).'),
    madeOn: factDate.describe('The day the council made the order; not in the future.'),
    expiresOn: factDate.describe('Its last day: after `madeOn` and at most 3 years from it, the day made counted (s.60(1)).'),
    owner: StaffId.describe('The officer who answers for the order (a staff directory id): reminded of its consultation and expiry.'),
    reason: plainText(4000).describe('Why the conditions of s.59(2), (3) are met.'),
    consultation: z
      .strictObject({
        publishedOn: factDate.describe('The day the proposal was published (s.72(4)(b)).'),
        closedOn: factDate.describe('The day the consultation closed: by `madeOn`.'),
        consultees: Consultees,
      })
      .describe('The consultation held before making it (s.72(3)(a)).'),
  })
  .meta({ id: 'MakePspoRequest' });
export type MakePspoRequest = z.output<typeof MakePspoRequest>;

export const RecordConsultationRequest = z
  .strictObject({
    purpose: z.enum(['EXTEND', 'VARY', 'DISCHARGE']).describe('The decision the consultation is about: each decision needs one of its own.'),
    publishedOn: factDate.describe('The day the proposal was published.'),
    closedOn: factDate.describe('The day it closed: today or earlier.'),
    consultees: Consultees,
  })
  .meta({ id: 'RecordPspoConsultationRequest' });
export type RecordConsultationRequest = z.output<typeof RecordConsultationRequest>;

const decision = {
  decidedOn: factDate.describe('The day of the decision: not in the future, and while the order is in force.'),
  reason: plainText(4000).describe('Why the decision is necessary.'),
  consultationId: z.string().regex(/^C\d{1,4}$/).describe('The recorded consultation on this decision (`consultations[].id`), closed by `decidedOn` and not relied on before.'),
};

export const ExtendPspoRequest = z
  .strictObject({ ...decision, expiresOn: factDate.describe('The new last day: after the current one, and at most a further 3 years from it (s.60(2)).') })
  .meta({ id: 'ExtendPspoRequest' });
export type ExtendPspoRequest = z.output<typeof ExtendPspoRequest>;

export const VaryPspoRequest = z
  .strictObject({ ...decision, area: Area.optional(), prohibitions: Terms.optional(), requirements: Terms.optional() })
  .meta({ id: 'VaryPspoRequest', description: 'The terms after the variation (s.61); a term left out stays as it is. The earlier terms stay in `decisions[].terms`.' });
export type VaryPspoRequest = z.output<typeof VaryPspoRequest>;

export const DischargePspoRequest = z.strictObject(decision).meta({ id: 'DischargePspoRequest' });
export type DischargePspoRequest = z.output<typeof DischargePspoRequest>;

export const RecordBreachRequest = z
  .strictObject({
    occurredOn: factDate.describe('The day of the breach: not in the future, and a day the order had effect.'),
    offence: z.enum(PSPO_OFFENCES).describe('FAILURE_TO_COMPLY: s.67; ALCOHOL_REQUIREMENT: s.63(6).'),
    description: plainText(4000).describe('What was done, or not done, and where. Name no one: a person is named in the case.'),
    caseReference: z.string().regex(CASE_REFERENCE_PATTERN).optional().describe('The case the person’s conduct is worked on, if any.'),
    fixedPenalty: z
      .strictObject({
        issuedOn: factDate.describe('The day the notice was issued: on or after the breach, not in the future.'),
        amountPounds: z
          .number()
          .positive()
          .max(100_000)
          .optional()
          .describe('The amount in pounds (whole pence). Left out: the statutory maximum on the day of the breach (s.68(6)). Above that maximum: 422.'),
      })
      .optional()
      .describe('The fixed penalty notice offered for the breach (s.68), if one was.'),
  })
  .meta({ id: 'RecordPspoBreachRequest' });
export type RecordBreachRequest = z.output<typeof RecordBreachRequest>;

export const StatisticsQuery = z.object({
  withinDays: z.coerce.number().int().min(1).max(3660).default(90).describe('Orders expiring within this many days, today counted (default 90).'),
});

const date = z.iso.date();
const TermsView = z.strictObject({ area: z.strictObject({ description: z.string(), geometry: Geometry.optional() }), prohibitions: z.array(z.string()), requirements: z.array(z.string()) });

export const PspoDeadlineView = z.strictObject({
  id: z.string().describe('`<pspo>:<kind>:<expiry>`: the key its reminder is sent once under.'),
  pspoId: z.string(),
  kind: z.enum(Object.keys(PSPO_DEADLINE_CATALOGUE) as [keyof typeof PSPO_DEADLINE_CATALOGUE]),
  dueOn: date,
  dueAt: z.iso.datetime({ offset: true }),
  remindOn: date.describe('The day the owner is reminded (local policy).'),
  reason: z.string(),
});

export const PspoView = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    ...TermsView.shape,
    madeOn: date,
    expiresOn: date.describe('Its last day in force.'),
    lastExtendedOn: date.optional(),
    owner: z.string(),
    status: z.enum(['IN_FORCE', 'EXPIRED', 'DISCHARGED']).describe('As of today (EXPIRED once its last day has passed).'),
    dischargedOn: date.optional(),
    consultations: z.array(
      z.strictObject({ id: z.string(), purpose: z.enum(PSPO_DECISIONS), publishedOn: date, closedOn: date, consultees: z.array(z.enum(PSPO_CONSULTEES)), usedFor: z.enum(PSPO_DECISIONS).optional() }),
    ),
    decisions: z
      .array(
        z.strictObject({
          kind: z.enum(PSPO_DECISIONS),
          on: date,
          by: z.string(),
          consultationId: z.string(),
          reason: z.string(),
          expiry: z.strictObject({ from: date, to: date }).optional(),
          terms: TermsView.describe('The terms as this decision left them: a variation’s earlier terms are those of the decision before it.'),
        }),
      )
      .describe('Every decision, oldest first; never changed.'),
    deadlines: z.array(PspoDeadlineView).describe('What is still to come: the consultation on extending it (until recorded) and its expiry.'),
    version: z.int().describe('Goes up by one with each change.'),
  })
  .meta({ id: 'Pspo' });
export type PspoView = z.output<typeof PspoView>;

export const PspoList = z
  .strictObject({
    items: z.array(z.strictObject({ id: z.string(), title: z.string(), areaDescription: z.string(), madeOn: date, expiresOn: date, status: PspoView.shape.status, owner: z.string() })),
  })
  .meta({ id: 'PspoList' });

export const PspoBreachView = z
  .strictObject({
    id: z.uuid(),
    pspoId: z.string(),
    occurredOn: date,
    offence: z.enum(PSPO_OFFENCES),
    description: z.string(),
    recordedBy: z.string(),
    caseReference: z.string().optional(),
    fixedPenalty: z.strictObject({ issuedOn: date, amountPounds: z.number() }).optional(),
  })
  .meta({ id: 'PspoBreach' });
export type PspoBreachView = z.output<typeof PspoBreachView>;

export const PspoBreachList = z.strictObject({ breaches: z.array(PspoBreachView) }).meta({ id: 'PspoBreachList' });

export const PspoStatisticsView = z
  .strictObject({
    on: date,
    inForce: z.int(),
    expiringWithin: z.strictObject({ days: z.int(), pspoIds: z.array(z.string()) }),
    breaches: z.int(),
    fixedPenalties: z.int(),
    fixedPenaltyPounds: z.number(),
    byPspo: z.array(
      z.strictObject({ pspoId: z.string(), title: z.string(), status: PspoView.shape.status, expiresOn: date, breaches: z.int(), fixedPenalties: z.int(), fixedPenaltyPounds: z.number() }),
    ),
  })
  .meta({ id: 'PspoStatistics' });

/** The problem a fixed penalty above the maximum is refused with: a Problem that also says the maximum it was held to. */
export const PspoPenaltyProblem = z
  .intersection(Problem, z.looseObject({ maximumPounds: z.number().optional().describe('For PSPO_FPN_AMOUNT_ABOVE_MAXIMUM: the statutory maximum on the day of the breach.') }))
  .meta({ id: 'PspoPenaltyProblem' });
