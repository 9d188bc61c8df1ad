import { ageOn, type LocalDate, londonDateOf } from '../../calendar';
import { ruleOn } from '../../policy/statutory-rules';
import { ENFORCEMENT_STEPS } from '../enforcement/steps';
import type { CaseFile } from '../state';

/** A step already taken that the subject's corrected date of birth would not have allowed, or would have sent elsewhere. */
export interface AgeConflict {
  readonly stepId: string;
  readonly why: string;
}

/**
 * The steps against `subjectId` that, judged again with `dateOfBirth` on the day each was taken, break
 * an age rule of the ladder: a minimum age (CPW, injunction, Respect Order) or the youth/adult track a
 * legal referral went down (youth court and youth offending team, or the adult courts).
 */
export function ageConflicts(file: CaseFile, subjectId: string, dateOfBirth: LocalDate): AgeConflict[] {
  return file.enforcement.flatMap((step): AgeConflict[] => {
    if (step.subjectId !== subjectId) return [];
    const takenOn = londonDateOf(new Date(step.takenAt));
    const age = ageOn(dateOfBirth, takenOn);
    const title = ENFORCEMENT_STEPS[step.kind].title;
    const minimum = minimumAgeOf(file, step.kind, takenOn);
    if (minimum !== undefined && age < minimum) {
      return [{ stepId: step.id, why: `${title} taken on ${takenOn}, when the subject was ${age}; the minimum age is ${minimum}` }];
    }
    const referral = file.legalReferrals.find((candidate) => candidate.stepId === step.id);
    if (referral && referral.youth !== age < 18) {
      return [{ stepId: step.id, why: `${title} referred on the ${referral.youth ? 'youth' : 'adult'} track on ${takenOn}, when the subject was ${age}` }];
    }
    return [];
  });
}

function minimumAgeOf(file: CaseFile, kind: string, on: LocalDate): number | undefined {
  const statutory = file.policy.statutory;
  switch (kind) {
    case 'COMMUNITY_PROTECTION_WARNING':
      return ruleOn(statutory.cpwMinimumAge, on);
    case 'CIVIL_INJUNCTION':
      return ruleOn(statutory.injunctionMinimumAge, on);
    case 'RESPECT_ORDER':
      return 18;
    default:
      return undefined;
  }
}
