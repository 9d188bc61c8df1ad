import {
  dischargePspo,
  extendPspo,
  PSPO_DEADLINE_CATALOGUE,
  PSPO_LOCAL_POLICY_VERSIONS,
  type PspoBreach,
  pspoDeadlines,
  pspoLocalPolicyOn,
  pspoRemindersDue,
  pspoStatistics,
  recordPspoConsultation,
} from '../../libs/domain/src';
import { accepted, CONSULTED, d, madePspo } from './pspo-builder';

// Made 15 January 2026, in force to 14 January 2029: consultation due 16 October 2028 (90 days before),
// each reminded 28 days ahead: the consultation from 18 September 2028, the expiry from 17 December 2028.
const pspo = madePspo();
const withExtensionConsultation = accepted(
  recordPspoConsultation(pspo, { id: 'C-EXT-1', purpose: 'EXTEND', publishedOn: d('2028-08-01'), closedOn: d('2028-09-30'), consultees: [...CONSULTED] }, d('2028-10-01')),
);

describe('the PSPO numbers a partnership sets (local policy, its own versions)', () => {
  it('are 90 days’ consultation lead and 28 days’ reminder in pspo-2026.1, from 1 January 2026', () => {
    expect(PSPO_LOCAL_POLICY_VERSIONS).toEqual([{ id: 'pspo-2026.1', effectiveFrom: '2026-01-01', consultationLeadDays: 90, reminderDaysAhead: 28 }]);
    expect(() => pspoLocalPolicyOn(d('2025-12-31'))).toThrow(/no PSPO policy version is in force on 2025-12-31/);
  });
});

describe('the deadlines of a PSPO, in the deadline catalogue’s shape', () => {
  it('are the consultation (a duty of the owner) and the expiry (a period)', () => {
    expect(PSPO_DEADLINE_CATALOGUE.PSPO_CONSULTATION).toEqual({ nature: 'DUTY', title: 'Consultation on extending the PSPO closed', alert: 'PSPO_OWNER' });
    expect(PSPO_DEADLINE_CATALOGUE.PSPO_EXPIRY.nature).toBe('PERIOD');
    expect(pspoDeadlines(pspo, d('2026-01-15')).map(({ kind, dueOn, remindOn, dueAt }) => ({ kind, dueOn, remindOn, dueAt }))).toEqual([
      { kind: 'PSPO_CONSULTATION', dueOn: '2028-10-16', remindOn: '2028-09-18', dueAt: '2028-10-16T22:59:59.999Z' },
      { kind: 'PSPO_EXPIRY', dueOn: '2029-01-14', remindOn: '2028-12-17', dueAt: '2029-01-14T23:59:59.999Z' },
    ]);
  });

  it('drop the consultation once one on extending is recorded, and none remain once the order is discharged or expired', () => {
    expect(pspoDeadlines(withExtensionConsultation, d('2028-10-01')).map((deadline) => deadline.kind)).toEqual(['PSPO_EXPIRY']);
    expect(pspoDeadlines(pspo, d('2029-01-15'))).toEqual([]);
  });

  it('ask for a new consultation after an extension, even with an unused one from before it on the record', () => {
    const spare = accepted(recordPspoConsultation(withExtensionConsultation, { id: 'C-EXT-SPARE', purpose: 'EXTEND', publishedOn: d('2028-08-01'), closedOn: d('2028-09-15'), consultees: [...CONSULTED] }, d('2028-10-01')));
    const extended = accepted(extendPspo(spare, { decidedOn: d('2028-11-01'), decidedBy: 'head.of.service', reason: 'Still needed', consultationId: 'C-EXT-1', expiresOn: d('2032-01-14') }, d('2028-11-01')));
    expect(pspoDeadlines(extended, d('2028-11-01')).map((deadline) => deadline.kind)).toEqual(['PSPO_CONSULTATION', 'PSPO_EXPIRY']);
  });

  it('are planned again for the new period after an extension, with new ids', () => {
    const extended = accepted(extendPspo(withExtensionConsultation, { decidedOn: d('2028-11-01'), decidedBy: 'head.of.service', reason: 'Still needed', consultationId: 'C-EXT-1', expiresOn: d('2032-01-14') }, d('2028-11-01')));
    expect(pspoDeadlines(extended, d('2028-11-01')).map(({ id, kind, dueOn }) => ({ id, kind, dueOn }))).toEqual([
      { id: 'PSPO-2026-001:PSPO_CONSULTATION:2032-01-14', kind: 'PSPO_CONSULTATION', dueOn: '2031-10-16' },
      { id: 'PSPO-2026-001:PSPO_EXPIRY:2032-01-14', kind: 'PSPO_EXPIRY', dueOn: '2032-01-14' },
    ]);
  });
});

