import { extendPspo, pspoLapsesAt, pspoNextAlarmAt, pspoRemindersOwedAt, recordPspoConsultation } from '../../libs/domain/src';
import { accepted, CONSULTED, d, madePspo } from './pspo-builder';

// Made 15 January 2026, in force to 14 January 2029: the consultation is due 16 October 2028, its owner
// reminded from 18 September 2028; the expiry reminded from 17 December 2028. Reminders go out at 08:00
// in England (BST in September: 07:00 UTC; GMT in December: 08:00 UTC).
const pspo = madePspo();
const CONSULTATION_REMINDER = new Date('2028-09-18T07:00:00Z');
const EXPIRY_REMINDER = new Date('2028-12-17T08:00:00Z');
const CONSULTATION_KEY = 'PSPO-2026-001:PSPO_CONSULTATION:2029-01-14';

describe('when a PSPO’s workflow wakes, and what it sends', () => {
  it('wakes first for the consultation reminder, at 08:00 in England on its day, and sends nothing before it', () => {
    expect(pspoNextAlarmAt(pspo, new Date('2026-01-15T12:00:00Z'), new Set())).toEqual(CONSULTATION_REMINDER);
    expect(pspoRemindersOwedAt(pspo, new Date(CONSULTATION_REMINDER.getTime() - 1), new Set())).toEqual([]);
    expect(pspoRemindersOwedAt(pspo, CONSULTATION_REMINDER, new Set()).map((reminder) => reminder.deadline.id)).toEqual([CONSULTATION_KEY]);
  });

  it('sends a reminder once: after it, it wakes for the expiry reminder, then for the lapse after the last day', () => {
    const sent = new Set([CONSULTATION_KEY]);
    expect(pspoRemindersOwedAt(pspo, CONSULTATION_REMINDER, sent)).toEqual([]);
    expect(pspoNextAlarmAt(pspo, CONSULTATION_REMINDER, sent)).toEqual(EXPIRY_REMINDER);
    const both = new Set([CONSULTATION_KEY, 'PSPO-2026-001:PSPO_EXPIRY:2029-01-14']);
    expect(pspoNextAlarmAt(pspo, EXPIRY_REMINDER, both)).toEqual(pspoLapsesAt(pspo));
    expect(pspoLapsesAt(pspo)).toEqual(new Date('2029-01-15T00:00:00Z'));
  });

  it('moves every alarm to the new expiry after an extension, and has none once discharged', () => {
    const consulted = accepted(recordPspoConsultation(pspo, { id: 'C2', purpose: 'EXTEND', publishedOn: d('2028-08-01'), closedOn: d('2028-09-30'), consultees: [...CONSULTED] }, d('2028-10-01')));
    const extended = accepted(extendPspo(consulted, { decidedOn: d('2028-10-01'), decidedBy: 'helen.ward', reason: 'Still needed.', consultationId: 'C2', expiresOn: d('2031-01-14') }, d('2028-10-01')));
    // The consultation for the new period is due 16 October 2030, reminded from 18 September 2030.
    expect(pspoNextAlarmAt(extended, new Date('2028-10-01T12:00:00Z'), new Set([CONSULTATION_KEY]))).toEqual(new Date('2030-09-18T07:00:00Z'));
    expect(pspoLapsesAt(extended)).toEqual(new Date('2031-01-15T00:00:00Z'));
    expect(pspoNextAlarmAt({ ...pspo, status: 'DISCHARGED', dischargedOn: d('2027-01-01') }, new Date('2027-01-01T12:00:00Z'), new Set())).toBeUndefined();
  });
});
