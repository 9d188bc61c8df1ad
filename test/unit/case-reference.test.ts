import { formatCaseReference, isCaseReference } from '../../libs/domain/src';

describe('case references', () => {
  it('pads the sequence to six digits', () => {
    expect(formatCaseReference(2026, 123)).toBe('ASB-2026-000123');
    expect(formatCaseReference(2026, 1)).toBe('ASB-2026-000001');
    expect(formatCaseReference(2027, 999_999)).toBe('ASB-2027-999999');
  });

  it.each([0, -1, 1_000_000, 1.5, Number.NaN])('refuses sequence %p', (sequence) => {
    expect(() => formatCaseReference(2026, sequence)).toThrow(RangeError);
  });

  it.each([26, 999, 10_000, 2026.5])('refuses year %p, which would make a reference nobody could look up', (year) => {
    expect(() => formatCaseReference(year, 1)).toThrow(/four digits/);
  });

  it('recognises a reference it formatted', () => {
    expect(isCaseReference(formatCaseReference(2026, 42))).toBe(true);
  });

  it.each(['ASB-2026-123', 'ASB-26-000123', 'asb-2026-000123', 'ASB-2026-0001234', ' ASB-2026-000123', 'ASB-2026-000123\n', ''])(
    'does not take %p for a case reference',
    (value) => {
      expect(isCaseReference(value)).toBe(false);
    },
  );
});
