import { OFFENDER_LADDER } from './offender-ladder';
import type { CaseTypeProcess } from './process';

export const IOM_UPDATE: CaseTypeProcess = {
  type: 'IOM_UPDATE',
  title: 'Integrated Offender Management update',
  lead: { agency: 'POLICE', team: 'the IOM police officer, jointly with probation' },
  referredTo: [{ to: 'POLICE', when: 'at opening: the IOM cohort is managed by police and probation together' }, { to: 'PROBATION', when: 'for the supervision side' }],
  restriction: 'OPEN',
  // An update about an offender in the IOM cohort: nobody complained.
  complainantDuties: { initialContact: false, updates: false },
  ladder: OFFENDER_LADDER,
  opening: ['PARTNER_ACTION'],
  deadlines: ['PARTNER_ACTION'],
  leadAction: { agency: 'POLICE', description: 'IOM cohort update: offending, compliance and the next joint review' },
  sources: [
    { basis: 'STATUTORY_GUIDANCE', citation: 'Ministry of Justice and Home Office, Neighbourhood Crime Integrated Offender Management Strategy (2020)' },
    { basis: 'LOCAL_POLICY', citation: 'the lead agency’s first action within 10 working days (caseTypes)' },
  ],
};
