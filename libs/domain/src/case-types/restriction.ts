import type { CaseType } from '../case-classification';
import { processOf } from './processes';

/** How restricted a type's information is: the access rules are built on this, and on nothing else here. */
export function restrictionOf(type: CaseType): 'OPEN' | 'RESTRICTED' {
  return processOf(type).restriction;
}
