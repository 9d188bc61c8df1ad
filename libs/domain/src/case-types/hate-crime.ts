import type { CaseTypeProcess } from './process';

/** The five strands of hate crime the police and the CPS monitor. */
export const PROTECTED_CHARACTERISTICS = ['RACE', 'RELIGION', 'SEXUAL_ORIENTATION', 'DISABILITY', 'TRANSGENDER_IDENTITY'] as const;
export type ProtectedCharacteristic = (typeof PROTECTED_CHARACTERISTICS)[number];

export const HATE_CRIME: CaseTypeProcess = {
  type: 'HATE_CRIME',
  title: 'Hate crime',
  lead: { agency: 'COMMUNITY_SAFETY_PARTNERSHIP', team: 'the council ASB team, with the police hate crime officer' },
  referredTo: [
    { to: 'POLICE', when: 'always: hate crime and hate incidents are recorded by the police' },
    { to: 'VICTIM_SUPPORT', when: 'offered to the victim at first contact, and made if they accept' },
    { to: 'MAG', when: 'escalated by a manager' },
  ],
  restriction: 'OPEN',
  // Contact within 24 hours replaces the risk-driven first contact; the victim is still kept updated.
  complainantDuties: { initialContact: false, updates: true },
  ladder: { steps: 'ALL', why: 'hostility on a protected characteristic makes anti-social behaviour hate-motivated, and it remains anti-social behaviour under the 2014 Act' },
  opening: ['VICTIM_CONTACT', 'POLICE_NOTIFICATION'],
  deadlines: ['VICTIM_CONTACT', 'POLICE_NOTIFICATION'],
  sources: [
    { basis: 'STATUTE', citation: 'Crime and Disorder Act 1998 ss.28–32 (racially or religiously aggravated offences); Sentencing Act 2020 s.66 (hostility on race, religion, disability, sexual orientation or transgender identity)' },
    { basis: 'STATUTORY_GUIDANCE', citation: 'Code of Practice for Victims of Crime in England and Wales (2020), Right 4: referral to victim support services' },
    { basis: 'LOCAL_POLICY', citation: 'victim contacted within 24 hours; police notified within 1 working day (caseTypes)' },
  ],
};
