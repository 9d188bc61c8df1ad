import type { CaseType } from '../case-classification';
import { humanise } from '../case-file/change';
import type { CaseFile, Refusal } from '../case-file/state';

/** A type's own command on a case of another type, or on a case that has ended. */
export function typeCommandRefusal(file: CaseFile, type: CaseType, what: string): Refusal | undefined {
  if (file.type !== type) return { condition: 'NOT_FOR_CASE_TYPE', message: `${what} is recorded on a ${humanise(type)} case; ${file.reference} is ${humanise(file.type)}` };
  return file.stage === 'CLOSED' || file.stage === 'ANONYMISED' ? { condition: 'CASE_CLOSED', message: `case ${file.reference} is ${humanise(file.stage)}` } : undefined;
}
