import { latestPspoExpiry, makePspo, PSPO_REFUSAL_CONDITIONS, pspoGeometryProblem, pspoInForceOn, pspoStatusOn, STATUTORY_RULES_2014_ACT } from '../../libs/domain/src';
import { accepted, d, makeCommand, refusedWith, TOWN_CENTRE } from './pspo-builder';

describe('making a PSPO (s.59), for at most 3 years (s.60(1))', () => {
  it('makes an order in force, with its terms, owner, the consultation it relied on and the decision on the record', () => {
    const pspo = accepted(makePspo(makeCommand(), d('2026-01-15')));
    expect(pspo).toMatchObject({
      id: 'PSPO-2026-001',
      madeOn: '2026-01-15',
      expiresOn: '2029-01-14',
      owner: 'sam.patel',
      status: 'IN_FORCE',
      prohibitions: ['Consuming alcohol when asked by an authorised officer to stop'],
      requirements: ['Keeping a dog on a lead of no more than 2 metres'],
    });
    expect(pspo.area.geometry).toEqual(TOWN_CENTRE);
    expect(pspo.consultations).toEqual([expect.objectContaining({ id: 'C-MAKE', purpose: 'MAKE', usedFor: 'MAKE' })]);
    expect(pspo.decisions).toEqual([expect.objectContaining({ kind: 'MAKE', on: '2026-01-15', by: 'head.of.service', consultationId: 'C-MAKE' })]);
  });

  it('allows the full 3 years, counting the day made: made 15 January 2026, to 14 January 2029', () => {
    expect(latestPspoExpiry(d('2026-01-15'))).toBe('2029-01-14');
    expect(accepted(makePspo(makeCommand({ expiresOn: d('2029-01-14') }), d('2026-01-15'))).expiresOn).toBe('2029-01-14');
  });

  it('refuses a day more than 3 years', () => {
    const decision = makePspo(makeCommand({ expiresOn: d('2029-01-15') }), d('2026-01-15'));
    expect(decision).toEqual({ ok: false, refusal: { condition: 'PSPO_TOO_LONG', message: 'an order made on 2026-01-15 can have effect to 2029-01-14 at the latest' } });
  });

  it('counts 3 years across leap days: from 29 February 2028 to 28 February 2031, from 1 March 2029 to 29 February 2032', () => {
    expect(latestPspoExpiry(d('2028-02-29'))).toBe('2031-02-28');
    expect(latestPspoExpiry(d('2028-03-01'))).toBe('2031-02-28');
    expect(latestPspoExpiry(d('2029-03-01'))).toBe('2032-02-29');
  });

  it('takes the 3 years from the statutory rules, cited to s.60', () => {
    expect(STATUTORY_RULES_2014_ACT.pspoMaximumYears).toEqual([{ effectiveFrom: '2014-10-20', value: 3, source: 'Anti-social Behaviour, Crime and Policing Act 2014 s.60(1), (2)' }]);
  });

  it('refuses an expiry on or before the day made', () => {
    expect(refusedWith(makePspo(makeCommand({ expiresOn: d('2026-01-15') }), d('2026-01-15')))).toBe('PSPO_EXPIRY_NOT_AFTER_MADE');
    expect(refusedWith(makePspo(makeCommand({ expiresOn: d('2025-12-31') }), d('2026-01-15')))).toBe('PSPO_EXPIRY_NOT_AFTER_MADE');
  });

  it('refuses an order that prohibits nothing and requires nothing, blank lines counting as nothing', () => {
    expect(refusedWith(makePspo(makeCommand({ prohibitions: [], requirements: [] }), d('2026-01-15')))).toBe('PSPO_NOTHING_PROHIBITED_OR_REQUIRED');
    expect(refusedWith(makePspo(makeCommand({ prohibitions: ['  '], requirements: [''] }), d('2026-01-15')))).toBe('PSPO_NOTHING_PROHIBITED_OR_REQUIRED');
  });

  it('makes an order with only prohibitions, or only requirements', () => {
    expect(accepted(makePspo(makeCommand({ requirements: [] }), d('2026-01-15'))).requirements).toEqual([]);
    expect(accepted(makePspo(makeCommand({ prohibitions: [] }), d('2026-01-15'))).prohibitions).toEqual([]);
  });

  it('refuses an area without a description, and makes one without a map', () => {
    expect(refusedWith(makePspo(makeCommand({ area: { description: ' ', geometry: TOWN_CENTRE } }), d('2026-01-15')))).toBe('PSPO_AREA_DESCRIPTION_REQUIRED');
    expect(accepted(makePspo(makeCommand({ area: { description: 'Play areas in Egerton Park' } }), d('2026-01-15'))).area).toEqual({ description: 'Play areas in Egerton Park' });
  });

  it('refuses a map that is not a valid polygon, saying what is wrong', () => {
    const open = { type: 'Polygon', coordinates: [[[-0.889, 52.765], [-0.883, 52.765], [-0.883, 52.769], [-0.889, 52.769]]] };
    const decision = makePspo(makeCommand({ area: { description: 'Town centre', geometry: open as never } }), d('2026-01-15'));
    expect(decision).toEqual({ ok: false, refusal: { condition: 'PSPO_AREA_SHAPE_INVALID', message: 'the polygon, ring 1 is not closed: its last position must repeat its first' } });
  });

  it('refuses an order not yet made, one without an owner, and one without its reason', () => {
    expect(refusedWith(makePspo(makeCommand(), d('2026-01-14')))).toBe('PSPO_MADE_IN_FUTURE');
    expect(refusedWith(makePspo(makeCommand({ owner: ' ' }), d('2026-01-15')))).toBe('PSPO_OWNER_REQUIRED');
    expect(refusedWith(makePspo(makeCommand({ reason: '' }), d('2026-01-15')))).toBe('PSPO_REASON_REQUIRED');
  });

  it('refuses an order made without the necessary consultation (s.72(3), (4))', () => {
    const consultation = makeCommand().consultation;
    const withoutPolice = makePspo(makeCommand({ consultation: { ...consultation, consultees: ['LOCAL_POLICING_BODY', 'COMMUNITY_REPRESENTATIVES'] } }), d('2026-01-15'));
    expect(withoutPolice).toEqual({ ok: false, refusal: { condition: 'PSPO_CONSULTATION_INCOMPLETE', message: 'not consulted: chief officer of police' } });
    expect(refusedWith(makePspo(makeCommand({ consultation: { ...consultation, publishedOn: d('2025-11-13') } }), d('2026-01-15')))).toBe('PSPO_CONSULTATION_INCOMPLETE');
    expect(refusedWith(makePspo(makeCommand({ consultation: { ...consultation, closedOn: d('2026-01-16') } }), d('2026-01-16')))).toBe('PSPO_CONSULTATION_NOT_CLOSED');
  });

  it('has a sentence for every PSPO refusal condition', () => {
    for (const sentence of Object.values(PSPO_REFUSAL_CONDITIONS)) expect(sentence).toMatch(/^[A-Z].*\.$/);
  });
});

