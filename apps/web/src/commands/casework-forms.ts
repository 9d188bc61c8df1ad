import {
  PARTNER_AGENCIES,
  type CaseCommandName,
  CLOSURE_REASONS,
  CONTACT_METHODS,
  FORUMS,
  RISK_LEVELS,
} from '../../../../libs/domain/src';
import type { FieldSpec } from '../forms/form-fields';
import { choices, fixed, type FormOf, partyChoices, reason, subjectChoices, text, whenLate, yesNo } from './form-kit';

const RISK_QUESTIONS: readonly [string, string][] = [
  ['disability', 'They have a disability'],
  ['mentalHealth', 'They have mental health needs'],
  ['isolation', 'They are isolated'],
  ['repeatVictimisation', 'They have been targeted before'],
  ['hateMotive', 'It appears to be motivated by hate'],
  ['impactOnDailyLife', 'It affects their daily life'],
];

const riskAssessment = (prefix: string): FieldSpec[] => [
  ...RISK_QUESTIONS.map(([name, checkboxText]): FieldSpec => ({ name: `${prefix}.${name}`, kind: 'checkbox', label: checkboxText, checkboxText, falseWhenUnchecked: true })),
  { name: `${prefix}.professionalJudgement`, kind: 'radios', label: 'Your professional judgement of the risk (optional)', hint: 'It may raise the level the answers give, never lower it.', choices: choices(RISK_LEVELS) },
];

