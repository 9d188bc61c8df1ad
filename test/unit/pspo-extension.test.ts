import { extendPspo, latestExtendedPspoExpiry, type Pspo, pspoConsultationDueOn, recordPspoConsultation } from '../../libs/domain/src';
import { accepted, CONSULTED, d, madePspo, refusedWith } from './pspo-builder';

// Made 15 January 2026, in force to 14 January 2029.
const consulted = (pspo: Pspo, id = 'C-EXT-1', purpose: 'EXTEND' | 'VARY' | 'DISCHARGE' = 'EXTEND', closedOn = d('2028-09-30')): Pspo =>
  accepted(recordPspoConsultation(pspo, { id, purpose, publishedOn: d('2028-08-01'), closedOn, consultees: [...CONSULTED] }, d('2028-10-01')));
const extension = { decidedOn: d('2028-11-01'), decidedBy: 'head.of.service', reason: 'Street drinking persists; recurrence likely without it', consultationId: 'C-EXT-1', expiresOn: d('2032-01-14') };

describe('the consultation on extending a PSPO (s.72), due by local policy before expiry', () => {
  it('is due 90 days before expiry (policy pspo-2026.1): 16 October 2028 for an order ending 14 January 2029', () => {
    expect(pspoConsultationDueOn(madePspo(), d('2026-01-15'))).toBe('2028-10-16');
  });

  it('takes the lead time of a PSPO policy version appended later, from its effective date, for orders already made', () => {
    const versions = [
      { id: 'pspo-2026.1', effectiveFrom: '2026-01-01', consultationLeadDays: 90, reminderDaysAhead: 28 },
      { id: 'pspo-2027.1', effectiveFrom: '2027-04-01', consultationLeadDays: 120, reminderDaysAhead: 28 },
    ];
    expect(pspoConsultationDueOn(madePspo(), d('2027-03-31'), versions)).toBe('2028-10-16');
    expect(pspoConsultationDueOn(madePspo(), d('2027-04-01'), versions)).toBe('2028-09-16');
  });

  it('records a consultation once it has closed, on an order in force', () => {
    expect(consulted(madePspo()).consultations.map((c) => [c.id, c.purpose, c.usedFor])).toEqual([
      ['C-MAKE', 'MAKE', 'MAKE'],
      ['C-EXT-1', 'EXTEND', undefined],
    ]);
  });

  it('refuses a consultation still open, one with an id already used, one leaving out the police, and one on an expired order', () => {
    const record = (pspo: Pspo, id: string, consultees: readonly string[], closedOn: string, today: string) =>
      recordPspoConsultation(pspo, { id, purpose: 'EXTEND', publishedOn: d('2028-08-01'), closedOn: d(closedOn), consultees: consultees as never }, d(today));
    expect(refusedWith(record(madePspo(), 'C-EXT-1', CONSULTED, '2028-10-02', '2028-10-01'))).toBe('PSPO_CONSULTATION_IN_FUTURE');
    expect(refusedWith(record(madePspo(), 'C-MAKE', CONSULTED, '2028-09-30', '2028-10-01'))).toBe('PSPO_CONSULTATION_ID_TAKEN');
    expect(refusedWith(record(madePspo(), 'C-EXT-1', ['LOCAL_POLICING_BODY', 'COMMUNITY_REPRESENTATIVES'], '2028-09-30', '2028-10-01'))).toBe('PSPO_CONSULTATION_INCOMPLETE');
    expect(refusedWith(record(madePspo(), 'C-EXT-1', CONSULTED, '2029-01-10', '2029-01-15'))).toBe('PSPO_NOT_IN_FORCE');
  });
});

