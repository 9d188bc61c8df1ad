import { compareDates, type LocalDate } from '../calendar';

/**
 * The partnership's own PSPO numbers [policy]. Kept apart from the case policy versions (`LocalPolicy`)
 * on purpose: a PSPO is not a case and carries no case policy version, and a new case policy version
 * only to add these would move every new case onto a version that changes nothing for it (and give the
 * movePolicy step a move with nothing to re-plan). Like those versions, these are only ever appended,
 * each from its effective date, and a day's numbers are those of the version in force that day.
 */
export interface PspoLocalPolicy {
  readonly id: string;
  readonly effectiveFrom: string;
  /**
   * How many days before expiry the consultation on extending the order is due to have closed. The law
   * sets no time (s.72 says only "before"); this leaves time after it to decide, and to publish the
   * extended order before the old one lapses.
   */
  readonly consultationLeadDays: number;
  /** How many days ahead of a due date (the consultation's, the expiry's) the owner is reminded. */
  readonly reminderDaysAhead: number;
}

/**
 * 90 days: a consultation closing 3 months before expiry leaves time to weigh the responses, decide,
 * and publish the extended order (the Publication Regulations 2014) before the old one lapses; the
 * owner is reminded 4 weeks before each date, time enough to open a consultation of several weeks.
 */
export const PSPO_LOCAL_POLICY_VERSIONS: readonly PspoLocalPolicy[] = [{ id: 'pspo-2026.1', effectiveFrom: '2026-01-01', consultationLeadDays: 90, reminderDaysAhead: 28 }];

/** The PSPO numbers in force on `date`: the latest version whose effective date has come. */
export function pspoLocalPolicyOn(date: LocalDate, versions: readonly PspoLocalPolicy[] = PSPO_LOCAL_POLICY_VERSIONS): PspoLocalPolicy {
  const inForce = versions
    .filter((version) => compareDates(version.effectiveFrom as LocalDate, date) <= 0)
    .sort((a, b) => compareDates(b.effectiveFrom as LocalDate, a.effectiveFrom as LocalDate));
  const version = inForce[0];
  if (!version) throw new RangeError(`no PSPO policy version is in force on ${date}`);
  return version;
}
