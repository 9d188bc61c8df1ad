import type { CaseTypeProcess } from './process';

export const CRIME: CaseTypeProcess = {
  type: 'CRIME',
  title: 'Crime',
  lead: { agency: 'POLICE', team: 'the neighbourhood policing team' },
  referredTo: [{ to: 'POLICE', when: 'at opening: the investigation is theirs' }],
  restriction: 'OPEN',
  complainantDuties: { initialContact: true, updates: true },
  ladder: {
    steps: ['CLOSURE_NOTICE', 'CRIMINAL_BEHAVIOUR_ORDER'],
    why: 'a Criminal Behaviour Order is made on conviction for any offence (2014 Act s.22); premises associated with nuisance or disorder from the offending may be closed (s.76). The warnings, CPW and injunction are for anti-social conduct, and open an ASB case',
  },
  opening: ['PARTNER_ACTION'],
  deadlines: ['PARTNER_ACTION'],
  leadAction: { agency: 'POLICE', description: 'Crime reference and the investigating officer’s update to the partnership' },
  sources: [
    { basis: 'STATUTE', citation: 'Crime and Disorder Act 1998 s.17 (duty to prevent crime and disorder); Anti-social Behaviour, Crime and Policing Act 2014 ss.22, 76' },
    { basis: 'LOCAL_POLICY', citation: 'the lead agency’s first action within 10 working days (caseTypes)' },
  ],
};
