import type { DocumentTemplate } from './document-kinds';
import { ACT_2014 } from './statutes';

const TO = { heading: 'To', paragraphs: ['{subjectName}', 'Case reference {reference}. Issued on {issuedOn}.'] };

/** The written warning, the Acceptable Behaviour Contract and the closure notice (docs/domain.md, Enforcement ladder). */
export const LADDER_TEMPLATES: readonly DocumentTemplate[] = [
  {
    kind: 'WRITTEN_WARNING',
    version: '2026.1',
    effectiveFrom: '2026-01-01',
    title: 'Written warning about anti-social behaviour',
    // Not a statutory notice: it is the first written step, and it names the powers that may follow.
    authority: `Melton Community Safety Partnership anti-social behaviour policy; the further action it names is under the ${ACT_2014}`,
    sections: [
      TO,
      {
        heading: 'What we have been told',
        paragraphs: ['We have received reports that you have behaved in a way that causes harassment, alarm or distress to other people. The behaviour is this:', '{conduct}'],
      },
      {
        heading: 'What you must do',
        paragraphs: ['You must stop this behaviour now. We will check on {checkOn}, {checkDays} days from the day of this warning, whether it has stopped.'],
      },
      {
        heading: 'If it does not stop',
        paragraphs: [
          'We may take further action. This can include an Acceptable Behaviour Contract, a Community Protection Warning and Notice (section 43 of the Act), or an application to court for a civil injunction (Part 1 of the Act).',
          'If you want to talk about this warning, contact us and quote case reference {reference}.',
        ],
      },
    ],
  },
  {
    kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT',
    version: '2026.1',
    effectiveFrom: '2026-01-01',
    title: 'Acceptable Behaviour Contract',
    authority: `A voluntary written agreement; if it is broken, it may be used as evidence for a civil injunction under Part 1 of the ${ACT_2014}`,
    sections: [
      { heading: 'Between', paragraphs: ['{subjectName}, and Melton Community Safety Partnership.', 'Case reference {reference}. Agreed on {issuedOn}.'] },
      {
        heading: 'What you agree to',
        paragraphs: ['You have agreed to keep to these terms:', '{terms}'],
      },
      {
        heading: 'How long it lasts',
        paragraphs: ['This contract lasts {contractMonths} months, from {issuedOn} to {endsOn}. We will meet you to review how it is going on {reviewOn}.'],
      },
      {
        heading: 'If you break it',
        paragraphs: [
          'This contract is voluntary. Breaking it is not a crime in itself, but we will take it seriously. We may take further action, such as a Community Protection Warning or an application to court for a civil injunction, and this contract and what happened may be shown to the court as evidence.',
        ],
      },
    ],
  },
  {
    kind: 'CLOSURE_NOTICE',
    version: '2026.1',
    effectiveFrom: '2026-01-01',
    title: 'Closure notice',
    authority: `${ACT_2014}, sections 76 and 77`,
    // s.76(6)(g): where to get advice about housing and legal matters, and s.76(6)(e) where the
    // application is heard: the partnership's own, as a new version when they change.
    constants: {
      courtAddress: 'Leicester Magistrates’ Court, Pocklington’s Walk, Leicester LE1 6BT',
      housingAdvice: 'Melton Borough Council Housing Options, Parkside, Station Approach, Burton Street, Melton Mowbray LE13 1GH, telephone 01664 502502',
      legalAdvice: 'Citizens Advice Leicestershire, telephone 0808 278 7957; Shelter’s free housing advice helpline, telephone 0808 800 4444',
    },
    sections: [
      { heading: 'The premises', paragraphs: ['{premises}', 'Case reference {reference}. Issued by {issuer} at {issuedAt}.'] },
      {
        heading: 'What this notice does',
        paragraphs: [
          'We are satisfied that there is, or is likely soon to be, nuisance to members of the public, or disorder near these premises, caused by the use of the premises, and that this notice is needed to prevent it.',
          'No one may enter or stay on the premises, except people who usually live there and the owner. This notice is in force until {endsAt}: {hours} hours from when it was issued.{extension}',
        ],
      },
      {
        heading: 'If you do not comply',
        paragraphs: [
          'Going into or staying on the premises without a reasonable excuse while this notice is in force is a criminal offence (section 86 of the Act). On conviction you may be sent to prison for up to 3 months, or fined, or both.',
        ],
      },
      {
        heading: 'The court hearing',
        paragraphs: [
          'We will apply to the magistrates’ court for a closure order (section 80 of the Act). The court will hear the application at {hearingAt}. The court is {courtAddress}.',
          'A closure order can close the premises to everyone, including the people who live there, for up to {orderMonths} months, and it can be extended to {orderTotalMonths} months in total. Anyone affected may come to the hearing and be heard.',
        ],
      },
      {
        heading: 'Where to get advice',
        paragraphs: ['For advice about housing: {housingAdvice}.', 'For advice about legal matters: {legalAdvice}.'],
      },
    ],
  },
];
