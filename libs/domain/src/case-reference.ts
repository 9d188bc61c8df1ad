/** `ASB-2026-000123`: the reference caseworkers quote, and the case workflow's id. */
export const CASE_REFERENCE_PATTERN = /^ASB-(\d{4})-(\d{6})$/;

export function formatCaseReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`case reference year must have four digits: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`case sequence out of range for ${year}: ${sequence}`);
  }
  return `ASB-${year}-${String(sequence).padStart(6, '0')}`;
}

export function isCaseReference(value: string): boolean {
  return CASE_REFERENCE_PATTERN.test(value);
}
