import type { CaseType } from '../case-classification';
import { processOf } from './processes';

/**
 * How restricted a case type's information is, as its process declares it. Child sexual exploitation and
 * Prevent cases are seen only by the people the partnership names (the `safeguarding` role, and an agency
 * the case is shared with): Working Together to Safeguard Children 2023, ch. 2 and 3, and the Prevent duty
 * guidance 2023, s.4 (a Prevent referral is not a conviction or a label, and its details are shared only
 * as the case needs). docs/restricted-case-types.md says who sees what, and why.
 */
export function restrictionOf(type: CaseType): 'OPEN' | 'RESTRICTED' {
  return processOf(type).restriction;
}
