import type { CaseTypeProcess } from './process';

/** Channel Duty Guidance (2023): a case that leaves Channel is reviewed at 6 and at 12 months after it leaves. */
export const CHANNEL_EXIT_REVIEW_MONTHS = [6, 12] as const;

export const PREVENT: CaseTypeProcess = {
  type: 'PREVENT',
  title: 'Prevent',
  lead: { agency: 'COMMUNITY_SAFETY_PARTNERSHIP', team: 'the council Prevent lead' },
  referredTo: [
    { to: 'POLICE_PREVENT_GATEWAY', when: 'every concern, for the police gateway assessment' },
    { to: 'CHANNEL_PANEL', when: 'a case the gateway passes on, where the local authority chairs the panel' },
  ],
  restriction: 'RESTRICTED',
  complainantDuties: { initialContact: false, updates: false },
  ladder: { steps: [], why: 'Prevent and Channel are voluntary support (Channel needs consent: Counter-Terrorism and Security Act 2015 s.36(4)); enforcement has no place in them' },
  opening: ['PREVENT_REFERRAL'],
  deadlines: ['PREVENT_REFERRAL', 'CHANNEL_PANEL', 'CHANNEL_EXIT_REVIEW'],
  sources: [
    { basis: 'STATUTE', citation: 'Counter-Terrorism and Security Act 2015 s.26 (Prevent duty), ss.36–41 (Channel panels chaired by the local authority)' },
    { basis: 'STATUTORY_GUIDANCE', citation: 'Home Office, Channel Duty Guidance: Protecting people susceptible to radicalisation (2023): reviews at 6 and 12 months after a case leaves Channel' },
    { basis: 'LOCAL_POLICY', citation: 'gateway referral the same working day; panel within 20 working days (panels meet monthly) (caseTypes)' },
  ],
};
