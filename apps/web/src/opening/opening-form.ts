import type { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { CASE_CATEGORIES, CASE_TYPES, REPORT_CHANNELS, RISK_LEVELS, TENURES } from '../../../../libs/domain/src';
import { type Answers, bodyOf, type Choice, type FieldSpec } from '../forms/form-fields';
import { type FormErrors, errorsOfIssues } from '../forms/form-errors';
import { inWords } from '../rendering/words';
import { OpenCaseRequest } from '../../../api/src/cases/case.schemas';

const choices = (codes: readonly string[]): Choice[] => codes.map((code) => ({ value: code, text: inWords(code) }));

/** The report as the person opening the case gives it; one complainant and one subject here, more are added on the case. */
export function openingFields(caller: Caller): FieldSpec[] {
  return [
    { name: 'type', kind: 'radios', label: 'What kind of case is it?', missing: 'Select the kind of case', choices: choices(CASE_TYPES) },
    { name: 'category', kind: 'radios', label: 'Category', missing: 'Select the category', choices: choices(CASE_CATEGORIES) },
    // A partner agency's referral is opened by the agency, not here.
    { name: 'channel', kind: 'radios', label: 'How was it reported?', missing: 'Select how it was reported', choices: choices(REPORT_CHANNELS.filter((channel) => !channel.endsWith('_REFERRAL'))) },
    { name: 'summary', kind: 'textarea', label: 'What was reported', hint: 'In your words: at least 10 characters.', missing: 'Enter what was reported' },
    { name: 'location.address', kind: 'text', label: 'Address (optional)' },
    { name: 'location.ward', kind: 'text', label: 'Ward (optional)' },
    { name: 'complainant.name', kind: 'text', label: 'Complainant’s name (optional)' },
    { name: 'complainant.vulnerable', kind: 'checkbox', label: 'Complainant’s vulnerability', checkboxText: 'The complainant is vulnerable' },
    { name: 'subject.name', kind: 'text', label: 'Name of the person complained about (optional)' },
    { name: 'subject.dateOfBirth', kind: 'date', label: 'Their date of birth (optional)', hint: 'For example, 14 7 1991. Age decides which steps are open.' },
    { name: 'subject.tenure', kind: 'radios', label: 'Their housing (optional)', choices: choices(TENURES) },
    { name: 'riskLevel', kind: 'radios', label: 'Risk level, if assessed at intake (optional)', hint: 'Leave unselected to assess it later.', choices: choices(RISK_LEVELS) },
    {
      name: 'caseworker',
      kind: 'radios',
      label: 'Who works on the case?',
      hint: 'Unallocated cases wait for the team manager.',
      choices: [
        { value: caller.id, text: `Me (${caller.name})` },
        { value: '', text: 'Leave it for the manager to allocate' },
      ],
    },
  ];
}

type Issue = z.core.$ZodIssue;

/** The request's paths for the people (complainants.0.name) as the form names them (complainant.name). */
function asFormPath(issue: Issue): Issue {
  const [head, index, ...rest] = issue.path;
  if ((head === 'complainants' || head === 'subjects') && index === 0) return { ...issue, path: [head === 'complainants' ? 'complainant' : 'subject', ...rest] };
  return issue;
}

export type Opening = { readonly request: OpenCaseRequest } | { readonly errors: FormErrors };

/** The answers as the API's `OpenCaseRequest`, judged by the same schema as `POST /cases`. */
export function openingRequest(caller: Caller, fields: readonly FieldSpec[], answers: Answers, decision?: Record<string, unknown>): Opening {
  const { body, unreadable } = bodyOf(fields, answers);
  const { complainant, subject, caseworker, ...rest } = body as { complainant?: { name?: string; vulnerable?: boolean }; subject?: { name?: string }; caseworker?: string };
  const request = {
    ...rest,
    team: caller.team,
    ...(caseworker ? { caseworker } : {}),
    complainants: complainant?.name ? [{ id: 'c1', ...complainant }] : [],
    subjects: subject?.name ? [{ id: 's1', ...subject }] : [],
    ...(decision ? { possibleDuplicates: decision } : {}),
  };
  const parsed = OpenCaseRequest.safeParse(request);
  if (parsed.success && unreadable.length === 0) return { request: parsed.data };
  return { errors: errorsOfIssues(fields, unreadable, parsed.success ? [] : parsed.error.issues.map(asFormPath)) };
}
