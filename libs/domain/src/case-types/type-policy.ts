/**
 * The partnership's own numbers for the case types' processes: one optional group of a policy
 * version. A version published before the types had processes lacks it, and runs under the named
 * defaults below; a version may also give only some of them.
 */
export interface CaseTypeLocalPolicy {
  /** Hate crime: the victim is contacted within this many hours of the report. */
  readonly hateCrimeVictimContactHours: number;
  /** Hate crime: the police are told within this many working days of the report (0: the same working day). */
  readonly hateCrimePoliceNotificationWorkingDays: number;
  /** Missing child: this many episodes within `missingEpisodeWindowDays` take the case to the MAG. */
  readonly missingEpisodesForMag: number;
  readonly missingEpisodeWindowDays: number;
  /** Prevent: the referral to the police gateway within this many working days of the report (0: the same working day). */
  readonly preventReferralWorkingDays: number;
  /** Whether the local authority chairs the Channel panel here, and so runs its timeline on the case. */
  readonly channelPanelChairedByLocalAuthority: boolean;
  /** Prevent: the Channel panel discusses a referred case within this many working days (panels meet monthly). */
  readonly channelPanelWorkingDays: number;
  /** Fire, crime, prison release, probation, IOM: the lead agency's first action is due within this many working days. */
  readonly leadAgencyActionWorkingDays: number;
}

export const DEFAULT_CASE_TYPE_POLICY: CaseTypeLocalPolicy = {
  hateCrimeVictimContactHours: 24,
  hateCrimePoliceNotificationWorkingDays: 1,
  missingEpisodesForMag: 3,
  missingEpisodeWindowDays: 90,
  preventReferralWorkingDays: 0,
  channelPanelChairedByLocalAuthority: true,
  channelPanelWorkingDays: 20,
  leadAgencyActionWorkingDays: 10,
};

/** The numbers a case runs under: its version's own, and the defaults for any it lacks. */
export function caseTypePolicyOf(local: { readonly caseTypes?: Partial<CaseTypeLocalPolicy> }): CaseTypeLocalPolicy {
  return { ...DEFAULT_CASE_TYPE_POLICY, ...local.caseTypes };
}