describe('the status of an order on a day', () => {
  const pspo = accepted(makePspo(makeCommand(), d('2026-01-15')));

  it('is in force from the day made through its last day, and expired after it', () => {
    expect(pspoStatusOn(pspo, d('2029-01-14'))).toBe('IN_FORCE');
    expect(pspoStatusOn(pspo, d('2029-01-15'))).toBe('EXPIRED');
    expect(pspoInForceOn(pspo, d('2026-01-15'))).toBe(true);
    expect(pspoInForceOn(pspo, d('2026-01-14'))).toBe(false);
  });
});

describe('the map of a restricted area (GeoJSON, RFC 7946)', () => {
  it('accepts a Polygon with a hole, and a MultiPolygon', () => {
    const hole = [[-0.887, 52.766], [-0.886, 52.766], [-0.886, 52.767], [-0.887, 52.766]];
    expect(pspoGeometryProblem({ type: 'Polygon', coordinates: [...TOWN_CENTRE.coordinates, hole] })).toBeUndefined();
    expect(pspoGeometryProblem({ type: 'MultiPolygon', coordinates: [TOWN_CENTRE.coordinates, TOWN_CENTRE.coordinates] })).toBeUndefined();
  });

  it('refuses other geometries, empty ones, short rings, bad positions and positions off the globe', () => {
    expect(pspoGeometryProblem({ type: 'Point', coordinates: [-0.88, 52.76] })).toBe('a restricted area is a Polygon or a MultiPolygon, not Point');
    expect(pspoGeometryProblem(null)).toBe('the map is not a GeoJSON object');
    expect(pspoGeometryProblem({ type: 'Polygon', coordinates: [] })).toBe('the polygon has no rings');
    expect(pspoGeometryProblem({ type: 'MultiPolygon', coordinates: [] })).toBe('the multipolygon has no polygons');
    expect(pspoGeometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })).toBe('the polygon, ring 1 needs at least 4 positions');
    expect(pspoGeometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], ['1', 1], [0, 0]]] })).toBe('the polygon, ring 1: a position holds only finite numbers');
    expect(pspoGeometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 91], [0, 0]]] })).toBe('the polygon, ring 1: latitude 91 is outside -90 to 90');
    expect(pspoGeometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [181, 0], [1, 1], [0, 0]]] })).toBe('the polygon, ring 1: longitude 181 is outside -180 to 180');
    expect(pspoGeometryProblem({ type: 'MultiPolygon', coordinates: [TOWN_CENTRE.coordinates, [[[0, 0], [1, 0], [1, 1], [0, 1]]]] })).toBe(
      'polygon 2, ring 1 is not closed: its last position must repeat its first',
    );
  });
});
