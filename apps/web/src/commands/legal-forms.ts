import {
  type CaseCommandName,
  COMMUNITY_TRIGGER_APPLICANTS,
  COURTS,
} from '../../../../libs/domain/src';
import { choices, fixed, type FormOf, reason, text, whenLate, yesNo } from './form-kit';

/** The legal team's forms (referrals, hearings, orders) and the ASB Case Review's. */
export const LEGAL_FORMS: Partial<Record<CaseCommandName, FormOf>> = {
  acknowledgeLegalReferral: fixed({ title: 'Acknowledge the legal referral', fields: [], done: 'Legal referral acknowledged', button: 'Acknowledge the referral' }),
  recordLegalDecision: fixed({
    title: 'Decide on the legal referral',
    fields: [yesNo('proceed', 'Will the legal team proceed?', 'Select yes if the legal team will proceed'), reason()],
    done: 'Legal decision recorded',
  }),
  listHearing: fixed({
    title: 'List the hearing',
    fields: [
      { name: 'hearingAt', kind: 'dateTime', label: 'When the hearing is', hint: 'For example, 14 1 2027 and 10am.', missing: 'Enter when the hearing is' },
      { name: 'court', kind: 'radios', label: 'Which court', missing: 'Select the court', choices: choices(COURTS) },
    ],
    done: 'Hearing listed',
  }),
  recordHearingOutcome: fixed({
    title: 'Record the hearing outcome',
    fields: [
      { name: 'outcome', kind: 'radios', label: 'Outcome', missing: 'Select the outcome', choices: choices(['ORDER_MADE', 'REFUSED', 'ADJOURNED']) },
      text('terms', 'The order’s terms (if an order was made)'),
      { name: 'expiresOn', kind: 'date', label: 'When the order expires (if an order was made)', hint: 'For example, 14 7 2027.' },
      whenLate('When the hearing was, if earlier than now'),
    ],
    done: 'Hearing outcome recorded',
  }),
  extendOrder: fixed({
    title: 'Extend the closure order',
    fields: [{ name: 'expiresOn', kind: 'date', label: 'When the order now expires', hint: 'Up to 6 months in total. For example, 1 5 2027.', missing: 'Enter when the order now expires' }],
    done: 'Order extended',
  }),
  recordOrderBreach: fixed({
    title: 'Record a breach of the order',
    fields: [
      { name: 'description', kind: 'textarea', label: 'What happened', missing: 'Enter what happened' },
      { name: 'arrestedAt', kind: 'dateTime', label: 'When the person was arrested (if they were)', hint: 'The 24-hour limit for bringing them before a judge runs from it.' },
    ],
    done: 'Breach of the order recorded',
  }),
  recordBeforeJudge: fixed({ title: 'Record that the arrested person came before a judge', fields: [], done: 'Recorded: the person came before a judge', button: 'Record it' }),
  recordOrderReview: fixed({ title: 'Review the youth Criminal Behaviour Order', fields: [{ ...text('notes', 'What the review found'), missing: 'Enter what the review found' }], done: 'Order review recorded' }),
  applyForCaseReview: fixed({
    title: 'Record an ASB Case Review application',
    fields: [
      { name: 'applicant', kind: 'radios', label: 'Who applied', missing: 'Select who applied', choices: choices(COMMUNITY_TRIGGER_APPLICANTS) },
      { name: 'applicantName', kind: 'text', label: 'Applicant’s name', missing: 'Enter the applicant’s name' },
    ],
    done: 'ASB Case Review application recorded',
  }),
  acknowledgeCaseReview: fixed({ title: 'Acknowledge the ASB Case Review application', fields: [], done: 'ASB Case Review application acknowledged', button: 'Acknowledge the application' }),
  decideCaseReviewThreshold: fixed({
    title: 'Decide whether the ASB Case Review threshold is met',
    fields: [yesNo('met', 'Is the threshold met?', 'Select yes if the threshold is met'), reason('What the applicant is told', 'Enter what the applicant is told')],
    done: 'Threshold decision recorded',
  }),
  recordCaseReviewMeeting: fixed({ title: 'Record the ASB Case Review meeting', fields: [{ ...text('recommendations', 'Recommendations'), missing: 'Enter the recommendations' }], done: 'Meeting recorded' }),
  recordCaseReviewOutcome: fixed({ title: 'Record the outcome letter', fields: [{ ...text('summary', 'What the letter told the applicant'), missing: 'Enter what the letter told the applicant' }], done: 'Outcome letter recorded' }),
  recordCaseReviewAppeal: fixed({ title: 'Record an appeal against the ASB Case Review', fields: [reason('Why the applicant appeals', 'Enter why the applicant appeals')], done: 'Appeal recorded' }),
  decideCaseReviewAppeal: fixed({ title: 'Decide the appeal', fields: [yesNo('upheld', 'Is the appeal upheld?', 'Select yes if the appeal is upheld'), reason()], done: 'Appeal decided' }),
};
