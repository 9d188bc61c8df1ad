import { humanise } from '../change';
import type { RefusalCondition } from '../refusal-conditions';
import type { CaseFile, Refusal } from '../state';

export const refuse = (condition: RefusalCondition, message: string): Refusal => ({ condition, message });

/** The file of a closed case is corrected after re-opening it; an anonymised one holds nothing to correct. */
export function correctionRefusal(file: CaseFile): Refusal | undefined {
  if (file.stage === 'ANONYMISED') return refuse('CASE_ANONYMISED', `case ${file.reference} has been anonymised`);
  return file.stage === 'CLOSED' ? refuse('CASE_CLOSED', `case ${file.reference} is ${humanise(file.stage)}: re-open it to correct it`) : undefined;
}