/** The forms of day-to-day casework: contact, reviews, risk, allocation, forum, closure, partners and notes. */
export const CASEWORK_FORMS: Partial<Record<CaseCommandName, FormOf>> = {
  recordIncident: ({ view }) => ({
    title: 'Record an incident',
    fields: [
      { name: 'occurredAt', kind: 'dateTime', label: 'When it happened', hint: 'For example, 27 11 2026 and 9:30pm.', missing: 'Enter when the incident happened' },
      { name: 'description', kind: 'textarea', label: 'What happened', missing: 'Enter what happened' },
      ...(view.subjects.length > 0 ? [{ name: 'subjectIds', kind: 'checkboxes', label: 'Who was involved (optional)', choices: subjectChoices(view) } as FieldSpec] : []),
    ],
    done: 'Incident recorded',
  }),
  recordReview: fixed({
    title: 'Record a case review',
    fields: [
      { ...text('summary', 'What the review found and decided'), missing: 'Enter what the review found and decided' },
      { name: 'riskLevel', kind: 'radios', label: 'Risk after the review (optional)', hint: 'Leave unselected if the risk has not changed.', choices: choices(RISK_LEVELS) },
      whenLate('When the review took place, if earlier than now'),
    ],
    done: 'Review recorded',
  }),
  recordInitialContact: fixed({
    title: 'Record initial contact with the complainant',
    fields: [{ ...text('summary', 'What was said and agreed'), missing: 'Enter what was said and agreed' }, whenLate('When the contact was made, if earlier than now')],
    done: 'Initial contact recorded',
  }),
  recordComplainantUpdate: fixed({
    title: 'Record an update to the complainant',
    fields: [{ ...text('summary', 'What the complainant was told'), missing: 'Enter what the complainant was told' }, whenLate('When they were told, if earlier than now')],
    done: 'Update to the complainant recorded',
  }),
  recordSatisfactionFollowUp: fixed({
    title: 'Record the satisfaction follow-up',
    fields: [{ ...text('summary', 'What the complainant said'), missing: 'Enter what the complainant said' }, whenLate('When you spoke to them, if earlier than now')],
    done: 'Satisfaction follow-up recorded',
  }),
  assessRisk: fixed({
    title: 'Assess the risk to the complainant',
    fields: riskAssessment('assessment'),
    done: 'Risk assessed',
  }),
  allocate: ({ view, staff }) => ({
    title: 'Allocate the case',
    fields: [
      {
        name: 'caseworker',
        kind: 'radios',
        label: 'Which caseworker',
        missing: 'Select the caseworker',
        choices: staff.filter((member) => member.role === 'caseworker' && member.team === view.team).map((member) => ({ value: member.id, text: member.name })),
      },
    ],
    done: 'Case allocated',
  }),
  changeForum: ({ view }) => ({
    title: 'Escalate or de-escalate the case',
    fields: [
      { name: 'to', kind: 'radios', label: 'Where the case is discussed from now', missing: 'Select where the case is discussed', choices: choices(FORUMS.filter((forum) => forum !== view.forum)) },
      reason(),
    ],
    done: 'Forum changed',
  }),
  requestClosure: fixed({
    title: 'Request closure',
    fields: [
      { name: 'reason', kind: 'radios', label: 'Why the case can close', missing: 'Select why the case can close', choices: choices(CLOSURE_REASONS) },
      { ...text('explanationToComplainant', 'What the complainant is told'), missing: 'Enter what the complainant is told' },
    ],
    done: 'Closure requested',
    checkAnswers: true,
  }),
  decideClosure: fixed({
    title: 'Approve or reject closure',
    fields: [yesNo('approve', 'Do you approve closing the case?', 'Select yes to approve closing the case'), reason()],
    done: 'Closure decided',
    checkAnswers: true,
  }),
  startMonitoring: fixed({ title: 'Move to monitoring', fields: [reason()], done: 'Case moved to monitoring' }),
  resumeActive: fixed({ title: 'Make the case active again', fields: [reason()], done: 'Case made active again' }),
  reopen: fixed({ title: 'Re-open the case', fields: [reason()], done: 'Case re-opened' }),
  referToAdultsAtRisk: fixed({ title: 'Refer to the adults at risk forum', fields: [reason()], done: 'Referred to the adults at risk forum' }),
  assignPartnerAction: fixed({
    title: 'Assign an action to a partner agency',
    fields: [
      { name: 'agency', kind: 'radios', label: 'Which agency', missing: 'Select the agency', choices: choices(PARTNER_AGENCIES) },
      { ...text('description', 'What the agency is asked to do'), missing: 'Enter what the agency is asked to do' },
      { name: 'dueOn', kind: 'date', label: 'When it is due', hint: 'For example, 5 12 2026.', missing: 'Enter when it is due' },
      { name: 'forum', kind: 'radios', label: 'Which forum decided it (optional)', choices: choices(FORUMS.filter((forum) => forum !== 'GENERAL_CASEWORK')) },
    ],
    done: 'Action assigned',
  }),
  completePartnerAction: fixed({ title: 'Complete the partner action', fields: [{ ...text('outcome', 'What was done'), missing: 'Enter what was done' }], done: 'Action completed' }),
  shareWithAgency: fixed({
    title: 'Share the case with a partner agency',
    fields: [
      { name: 'agency', kind: 'radios', label: 'Which agency', missing: 'Select the agency', choices: choices(PARTNER_AGENCIES) },
      yesNo('summaryOnly', 'Share a summary only?', 'Select yes to share a summary only'),
      { ...text('reason', 'Why sharing is necessary', 'Crime and Disorder Act 1998, section 115: say what the agency needs it for.'), missing: 'Enter why sharing is necessary' },
    ],
    done: 'Case shared',
  }),
  stopSharing: ({ view }) => ({
    title: 'Stop sharing the case with an agency',
    fields: [
      { name: 'agency', kind: 'radios', label: 'Which agency', missing: 'Select the agency', choices: choices(view.sharedWith.map((share) => share.agency)) },
      reason(),
    ],
    done: 'Sharing stopped',
  }),
  addCaseNote: fixed({ title: 'Add a case note', fields: [{ ...text('text', 'Note'), missing: 'Enter the note' }], done: 'Note added' }),
  recordContactLog: ({ view }) => ({
    title: 'Log a contact',
    fields: [
      { name: 'method', kind: 'radios', label: 'How', missing: 'Select how the contact was made', choices: choices(CONTACT_METHODS) },
      { name: 'withPartyId', kind: 'radios', label: 'With whom on the case', hint: 'Or give a name below for someone who is not on the case.', choices: partyChoices(view) },
      { name: 'withName', kind: 'text', label: 'With someone else (their name and role)' },
      { ...text('text', 'What was said'), missing: 'Enter what was said' },
      whenLate(),
    ],
    done: 'Contact logged',
  }),
};
