import { CASE_TYPES, type CaseType } from '../case-classification';
import { restrictionOf } from './restriction';

/** The case types `restrictionOf` restricts, for a query that leaves their cases out (CSE, Prevent). */
export const RESTRICTED_CASE_TYPES: readonly CaseType[] = CASE_TYPES.filter((type) => restrictionOf(type) === 'RESTRICTED');
