import type { CaseTypeProcess } from './process';

/** "within 72 hours of the child returning": statutory guidance, not a number the partnership sets. */
export const RETURN_HOME_INTERVIEW_HOURS = 72;

export const MISSING_PERSON: CaseTypeProcess = {
  type: 'MISSING_PERSON',
  title: 'Missing person (child)',
  lead: { agency: 'COUNTY_COUNCIL', team: "children's services: the return home interview service" },
  referredTo: [
    { to: 'POLICE', when: 'each episode is reported to the police as missing' },
    { to: 'MAG', when: 'the third episode within 90 days (local policy)' },
  ],
  restriction: 'OPEN',
  // A missing child is not a complainant: the duties are to the child, per episode.
  complainantDuties: { initialContact: false, updates: false },
  ladder: { steps: [], why: 'a missing child is at risk, not a perpetrator: safeguarding, not enforcement, is the law’s answer' },
  opening: [],
  deadlines: ['RETURN_HOME_INTERVIEW'],
  sources: [
    { basis: 'STATUTORY_GUIDANCE', citation: 'DfE, Statutory guidance on children who run away or go missing from home or care (January 2014): a return interview within 72 hours of return' },
    { basis: 'LOCAL_POLICY', citation: 'a third episode within 90 days escalates to the MAG (caseTypes)' },
  ],
};
