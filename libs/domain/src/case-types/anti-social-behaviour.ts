import type { CaseTypeProcess } from './process';

export const ANTI_SOCIAL_BEHAVIOUR: CaseTypeProcess = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  title: 'Anti-social behaviour',
  lead: { agency: 'COMMUNITY_SAFETY_PARTNERSHIP', team: 'the council ASB team' },
  referredTo: [{ to: 'MAG', when: 'escalated by a manager, or on an ASB Case Review' }],
  restriction: 'OPEN',
  complainantDuties: { initialContact: true, updates: true },
  ladder: { steps: 'ALL', why: 'the Anti-social Behaviour, Crime and Policing Act 2014 powers are given for anti-social behaviour itself' },
  opening: [],
  deadlines: [],
  sources: [
    { basis: 'STATUTE', citation: 'Anti-social Behaviour, Crime and Policing Act 2014, Parts 1 to 4 and s.104 (ASB Case Review)' },
    { basis: 'STATUTORY_GUIDANCE', citation: 'Home Office, Anti-social Behaviour Powers: statutory guidance for frontline professionals (2023)' },
    { basis: 'LOCAL_POLICY', citation: 'initial contact, review and update intervals by risk (policy version local numbers)' },
  ],
};
