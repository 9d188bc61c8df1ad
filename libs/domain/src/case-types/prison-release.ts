import { OFFENDER_LADDER } from './offender-ladder';
import type { CaseTypeProcess } from './process';

export const PRISON_RELEASE: CaseTypeProcess = {
  type: 'PRISON_RELEASE',
  title: 'Prison release',
  lead: { agency: 'PROBATION', team: 'the offender manager' },
  referredTo: [{ to: 'PROBATION', when: 'at opening: release planning is theirs' }, { to: 'MAG', when: 'where the release affects victims or neighbours' }],
  restriction: 'OPEN',
  complainantDuties: { initialContact: false, updates: false },
  ladder: OFFENDER_LADDER,
  opening: ['PARTNER_ACTION'],
  deadlines: ['PARTNER_ACTION'],
  leadAction: { agency: 'PROBATION', description: 'Release address, licence conditions and risk summary to the partnership' },
  sources: [
    { basis: 'STATUTE', citation: 'Criminal Justice Act 2003 s.250 (licence conditions); Criminal Justice Act 2003 s.325 (MAPPA)' },
    { basis: 'LOCAL_POLICY', citation: 'the lead agency’s first action within 10 working days (caseTypes)' },
  ],
};
