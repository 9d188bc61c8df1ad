import {
  PARTY_ROLES,
  CASE_CATEGORIES,
  type CaseCommandName,
  LINK_REASONS,
  TENURES,
} from '../../../../libs/domain/src';
import type { FieldSpec } from '../forms/form-fields';
import { inWords } from '../rendering/words';
import { choices, type CommandForm, fixed, type FormContext, type FormOf, reason, text } from './form-kit';

/** A party learnt of after opening: its id is the next free one on the case, as the API asks the caller to choose. */
function addParty({ view }: FormContext): CommandForm {
  const taken = new Set([...view.complainants, ...view.subjects, ...view.witnesses].map((party) => party.id));
  let next = taken.size + 1;
  while (taken.has(`p${next}`)) next++;
  return {
    title: 'Add a complainant, subject or witness',
    fields: [
      { name: 'id', kind: 'hidden', label: 'Party' },
      { name: 'role', kind: 'radios', label: 'Who are they on this case?', missing: 'Select who they are on this case', choices: PARTY_ROLES.map((role) => ({ value: role, text: role === 'SUBJECT' ? 'Person complained about' : inWords(role) })) },
      { name: 'name', kind: 'text', label: 'Name', missing: 'Enter their name' },
      { name: 'vulnerable', kind: 'checkbox', label: 'Vulnerability (complainants only)', checkboxText: 'The complainant is vulnerable' },
      { name: 'dateOfBirth', kind: 'date', label: 'Date of birth (people complained about only)', hint: 'For example, 14 7 1991.' },
      { name: 'tenure', kind: 'radios', label: 'Housing (people complained about only)', choices: choices(TENURES) },
      { name: 'contact', kind: 'text', label: 'How to reach them (witnesses only)' },
    ],
    done: 'Person added to the case',
    defaults: { id: `p${next}` },
  };
}

/** A party's details as they are corrected: only the fields their role has; what is left empty stays as it is. */
function editParty({ view, pathParams }: FormContext): CommandForm {
  const complainant = view.complainants.find((party) => party.id === pathParams.partyId);
  const subject = view.subjects.find((party) => party.id === pathParams.partyId);
  const witness = view.witnesses.find((party) => party.id === pathParams.partyId);
  const name = complainant?.name ?? subject?.name ?? witness?.name ?? 'a person';
  return {
    title: `Correct the details of ${name}`,
    fields: [
      { name: 'name', kind: 'text', label: 'Name (leave empty to keep it)' },
      ...(complainant ? [{ name: 'vulnerable', kind: 'yesNo', label: 'Is the complainant vulnerable?' } as FieldSpec] : []),
      ...(subject
        ? [
            { name: 'dateOfBirth', kind: 'date', label: 'Date of birth (leave empty to keep it)', hint: 'For example, 14 7 1991.' } as FieldSpec,
            { name: 'tenure', kind: 'radios', label: 'Housing', choices: choices(TENURES) } as FieldSpec,
          ]
        : []),
      ...(witness ? [{ name: 'contact', kind: 'text', label: 'How to reach them (leave empty to keep it)' } as FieldSpec] : []),
    ],
    done: `Details of ${name} corrected`,
  };
}

/** Every correction says why the record was wrong; the timeline keeps it beside the old value. */
const correctionReason = reason('Why the record was wrong', 'Enter why the record was wrong');

/** Keeping the record right: its people, corrections, links between cases, the team and the policy version. */
export const RECORD_FORMS: Partial<Record<CaseCommandName, FormOf>> = {
  addParty,
  editParty,
  correctCategory: fixed({
    title: 'Correct the category',
    fields: [
      { name: 'category', kind: 'radios', label: 'Category', missing: 'Select the category', choices: choices(CASE_CATEGORIES) },
      correctionReason,
    ],
    done: 'Category corrected',
  }),
  correctSummary: fixed({
    title: 'Correct the summary',
    fields: [{ name: 'summary', kind: 'textarea', label: 'The corrected summary, in full', missing: 'Enter the corrected summary' }, correctionReason],
    done: 'Summary corrected',
  }),
  correctLocation: fixed({
    title: 'Correct the location',
    fields: [
      { name: 'address', kind: 'text', label: 'Address (leave empty to keep it)' },
      { name: 'ward', kind: 'text', label: 'Ward (leave empty to keep it)' },
      { name: 'priorityNeighbourhood', kind: 'yesNo', label: 'Is it in a priority neighbourhood?' },
      correctionReason,
    ],
    done: 'Location corrected',
  }),
  linkCase: fixed({
    title: 'Link another case',
    fields: [
      { name: 'linkedReference', kind: 'text', label: 'The other case’s reference', hint: 'For example, ASB-2026-000098.', missing: 'Enter the other case’s reference' },
      { name: 'reason', kind: 'radios', label: 'Why they belong together', missing: 'Select why the cases belong together', choices: choices(LINK_REASONS) },
      text('note', 'How (optional)'),
    ],
    done: 'Cases linked',
  }),
  unlinkCase: fixed({ title: 'Remove the link', fields: [{ ...text('reason', 'Why the cases no longer belong together'), missing: 'Enter why' }], done: 'Link removed' }),
  transferCase: ({ view, staff }) => ({
    title: 'Transfer the case to another team',
    fields: [
      {
        name: 'team',
        kind: 'radios',
        label: 'Which team',
        hint: 'Both teams’ managers are told by email.',
        missing: 'Select the team',
        choices: choices([...new Set(staff.flatMap((member) => (member.team && member.team !== view.team ? [member.team] : [])))]),
      },
      { name: 'caseworker', kind: 'text', label: 'Caseworker in that team’s user name (optional)', hint: 'Leave empty for that team’s manager to allocate.' },
      reason(),
    ],
    done: 'Case transferred',
  }),
  movePolicy: fixed({
    title: 'Move the case to another policy version',
    fields: [{ name: 'policyVersionId', kind: 'text', label: 'Policy version', hint: 'For example, 2026.1.', missing: 'Enter the policy version' }, reason()],
    done: 'Case moved to the policy version',
  }),
};
