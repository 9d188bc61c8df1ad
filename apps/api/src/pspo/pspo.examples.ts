import type { PspoRefusalCondition } from '../../../../libs/domain/src';
import type { z } from 'zod';
import type { Problem } from '../cases/case.schemas';
import type { DischargePspoRequest, ExtendPspoRequest, MakePspoRequest, PspoBreachView, PspoPenaltyProblem, PspoStatisticsView, PspoView, RecordBreachRequest, RecordConsultationRequest, VaryPspoRequest } from './pspo.schemas';

/** The examples the OpenAPI document shows for the PSPO routes: one order, through its life. */
const AREA = {
  description: 'Melton town centre: the Market Place, Nottingham Street and the Play Close, as on the map.',
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [-0.888, 52.7665],
        [-0.8835, 52.7665],
        [-0.8835, 52.7635],
        [-0.888, 52.7635],
        [-0.888, 52.7665],
      ] as [number, number][],
    ],
  },
};
const PROHIBITIONS = ['Drinking alcohol after being asked to stop by an authorised officer'];
const REQUIREMENTS = ['A person in charge of a dog keeps it on a lead of no more than 1.5 metres'];

export const MAKE_EXAMPLE = {
  title: 'Town centre alcohol and dog control',
  area: AREA,
  prohibitions: PROHIBITIONS,
  requirements: REQUIREMENTS,
  madeOn: '2026-12-01',
  expiresOn: '2029-11-30',
  owner: 'jo.bennett',
  reason: 'Street drinking and dogs off leads in the town centre, reported weekly since spring, have a persistent detrimental effect on those who live and shop there.',
  consultation: { publishedOn: '2026-09-01', closedOn: '2026-10-31', consultees: ['CHIEF_OFFICER_OF_POLICE', 'LOCAL_POLICING_BODY', 'COMMUNITY_REPRESENTATIVES'] },
} satisfies z.input<typeof MakePspoRequest>;

const { reason: _reason, consultation: _consultation, ...MADE } = MAKE_EXAMPLE;

export const PSPO_EXAMPLE = {
  id: 'PSPO-2026-001',
  ...MADE,
  status: 'IN_FORCE',
  consultations: [{ id: 'C1', purpose: 'MAKE', ...MAKE_EXAMPLE.consultation, usedFor: 'MAKE' }],
  decisions: [{ kind: 'MAKE', on: '2026-12-01', by: 'jo.bennett', consultationId: 'C1', reason: MAKE_EXAMPLE.reason, terms: { area: AREA, prohibitions: PROHIBITIONS, requirements: REQUIREMENTS } }],
  deadlines: [
    {
      id: 'PSPO-2026-001:PSPO_CONSULTATION:2029-11-30',
      pspoId: 'PSPO-2026-001',
      kind: 'PSPO_CONSULTATION',
      dueOn: '2029-09-01',
      dueAt: '2029-09-01T22:59:59.999Z',
      remindOn: '2029-08-04',
      reason: 'to extend Town centre alcohol and dog control, consult by 2029-09-01: 90 days before it expires on 2029-11-30 (s.72; lead time policy pspo-2026.1)',
    },
    {
      id: 'PSPO-2026-001:PSPO_EXPIRY:2029-11-30',
      pspoId: 'PSPO-2026-001',
      kind: 'PSPO_EXPIRY',
      dueOn: '2029-11-30',
      dueAt: '2029-11-30T23:59:59.999Z',
      remindOn: '2029-11-02',
      reason: 'Town centre alcohol and dog control has effect to the end of 2029-11-30 unless extended (s.60)',
    },
  ],
  version: 1,
} satisfies z.input<typeof PspoView>;

export const BREACH_EXAMPLE = {
  id: '5b0f3f5e-8a55-4c7e-9d2b-0c6f1a2b3c4d',
  pspoId: 'PSPO-2026-001',
  occurredOn: '2026-12-05',
  offence: 'FAILURE_TO_COMPLY',
  description: 'Drinking from an open can on the Market Place steps; did not stop when asked.',
  recordedBy: 'pc.lewis',
  fixedPenalty: { issuedOn: '2026-12-05', amountPounds: 100 },
} satisfies z.input<typeof PspoBreachView>;

