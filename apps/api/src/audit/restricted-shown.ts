import { type CaseType, restrictionOf } from '../../../../libs/domain/src';

/** The restricted cases among a list's rows: every view of one is in the audit under its reference, a list's row too. */
export function restrictedShown(rows: readonly { readonly reference: string; readonly type: CaseType }[]): string[] {
  return rows.filter((row) => restrictionOf(row.type) === 'RESTRICTED').map((row) => row.reference);
}
