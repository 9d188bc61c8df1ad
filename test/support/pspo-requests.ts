import { addDays, latestPspoExpiry, type LocalDate, londonDateOf } from '../../libs/domain/src';

/** The consultees s.72(3), (4) requires. */
export const PSPO_CONSULTEES = ['CHIEF_OFFICER_OF_POLICE', 'LOCAL_POLICING_BODY', 'COMMUNITY_REPRESENTATIVES'];

export const todayInEngland = (): LocalDate => londonDateOf(new Date());

/** An order made today for as long as the law allows (3 years, the day made counted), consulted on beforehand, owned by jo.bennett (deploy/local/directory.json). */
export function pspoOrder(overrides: Record<string, unknown> = {}) {
  const today = todayInEngland();
  return {
    title: 'Town centre alcohol and dog control',
    area: {
      description: 'The Market Place and the Play Close, as on the map.',
      geometry: { type: 'Polygon', coordinates: [[[-0.888, 52.7665], [-0.8835, 52.7665], [-0.8835, 52.7635], [-0.888, 52.7665]]] },
    },
    prohibitions: ['Drinking alcohol after being asked to stop by an authorised officer'],
    requirements: ['A dog is kept on a lead in the Play Close'],
    madeOn: today,
    expiresOn: latestPspoExpiry(today),
    owner: 'jo.bennett',
    reason: 'Street drinking and dogs off leads, reported weekly since spring.',
    consultation: { publishedOn: addDays(today, -60), closedOn: addDays(today, -1), consultees: PSPO_CONSULTEES },
    ...overrides,
  };
}

/** A consultation on a decision about an order, published and closed today. */
export const pspoConsultation = (purpose: 'EXTEND' | 'VARY' | 'DISCHARGE') => ({ purpose, publishedOn: todayInEngland(), closedOn: todayInEngland(), consultees: PSPO_CONSULTEES });

/** A breach today, with a fixed penalty issued today of `amountPounds` (left out: the maximum). */
export const pspoBreach = (amountPounds?: number) => ({
  occurredOn: todayInEngland(),
  offence: 'FAILURE_TO_COMPLY',
  description: 'Drinking from an open can on the station steps; did not stop when asked.',
  fixedPenalty: { issuedOn: todayInEngland(), ...(amountPounds === undefined ? {} : { amountPounds }) },
});
