import type { DocumentTemplate } from './document-kinds';
import { ACT_2014 } from './statutes';

/** Letters to the people who asked for help: the complainant when their case is closed, and the applicant for an ASB Case Review. */
export const LETTER_TEMPLATES: readonly DocumentTemplate[] = [
  {
    kind: 'CASE_CLOSED_LETTER',
    version: '2026.1',
    effectiveFrom: '2026-01-01',
    title: 'Your anti-social behaviour case is closed',
    authority: `Melton Community Safety Partnership anti-social behaviour policy; your right to an ASB Case Review is in section 104 of the ${ACT_2014}`,
    sections: [
      { heading: 'To', paragraphs: ['{complainantName}', 'Case reference {reference}. Closed on {closedOn}.'] },
      { heading: 'Why we have closed your case', paragraphs: ['{explanation}'] },
      {
        heading: 'If the problem starts again',
        paragraphs: [
          'Tell us, and quote case reference {reference}. Until {reopenUntil} ({reopenMonths} months from the day it closed) we can open this case again. After that we will open a new case.',
          'We will contact you within {followUpWorkingDays} working days to ask how you feel we dealt with your case.',
        ],
      },
      {
        heading: 'If you are not happy with how we responded',
        paragraphs: [
          'If you have reported anti-social behaviour {qualifyingComplaints} times or more in {windowMonths} months, you can ask for an ASB Case Review (sometimes called the Community Trigger). The agencies involved will then look again at how they responded. Contact us to ask for one.',
        ],
      },
    ],
  },
  {
    kind: 'CASE_REVIEW_OUTCOME_LETTER',
    version: '2026.1',
    effectiveFrom: '2026-01-01',
    title: 'The outcome of your ASB Case Review',
    authority: `${ACT_2014}, section 104 and Schedule 4`,
    sections: [
      { heading: 'To', paragraphs: ['{applicantName}', 'Case reference {reference}. You asked for an ASB Case Review on {receivedOn}.'] },
      {
        heading: 'What the review recommended',
        paragraphs: ['The agencies of the partnership met on {meetingOn} to review how they had responded to the anti-social behaviour you reported. They recommended:', '{recommendations}'],
      },
      { heading: 'What happens now', paragraphs: ['{outcome}'] },
      {
        heading: 'If you are not happy with the review',
        paragraphs: ['You can appeal if you are not satisfied with how the review was carried out. Write to us, quote case reference {reference}, and say why.'],
      },
    ],
  },
];
