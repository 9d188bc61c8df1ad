import type { CaseFile } from '../case-file/state';
import type { CaseTypeProcess } from './process';
import { processOf } from './processes';

/** Which ASB complainant duties a case owes: its type's, or (opened before types had processes) both, as then. */
export function complainantDutiesOf(file: Pick<CaseFile, 'type' | 'typeProcess'>): CaseTypeProcess['complainantDuties'] {
  return file.typeProcess ? processOf(file.type).complainantDuties : { initialContact: true, updates: true };
}
