import { datesInWords, displayDate, displayDateTime } from '../../apps/web/src/rendering/dates';
import { inWords } from '../../apps/web/src/rendering/words';
import { CASE_CATEGORIES, CASE_STAGES, CASE_TYPES, DEADLINE_STATUSES, FORUMS, RISK_LEVELS } from '../../libs/domain/src';

describe('the console writes dates and stored values as GOV.UK does', () => {
  it('writes a calendar date as itself and an instant as the day it is in England', () => {
    expect(displayDate('2026-12-10')).toBe('10 December 2026');
    // 23:30 on 30 June in UTC is already 1 July in England (BST).
    expect(displayDate('2026-06-30T23:30:00.000Z')).toBe('1 July 2026');
    expect(displayDate('2026-12-31T23:30:00.000Z')).toBe('31 December 2026');
  });

  it('writes a time of day in England, am or pm, and midday and midnight in words', () => {
    expect(displayDateTime('2026-12-10T14:05:00.000Z')).toBe('10 December 2026 at 2:05pm');
    expect(displayDateTime('2026-07-01T11:00:00.000Z')).toBe('1 July 2026 at midday');
    expect(displayDateTime('2026-12-10T00:00:00.000Z')).toBe('10 December 2026 at midnight');
    expect(displayDateTime('2026-12-10T00:15:00.000Z')).toBe('10 December 2026 at 12:15am');
  });

  it('writes the dates and risk levels of a recorded sentence in words', () => {
    expect(datesInWords('Case review due on 2026-12-08 was missed')).toBe('Case review due on 8 December 2026 was missed');
    expect(datesInWords('case opened: noise dispute, HIGH risk')).toBe('Case opened: noise dispute, high risk');
  });

  it('puts every stored value the pages show into words, never its code', () => {
    const codes = [...CASE_TYPES, ...CASE_CATEGORIES, ...CASE_STAGES, ...RISK_LEVELS, ...FORUMS, ...DEADLINE_STATUSES];
    for (const code of codes) expect(inWords(code)).not.toMatch(/_|^[A-Z]{2,}[A-Z]+$/u);
    expect(inWords('ANTI_SOCIAL_BEHAVIOUR')).toBe('Anti-social behaviour');
    expect(inWords('NOISE_DISPUTE')).toBe('Noise dispute');
    expect(inWords('PENDING')).toBe('Due');
  });
});