export const STATISTICS_EXAMPLE = {
  on: '2026-12-05',
  inForce: 1,
  expiringWithin: { days: 90, pspoIds: [] },
  breaches: 1,
  fixedPenalties: 1,
  fixedPenaltyPounds: 100,
  byPspo: [{ pspoId: 'PSPO-2026-001', title: MAKE_EXAMPLE.title, status: 'IN_FORCE', expiresOn: '2029-11-30', breaches: 1, fixedPenalties: 1, fixedPenaltyPounds: 100 }],
} satisfies z.input<typeof PspoStatisticsView>;

/** A PSPO refusal as the API answers it (apps/api/src/pspo/pspo-refusals.ts). */
const refusal = (status: 409 | 422, condition: PspoRefusalCondition, field: string, detail: string) => ({
  type: 'https://asb-case-service.example/problems/refused',
  title: status === 409 ? 'The PSPO’s state does not allow this' : 'The request is against the law on PSPOs',
  status,
  detail,
  condition,
  errors: [{ field, message: detail }],
});

export const TOO_LONG_EXAMPLE = refusal(422, 'PSPO_TOO_LONG', 'expiresOn', 'an order made on 2026-12-01 can have effect to 2029-11-30 at the latest') satisfies z.input<typeof Problem>;

export const TOO_HIGH_EXAMPLE = {
  ...refusal(422, 'PSPO_FPN_AMOUNT_ABOVE_MAXIMUM', 'fixedPenalty.amountPounds', '£150 is above the £100 maximum for a breach on 2026-12-05'),
  maximumPounds: 100,
} satisfies z.input<typeof PspoPenaltyProblem>;

export const NOT_CONSULTED_EXAMPLE = refusal(409, 'PSPO_NOT_CONSULTED', 'consultationId', 'no consultation C2 on extending the order is recorded') satisfies z.input<typeof Problem>;

export const CONSULTATION_EXAMPLE = {
  purpose: 'EXTEND',
  publishedOn: '2029-06-01',
  closedOn: '2029-08-31',
  consultees: ['CHIEF_OFFICER_OF_POLICE', 'LOCAL_POLICING_BODY', 'COMMUNITY_REPRESENTATIVES', 'OWNERS_OR_OCCUPIERS'],
} satisfies z.input<typeof RecordConsultationRequest>;

const DECISION = { decidedOn: '2029-09-15', consultationId: 'C2' };

export const EXTEND_EXAMPLE = { ...DECISION, reason: 'Street drinking continues in the Market Place.', expiresOn: '2032-11-29' } satisfies z.input<typeof ExtendPspoRequest>;

export const VARY_EXAMPLE = {
  ...DECISION,
  reason: 'Dog fouling in the Play Close since the spring.',
  requirements: [...REQUIREMENTS, 'A person in charge of a dog removes its faeces at once'],
} satisfies z.input<typeof VaryPspoRequest>;

export const DISCHARGE_EXAMPLE = { ...DECISION, reason: 'The Play Close is now within the new town centre order.' } satisfies z.input<typeof DischargePspoRequest>;

export const BREACH_REQUEST_EXAMPLE = {
  occurredOn: BREACH_EXAMPLE.occurredOn,
  offence: BREACH_EXAMPLE.offence,
  description: BREACH_EXAMPLE.description,
  fixedPenalty: BREACH_EXAMPLE.fixedPenalty,
} satisfies z.input<typeof RecordBreachRequest>;

/** What the body parser answers before any route sees a body over its limit. */
export const TOO_LARGE_EXAMPLE = {
  type: 'https://asb-case-service.example/problems/http-413',
  title: 'Http',
  status: 413,
  detail: 'request entity too large',
  instance: '/pspos',
} satisfies z.input<typeof Problem>;
