import { OFFENDER_LADDER } from './offender-ladder';
import type { CaseTypeProcess } from './process';

export const PROBATION: CaseTypeProcess = {
  type: 'PROBATION',
  title: 'Probation',
  lead: { agency: 'PROBATION', team: 'the probation practitioner' },
  referredTo: [{ to: 'PROBATION', when: 'at opening: supervision is theirs' }],
  restriction: 'OPEN',
  complainantDuties: { initialContact: false, updates: false },
  ladder: OFFENDER_LADDER,
  opening: ['PARTNER_ACTION'],
  deadlines: ['PARTNER_ACTION'],
  leadAction: { agency: 'PROBATION', description: 'Supervision plan and its requirements shared with the partnership' },
  sources: [
    { basis: 'STATUTE', citation: 'Offender Rehabilitation Act 2014; Criminal Justice Act 2003 Part 12 (community orders)' },
    { basis: 'LOCAL_POLICY', citation: 'the lead agency’s first action within 10 working days (caseTypes)' },
  ],
};
