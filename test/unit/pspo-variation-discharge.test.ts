import { dischargePspo, expirePspo, type Pspo, pspoStatusOn, recordPspoConsultation, varyPspo } from '../../libs/domain/src';
import { accepted, CONSULTED, d, madePspo, refusedWith } from './pspo-builder';

const consulted = (pspo: Pspo, id: string, purpose: 'EXTEND' | 'VARY' | 'DISCHARGE'): Pspo =>
  accepted(recordPspoConsultation(pspo, { id, purpose, publishedOn: d('2027-02-01'), closedOn: d('2027-03-15'), consultees: [...CONSULTED] }, d('2027-03-16')));
const decision = (consultationId: string) => ({ decidedOn: d('2027-04-01'), decidedBy: 'head.of.service', reason: 'Consultation responses support it', consultationId });

describe('varying a PSPO (s.61): after a consultation on varying it', () => {
  it('adds a prohibition and keeps what it leaves out, with the decision on the record', () => {
    const before = consulted(madePspo(), 'C-VARY', 'VARY');
    const varied = accepted(varyPspo(before, { ...decision('C-VARY'), prohibitions: [...before.prohibitions, 'Riding a bicycle in the Market Place'] }, d('2027-04-01')));
    expect(varied.prohibitions).toEqual(['Consuming alcohol when asked by an authorised officer to stop', 'Riding a bicycle in the Market Place']);
    expect(varied.requirements).toEqual(before.requirements);
    expect(varied.area).toEqual(before.area);
    expect(varied.expiresOn).toBe('2029-01-14');
    expect(varied.decisions.at(-1)).toMatchObject({ kind: 'VARY', on: '2027-04-01', consultationId: 'C-VARY' });
  });

  it('reduces the area, a new map validated as at making', () => {
    const before = consulted(madePspo(), 'C-VARY', 'VARY');
    expect(accepted(varyPspo(before, { ...decision('C-VARY'), area: { description: 'The Market Place only' } }, d('2027-04-01'))).area).toEqual({ description: 'The Market Place only' });
    expect(refusedWith(varyPspo(before, { ...decision('C-VARY'), area: { description: 'The Market Place', geometry: { type: 'Polygon', coordinates: [] } } }, d('2027-04-01')))).toBe('PSPO_AREA_SHAPE_INVALID');
  });

  it('refuses a variation without a consultation on varying (one on discharging will not do)', () => {
    expect(refusedWith(varyPspo(madePspo(), { ...decision('C-VARY'), prohibitions: ['Riding a bicycle'] }, d('2027-04-01')))).toBe('PSPO_NOT_CONSULTED');
    expect(refusedWith(varyPspo(consulted(madePspo(), 'C-DIS', 'DISCHARGE'), { ...decision('C-DIS'), prohibitions: ['Riding a bicycle'] }, d('2027-04-01')))).toBe('PSPO_NOT_CONSULTED');
  });

  it('refuses a variation that changes nothing, and one that would leave nothing prohibited or required', () => {
    const before = consulted(madePspo(), 'C-VARY', 'VARY');
    expect(refusedWith(varyPspo(before, { ...decision('C-VARY'), prohibitions: [...before.prohibitions] }, d('2027-04-01')))).toBe('PSPO_VARIATION_CHANGES_NOTHING');
    const sameAreaKeysReordered = { geometry: before.area.geometry!, description: before.area.description };
    expect(refusedWith(varyPspo(before, { ...decision('C-VARY'), area: sameAreaKeysReordered }, d('2027-04-01')))).toBe('PSPO_VARIATION_CHANGES_NOTHING');
    expect(refusedWith(varyPspo(before, { ...decision('C-VARY'), prohibitions: [], requirements: [] }, d('2027-04-01')))).toBe('PSPO_NOTHING_PROHIBITED_OR_REQUIRED');
  });

  it('refuses a variation of an order that has expired', () => {
    const before = consulted(madePspo(), 'C-VARY', 'VARY');
    expect(refusedWith(varyPspo(before, { ...decision('C-VARY'), decidedOn: d('2029-01-15'), prohibitions: ['Riding a bicycle'] }, d('2029-01-15')))).toBe('PSPO_NOT_IN_FORCE');
  });
});

describe('discharging a PSPO (s.61): after a consultation on discharging it', () => {
  it('discharges it from the day decided', () => {
    const discharged = accepted(dischargePspo(consulted(madePspo(), 'C-DIS', 'DISCHARGE'), decision('C-DIS'), d('2027-04-01')));
    expect(discharged).toMatchObject({ status: 'DISCHARGED', dischargedOn: '2027-04-01' });
    expect(pspoStatusOn(discharged, d('2027-03-31'))).toBe('IN_FORCE');
    expect(pspoStatusOn(discharged, d('2027-04-01'))).toBe('DISCHARGED');
    expect(discharged.decisions.at(-1)).toMatchObject({ kind: 'DISCHARGE', consultationId: 'C-DIS' });
  });

  it('refuses a discharge without a consultation on discharging', () => {
    expect(refusedWith(dischargePspo(madePspo(), decision('C-DIS'), d('2027-04-01')))).toBe('PSPO_NOT_CONSULTED');
    expect(refusedWith(dischargePspo(consulted(madePspo(), 'C-VARY', 'VARY'), decision('C-VARY'), d('2027-04-01')))).toBe('PSPO_NOT_CONSULTED');
  });

  it('refuses anything further on a discharged order: no second discharge, no extension, no variation', () => {
    const pspo = consulted(consulted(madePspo(), 'C-DIS', 'DISCHARGE'), 'C-VARY', 'VARY');
    const discharged = accepted(dischargePspo(pspo, decision('C-DIS'), d('2027-04-01')));
    expect(refusedWith(dischargePspo(discharged, decision('C-DIS'), d('2027-04-02')))).toBe('PSPO_NOT_IN_FORCE');
    expect(refusedWith(varyPspo(discharged, { ...decision('C-VARY'), decidedOn: d('2027-03-31'), prohibitions: ['x'] }, d('2027-04-02')))).toBe('PSPO_NOT_IN_FORCE');
  });
});

describe('an order lapsing at its expiry (s.60(1))', () => {
  it('is recorded as expired after its last day, not on it, and never once discharged', () => {
    expect(refusedWith(expirePspo(madePspo(), d('2029-01-14')))).toBe('PSPO_NOT_YET_EXPIRED');
    expect(accepted(expirePspo(madePspo(), d('2029-01-15'))).status).toBe('EXPIRED');
    const discharged = accepted(dischargePspo(consulted(madePspo(), 'C-DIS', 'DISCHARGE'), decision('C-DIS'), d('2027-04-01')));
    expect(refusedWith(expirePspo(discharged, d('2029-01-15')))).toBe('PSPO_NOT_IN_FORCE');
  });
});