describe('the reminders a PSPO owner is due', () => {
  it('has none before the consultation’s reminder day', () => {
    expect(pspoRemindersDue([pspo], d('2028-09-17'))).toEqual([]);
  });

  it('reminds the owner of the consultation from 28 days before it is due', () => {
    expect(pspoRemindersDue([pspo], d('2028-09-18')).map(({ kind, to, overdue, deadline }) => ({ kind, to, overdue, dueOn: deadline.dueOn }))).toEqual([
      { kind: 'CONSULTATION_DUE', to: 'sam.patel', overdue: false, dueOn: '2028-10-16' },
    ]);
  });

  it('keeps reminding, as overdue, after the consultation’s day until one is recorded', () => {
    expect(pspoRemindersDue([pspo], d('2028-10-17')).map(({ kind, overdue }) => ({ kind, overdue }))).toEqual([{ kind: 'CONSULTATION_DUE', overdue: true }]);
    expect(pspoRemindersDue([withExtensionConsultation], d('2028-10-17'))).toEqual([]);
  });

  it('reminds the owner that the order is expiring from 28 days before its last day, through that day', () => {
    expect(pspoRemindersDue([withExtensionConsultation], d('2028-12-16'))).toEqual([]);
    expect(pspoRemindersDue([withExtensionConsultation], d('2028-12-17')).map(({ kind, overdue }) => ({ kind, overdue }))).toEqual([{ kind: 'EXPIRY_APPROACHING', overdue: false }]);
    expect(pspoRemindersDue([withExtensionConsultation], d('2029-01-14')).map(({ kind }) => kind)).toEqual(['EXPIRY_APPROACHING']);
    expect(pspoRemindersDue([withExtensionConsultation], d('2029-01-15'))).toEqual([]);
  });
});

describe('PSPO statistics', () => {
  const market = madePspo({ id: 'PSPO-2026-002', title: 'Market Place', madeOn: d('2026-03-01'), expiresOn: d('2027-02-28') }, d('2026-03-01'));
  const park = madePspo({ id: 'PSPO-2026-003', title: 'Egerton Park', madeOn: d('2026-02-01'), expiresOn: d('2026-11-30') }, d('2026-02-01'));
  const parkConsulted = accepted(recordPspoConsultation(park, { id: 'C-DIS', purpose: 'DISCHARGE', publishedOn: d('2026-05-01'), closedOn: d('2026-06-01'), consultees: [...CONSULTED] }, d('2026-06-02')));
  const parkDischarged = accepted(dischargePspo(parkConsulted, { decidedOn: d('2026-07-01'), decidedBy: 'head.of.service', reason: 'Works finished', consultationId: 'C-DIS' }, d('2026-07-01')));
  const breach = (id: string, pspoId: string, amountPounds?: number): PspoBreach => ({
    id,
    pspoId,
    occurredOn: d('2026-06-10'),
    offence: 'FAILURE_TO_COMPLY',
    description: 'Dog off the lead',
    recordedBy: 'officer.jones',
    ...(amountPounds === undefined ? {} : { fixedPenalty: { issuedOn: d('2026-06-10'), amountPounds } }),
  });
  const breaches = [breach('B-1', 'PSPO-2026-001', 100), breach('B-2', 'PSPO-2026-001', 75.5), breach('B-3', 'PSPO-2026-001'), breach('B-4', 'PSPO-2026-002', 100), breach('B-5', 'PSPO-2026-003'), breach('B-6', 'PSPO-2099-999', 100)];

  it('counts the orders in force, those expiring within N days, and breaches and fixed penalties by order', () => {
    const stats = pspoStatistics([pspo, market, parkDischarged], breaches, d('2026-12-01'), 90);
    expect(stats).toMatchObject({ on: '2026-12-01', inForce: 2, expiringWithin: { days: 90, pspoIds: ['PSPO-2026-002'] }, breaches: 5, fixedPenalties: 3, fixedPenaltyPounds: 275.5 });
    expect(stats.byPspo.map(({ pspoId, status, breaches: count, fixedPenalties, fixedPenaltyPounds }) => [pspoId, status, count, fixedPenalties, fixedPenaltyPounds])).toEqual([
      ['PSPO-2026-001', 'IN_FORCE', 3, 2, 175.5],
      ['PSPO-2026-002', 'IN_FORCE', 1, 1, 100],
      ['PSPO-2026-003', 'DISCHARGED', 1, 0, 0],
    ]);
  });

  it('counts an order whose last day is the Nth day as expiring within N days, and not one a day later', () => {
    // 90 days from 1 December 2026, that day counted, end on 28 February 2027: the market order's last day.
    expect(pspoStatistics([market], [], d('2026-12-01'), 90).expiringWithin.pspoIds).toEqual(['PSPO-2026-002']);
    expect(pspoStatistics([market], [], d('2026-11-30'), 90).expiringWithin.pspoIds).toEqual([]);
  });

  it('adds fixed penalties in pence, so £0.10 and £0.20 make £0.30', () => {
    expect(pspoStatistics([pspo], [breach('B-1', 'PSPO-2026-001', 0.1), breach('B-2', 'PSPO-2026-001', 0.2)], d('2026-12-01'), 30).fixedPenaltyPounds).toBe(0.3);
  });
});
