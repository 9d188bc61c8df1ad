import { compareDates, type LocalDate } from '../calendar';
import type { DocumentKind, DocumentTemplate } from './document-kinds';
import { LETTER_TEMPLATES } from './letter-templates';
import { LADDER_TEMPLATES } from './ladder-templates';
import { ACT_2014 } from './statutes';

/** The fixed penalty notice as first worded. */
const FIXED_PENALTY_NOTICE_2026_1: DocumentTemplate = {
  kind: 'FIXED_PENALTY_NOTICE',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  title: 'Fixed Penalty Notice',
  authority: `${ACT_2014}, section 52`,
  // s.52(4)(d): the notice names who the penalty is paid to and where. The partnership's own, set here
  // in its template version; a change of payee or address is a new version.
  constants: {
    payableTo: 'Melton Borough Council, Community Safety Team',
    paymentAddress: 'Parkside, Station Approach, Burton Street, Melton Mowbray LE13 1GH',
  },
  sections: [
    {
      heading: 'To',
      paragraphs: ['{subjectName}', 'Case reference {reference}. Issued on {issuedOn}.'],
    },
    {
      heading: 'The offence',
      paragraphs: [
        'You are alleged to have committed an offence under section 48 of the Act: failing without reasonable excuse to comply with the Community Protection Notice issued to you on {noticeIssuedOn}.',
        'The circumstances of the failure, on {breachOn}: {breach}',
      ],
    },
    {
      heading: 'The fixed penalty',
      paragraphs: [
        'You may discharge any liability to be convicted of this offence by paying a fixed penalty of £{amountPounds}.',
        'Pay it to {payableTo}, at {paymentAddress}, by the end of {paymentEndsOn}.',
      ],
    },
    {
      heading: 'If you pay, and if you do not',
      paragraphs: [
        'No proceedings will be taken for the offence before the end of the {paymentDays} days following the date of this notice, that is before the end of {paymentEndsOn}. If you pay the fixed penalty within that period, you cannot be convicted of the offence (section 52(3)).',
        'If you do not pay, you may be prosecuted. On conviction you may be fined up to level 4 on the standard scale (£2,500 for an individual, up to £20,000 for a business).',
      ],
    },
  ],
};

/**
 * 2026.2 adds the early-payment terms, said only when the local policy in force on the day of the
 * notice has them (`fixedPenaltyEarlyPayment`); otherwise it reads as 2026.1.
 */
const FIXED_PENALTY_NOTICE_2026_2: DocumentTemplate = {
  ...FIXED_PENALTY_NOTICE_2026_1,
  version: '2026.2',
  effectiveFrom: '2026-12-01',
  sections: FIXED_PENALTY_NOTICE_2026_1.sections.map((section) =>
    section.heading === 'The fixed penalty'
      ? {
          ...section,
          paragraphs: [
            ...section.paragraphs,
            { when: 'earlyAmountPounds', text: 'If you pay by the end of {earlyEndsOn} ({earlyDays} days following the date of this notice), you pay a reduced amount of £{earlyAmountPounds}.' },
          ],
        }
      : section,
  ),
};

export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [
  ...LADDER_TEMPLATES,
  ...LETTER_TEMPLATES,
  {
    kind: 'COMMUNITY_PROTECTION_WARNING',
    version: '2026.1',
    effectiveFrom: '2026-01-01',
    title: 'Community Protection Warning',
    authority: `${ACT_2014}, section 43(5)`,
    sections: [
      {
        heading: 'To',
        paragraphs: ['{subjectName}', 'Case reference {reference}. Issued on {issuedOn}.'],
      },
      {
        heading: 'The conduct',
        paragraphs: [
          'We are satisfied that your conduct is having a detrimental effect, of a persistent or continuing nature, on the quality of life of those in the locality, that it is unreasonable, and that it is this:',
          '{conduct}',
        ],
      },
      {
        heading: 'What you must do',
        paragraphs: ['You must stop this conduct, so that it no longer has that effect, by {complianceDueOn}: {complianceDays} days from the day this warning was issued.'],
      },
      {
        heading: 'If you do not',
        paragraphs: [
          'If your conduct continues to have that effect after {complianceDueOn}, a Community Protection Notice may be issued to you under section 43 of the Act. Failing to comply with a Community Protection Notice is a criminal offence.',
        ],
      },
    ],
  },
  {
    kind: 'COMMUNITY_PROTECTION_NOTICE',
    version: '2026.1',
    effectiveFrom: '2026-01-01',
    title: 'Community Protection Notice',
    authority: `${ACT_2014}, section 43`,
    sections: [
      {
        heading: 'To',
        paragraphs: ['{subjectName}', 'Case reference {reference}. Issued on {issuedOn}.'],
      },
      {
        heading: 'Why this notice is issued',
        paragraphs: [
          'You were given a Community Protection Warning about your conduct. We are satisfied that your conduct has continued to have a detrimental effect, of a persistent or continuing nature, on the quality of life of those in the locality, and that it is unreasonable.',
        ],
      },
      {
        heading: 'What you are required to do',
        paragraphs: ['This notice requires you to do the following, each by the date given:', '{requirements}'],
      },
      {
        heading: 'If you fail to comply',
        paragraphs: [
          'Failing without reasonable excuse to comply with this notice is a criminal offence (section 48 of the Act). On conviction you may be fined up to level 4 on the standard scale (£2,500 for an individual, up to £20,000 for a business).',
          'Instead of prosecution you may be offered a fixed penalty notice of up to £{fixedPenaltyMaximumPounds} (section 52). Where a requirement is not met, we may also carry out the work ourselves and recover its cost from you (section 47).',
        ],
      },
      {
        heading: 'Your right to appeal',
        paragraphs: [
          'You may appeal against this notice to a magistrates’ court within {appealWindowDays} days, beginning with the day you were given it, which counts as the first day (section 46). {appealEnds}',
        ],
      },
    ],
  },
  FIXED_PENALTY_NOTICE_2026_1,
  FIXED_PENALTY_NOTICE_2026_2,
];

/** The wording of `kind` in force on `date`: the latest version whose effective date has come. */
export function documentTemplateOn(kind: DocumentKind, date: LocalDate, templates: readonly DocumentTemplate[] = DOCUMENT_TEMPLATES): DocumentTemplate {
  const inForce = templates
    .filter((template) => template.kind === kind && compareDates(template.effectiveFrom as LocalDate, date) <= 0)
    .sort((a, b) => compareDates(b.effectiveFrom as LocalDate, a.effectiveFrom as LocalDate));
  const template = inForce[0];
  if (!template) throw new RangeError(`no ${kind} template is in force on ${date}`);
  return template;
}