describe('extending a PSPO (s.60(2)): before expiry, after consultation, at most 3 years each time', () => {
  it('extends by a further 3 years from the current expiry, however early it is decided, and records the decision', () => {
    expect(latestExtendedPspoExpiry(d('2029-01-14'), d('2028-11-01'))).toBe('2032-01-14');
    const extended = accepted(extendPspo(consulted(madePspo()), extension, d('2028-11-01')));
    expect(extended).toMatchObject({ expiresOn: '2032-01-14', lastExtendedOn: '2028-11-01', status: 'IN_FORCE' });
    expect(extended.consultations.find((c) => c.id === 'C-EXT-1')?.usedFor).toBe('EXTEND');
    expect(extended.decisions.at(-1)).toEqual({ kind: 'EXTEND', on: '2028-11-01', by: 'head.of.service', consultationId: 'C-EXT-1', reason: extension.reason, expiry: { from: '2029-01-14', to: '2032-01-14' } });
  });

  it('may extend for less than 3 years', () => {
    expect(accepted(extendPspo(consulted(madePspo()), { ...extension, expiresOn: d('2030-01-14') }, d('2028-11-01'))).expiresOn).toBe('2030-01-14');
  });

  it('refuses a day more than 3 further years', () => {
    const decision = extendPspo(consulted(madePspo()), { ...extension, expiresOn: d('2032-01-15') }, d('2028-11-01'));
    expect(decision).toEqual({ ok: false, refusal: { condition: 'PSPO_TOO_LONG', message: 'an order running to 2029-01-14 can be extended to 2032-01-14 at the latest' } });
  });

  it('refuses an extension that does not run beyond the current expiry', () => {
    expect(refusedWith(extendPspo(consulted(madePspo()), { ...extension, expiresOn: d('2029-01-14') }, d('2028-11-01')))).toBe('PSPO_EXTENSION_NOT_LATER');
  });

  it('extends on the last day in force, and not the day after', () => {
    const pspo = consulted(madePspo());
    expect(accepted(extendPspo(pspo, { ...extension, decidedOn: d('2029-01-14') }, d('2029-01-14'))).expiresOn).toBe('2032-01-14');
    const late = extendPspo(pspo, { ...extension, decidedOn: d('2029-01-15') }, d('2029-01-15'));
    expect(late).toEqual({ ok: false, refusal: { condition: 'PSPO_NOT_IN_FORCE', message: 'on 2029-01-15 the order was expired (its last day was 2029-01-14)' } });
  });

  it('refuses an extension without a consultation on extending, or with one on varying', () => {
    expect(extendPspo(madePspo(), extension, d('2028-11-01'))).toEqual({ ok: false, refusal: { condition: 'PSPO_NOT_CONSULTED', message: 'no consultation C-EXT-1 on extending the order is recorded' } });
    expect(refusedWith(extendPspo(consulted(madePspo(), 'C-EXT-1', 'VARY'), extension, d('2028-11-01')))).toBe('PSPO_NOT_CONSULTED');
  });

  it('refuses a decision before its consultation closed, a decision dated in the future, and one without a reason', () => {
    const pspo = consulted(madePspo());
    expect(refusedWith(extendPspo(pspo, { ...extension, decidedOn: d('2028-09-29') }, d('2028-11-01')))).toBe('PSPO_CONSULTATION_NOT_CLOSED');
    expect(refusedWith(extendPspo(pspo, extension, d('2028-10-31')))).toBe('PSPO_DECISION_IN_FUTURE');
    expect(refusedWith(extendPspo(pspo, { ...extension, reason: ' ' }, d('2028-11-01')))).toBe('PSPO_REASON_REQUIRED');
  });

  it('needs a new consultation for each extension: the one relied on cannot be used twice', () => {
    const once = accepted(extendPspo(consulted(madePspo()), extension, d('2028-11-01')));
    const again = extendPspo(once, { ...extension, decidedOn: d('2031-11-01'), expiresOn: d('2035-01-14') }, d('2031-11-01'));
    expect(again).toEqual({ ok: false, refusal: { condition: 'PSPO_CONSULTATION_ALREADY_USED', message: 'consultation C-EXT-1 was already relied on when the order was extended' } });
    const reconsulted = accepted(recordPspoConsultation(once, { id: 'C-EXT-2', purpose: 'EXTEND', publishedOn: d('2031-08-01'), closedOn: d('2031-09-30'), consultees: [...CONSULTED] }, d('2031-10-01')));
    expect(accepted(extendPspo(reconsulted, { ...extension, consultationId: 'C-EXT-2', decidedOn: d('2031-11-01'), expiresOn: d('2035-01-14') }, d('2031-11-01'))).expiresOn).toBe('2035-01-14');
  });

  it('refuses a consultation that closed before the last extension: it was about the order as it then stood', () => {
    const twoConsulted = consulted(consulted(madePspo()), 'C-EXT-SPARE', 'EXTEND', d('2028-09-15'));
    const once = accepted(extendPspo(twoConsulted, extension, d('2028-11-01')));
    const stale = extendPspo(once, { ...extension, consultationId: 'C-EXT-SPARE', decidedOn: d('2031-11-01'), expiresOn: d('2035-01-14') }, d('2031-11-01'));
    expect(stale).toEqual({ ok: false, refusal: { condition: 'PSPO_NOT_CONSULTED', message: 'consultation C-EXT-SPARE closed on 2028-09-15, before the order was last made or extended, on 2028-11-01' } });
  });
});
