import { decisionToRecord, groundsOfDuplicate, type OpenCaseOutline, possibleDuplicates, sameAddress, samePerson, undecidedDuplicates } from '../../libs/domain/src';

const existing = (reference: string, outline: Partial<OpenCaseOutline>, openedAt = '2026-11-02T10:00:00.000Z'): OpenCaseOutline => ({
  reference,
  team: 'north',
  stage: 'ACTIVE',
  openedAt,
  complainants: [],
  subjects: [],
  ...outline,
});

describe('what makes a new report look like an open case', () => {
  it('takes a person for the same one whatever the order, case, accents or punctuation of the name, unless two dates of birth differ', () => {
    expect(samePerson({ name: 'Rory Baines' }, { name: 'BAINES, Rory' })).toBe(true);
    expect(samePerson({ name: 'Zoë O’Neill' }, { name: 'zoe oneill' })).toBe(true);
    expect(samePerson({ name: 'Zoë Neill' }, { name: 'Zoe Neill' })).toBe(true);
    expect(samePerson({ name: 'Rory Baines', dateOfBirth: '1988-02-03' }, { name: 'Rory Baines' })).toBe(true);
    expect(samePerson({ name: 'Rory Baines', dateOfBirth: '1988-02-03' }, { name: 'Rory Baines', dateOfBirth: '2001-09-30' })).toBe(false);
    expect(samePerson({ name: 'Rory Baines' }, { name: 'Rory Bains' })).toBe(false);
    expect(samePerson({ name: '  ' }, { name: '' })).toBe(false);
  });

  it('takes an address for the same place when one is the other with less written, or the postcode and house number agree', () => {
    expect(sameAddress('12 Sandy Lane', '12 Sandy Lane, Melton Mowbray LE13 0AH')).toBe(true);
    expect(sameAddress('12 sandy lane melton mowbray', '12 Sandy Lane, Melton Mowbray')).toBe(true);
    expect(sameAddress('12 Sandy Ln, LE13 0AH', '12 Sandy Lane, Melton Mowbray LE130AH')).toBe(true);
    expect(sameAddress('14 Sandy Lane, LE13 0AH', '12 Sandy Lane, LE13 0AH')).toBe(false);
    expect(sameAddress('Flat 2, 12 Sandy Lane', '12 Sandy Lane')).toBe(false);
    expect(sameAddress('Sandy', 'Sandy Lane')).toBe(false);
    expect(sameAddress('12 Sandy Lane', '12 Sandy Lanes')).toBe(false);
  });

  it('names every ground a report shares with a case', () => {
    const report = { complainants: [{ name: 'Morgan Ellis' }], subjects: [{ name: 'Rory Baines', dateOfBirth: '1988-02-03' }], address: '12 Sandy Lane' };
    expect(groundsOfDuplicate(report, { complainants: [{ name: 'Ellis Morgan' }], subjects: [{ name: 'Rory Baines' }], address: '12 Sandy Lane, Melton Mowbray' })).toEqual([
      'COMPLAINANT',
      'SUBJECT',
      'ADDRESS',
    ]);
    expect(groundsOfDuplicate(report, { complainants: [], subjects: [{ name: 'Rory Baines', dateOfBirth: '1970-01-01' }] })).toEqual([]);
    expect(groundsOfDuplicate({ complainants: [], subjects: [] }, { complainants: [], subjects: [], address: '12 Sandy Lane' })).toEqual([]);
  });

  it('lists the matches with most grounds first, then the newest, and leaves out the cases that share nothing', () => {
    const report = { complainants: [{ name: 'Morgan Ellis' }], subjects: [], address: '12 Sandy Lane' };
    const matches = possibleDuplicates(report, [
      existing('ASB-2026-000001', { address: '12 Sandy Lane' }, '2026-10-01T09:00:00.000Z'),
      existing('ASB-2026-000002', { address: '12 Sandy Lane', complainants: [{ name: 'Morgan Ellis' }] }, '2026-09-01T09:00:00.000Z'),
      existing('ASB-2026-000003', { address: '12 Sandy Lane' }, '2026-11-01T09:00:00.000Z'),
      existing('ASB-2026-000004', { address: '40 Nottingham Road' }),
    ]);
    expect(matches.map((match) => [match.reference, match.matchedOn])).toEqual([
      ['ASB-2026-000002', ['COMPLAINANT', 'ADDRESS']],
      ['ASB-2026-000003', ['ADDRESS']],
      ['ASB-2026-000001', ['ADDRESS']],
    ]);
  });
});

describe('deciding about the matches', () => {
  const matches = possibleDuplicates({ complainants: [], subjects: [], address: '12 Sandy Lane' }, [
    existing('ASB-2026-000001', { address: '12 Sandy Lane' }),
    existing('ASB-2026-000002', { address: '12 Sandy Lane' }),
  ]);

  it('holds the opening back until every match is decided about', () => {
    expect(undecidedDuplicates(matches, undefined).map((match) => match.reference)).toEqual(['ASB-2026-000001', 'ASB-2026-000002']);
    expect(undecidedDuplicates(matches, { decision: 'OPEN_ANYWAY', references: ['ASB-2026-000001'], reason: 'Another flat.' }).map((match) => match.reference)).toEqual(['ASB-2026-000002']);
    expect(undecidedDuplicates(matches, { decision: 'OPEN_ANYWAY', references: ['ASB-2026-000001', 'ASB-2026-000002'], reason: 'Another flat.' })).toEqual([]);
    expect(undecidedDuplicates([], undefined)).toEqual([]);
  });

  it('records the decision about the cases that still match, and nothing when none does', () => {
    const decided = { decision: 'OPEN_AND_LINK' as const, references: ['ASB-2026-000002', 'ASB-2026-000009'], reason: 'Same dog.' };
    expect(decisionToRecord(matches, decided)).toEqual({ decision: 'OPEN_AND_LINK', references: ['ASB-2026-000002'], reason: 'Same dog.' });
    expect(decisionToRecord([], decided)).toBeUndefined();
    expect(decisionToRecord(matches, undefined)).toBeUndefined();
  });
});
