import type { CaseTypeProcess } from './process';

export const FIRE: CaseTypeProcess = {
  type: 'FIRE',
  title: 'Fire (deliberate fires and fire risk)',
  lead: { agency: 'FIRE_AND_RESCUE', team: 'the fire and rescue service’s arson reduction team' },
  referredTo: [{ to: 'FIRE_AND_RESCUE', when: 'at opening: the case is theirs to lead' }, { to: 'POLICE', when: 'where arson is suspected' }],
  restriction: 'OPEN',
  complainantDuties: { initialContact: true, updates: true },
  ladder: {
    steps: ['VERBAL_WARNING', 'WRITTEN_WARNING', 'SUPPORT_REFERRAL', 'COMMUNITY_PROTECTION_WARNING', 'COMMUNITY_PROTECTION_NOTICE', 'FIXED_PENALTY_NOTICE', 'PROSECUTION', 'CLOSURE_NOTICE', 'CRIMINAL_BEHAVIOUR_ORDER'],
    why:
      'conduct that keeps creating a fire risk (burning rubbish, accumulations set alight) is persistent conduct detrimental to the locality: a CPW/CPN (2014 Act s.43) and its fixed penalty or prosecution; premises used for it may be closed (s.76); an arson conviction may bring a Criminal Behaviour Order (s.22)',
  },
  opening: ['PARTNER_ACTION'],
  deadlines: ['PARTNER_ACTION'],
  leadAction: { agency: 'FIRE_AND_RESCUE', description: 'Home fire safety visit and a fire investigation report to the partnership' },
  sources: [
    { basis: 'STATUTE', citation: 'Fire and Rescue Services Act 2004 s.6 (fire safety promotion); Anti-social Behaviour, Crime and Policing Act 2014 ss.22, 43, 76' },
    { basis: 'LOCAL_POLICY', citation: 'the lead agency’s first action within 10 working days (caseTypes)' },
  ],
};
