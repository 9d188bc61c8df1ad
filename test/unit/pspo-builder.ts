import { localDate, type LocalDate, makePspo, type MakePspoCommand, type Pspo, type PspoOutcome, type PspoGeometry } from '../../libs/domain/src';

export const d = localDate;

/** A small square in Melton Mowbray town centre (longitude, latitude), closed. */
export const TOWN_CENTRE: PspoGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [-0.889, 52.765],
      [-0.883, 52.765],
      [-0.883, 52.769],
      [-0.889, 52.769],
      [-0.889, 52.765],
    ],
  ],
};

export const CONSULTED = ['CHIEF_OFFICER_OF_POLICE', 'LOCAL_POLICING_BODY', 'COMMUNITY_REPRESENTATIVES'] as const;

/** Melton town centre's order, made on 15 January 2026 for the full 3 years (to 14 January 2029). */
export function makeCommand(overrides: Partial<MakePspoCommand> = {}): MakePspoCommand {
  return {
    id: 'PSPO-2026-001',
    title: 'Melton Mowbray town centre PSPO',
    area: { description: 'Melton Mowbray town centre within the ring road, as shown on the map', geometry: TOWN_CENTRE },
    prohibitions: ['Consuming alcohol when asked by an authorised officer to stop'],
    requirements: ['Keeping a dog on a lead of no more than 2 metres'],
    madeOn: d('2026-01-15'),
    expiresOn: d('2029-01-14'),
    owner: 'sam.patel',
    madeBy: 'head.of.service',
    reason: 'Street drinking and loose dogs in the market place, persistent since 2024',
    consultation: { id: 'C-MAKE', publishedOn: d('2025-10-01'), closedOn: d('2025-11-12'), consultees: [...CONSULTED] },
    ...overrides,
  };
}

export function accepted<T>(decision: PspoOutcome<T>): T {
  if (!decision.ok) throw new Error(`refused: ${decision.refusal.condition}: ${decision.refusal.message}`);
  return decision.value;
}

export function refusedWith<T>(decision: PspoOutcome<T>): string {
  if (decision.ok) throw new Error('accepted, but a refusal was expected');
  return decision.refusal.condition;
}

export function madePspo(overrides: Partial<MakePspoCommand> = {}, today: LocalDate = d('2026-01-15')): Pspo {
  return accepted(makePspo(makeCommand(overrides), today));
}
