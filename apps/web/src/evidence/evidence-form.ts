import type { CaseView } from '../../../api/src/cases/case.schemas';
import { type Answers, calendarDateOf, type FieldSpec } from '../forms/form-fields';
import { type FieldView, fieldView } from '../forms/form-view';
import { type FormErrors, NO_ERRORS } from '../forms/form-errors';
import { displayDateTime } from '../rendering/dates';

/** The file input: drawn by the page itself (GOV.UK file upload), named here so an error about `file` finds it. */
export const FILE_FIELD: FieldSpec = { name: 'file', kind: 'text', label: 'The file', missing: 'Select the file' };

/** The questions of the upload form, in the order the API reads them: every field comes before the file. */
export function evidenceFields(view: CaseView): FieldSpec[] {
  return [
    { name: 'description', kind: 'textarea', label: 'What is it?', hint: 'For example, the noise diary for 1 to 14 November.', missing: 'Enter what the evidence is' },
    {
      name: 'incidentId',
      kind: 'radios',
      label: 'Which incident does it support?',
      missing: 'Select the incident it supports',
      choices: view.incidents.map((incident) => ({ value: incident.id, text: `${displayDateTime(incident.occurredAt)}: ${incident.description}` })),
    },
    { name: 'providedBy', kind: 'text', label: 'Who provided it?', hint: 'A person or an agency.', missing: 'Enter who provided it' },
    { name: 'providedOn', kind: 'date', label: 'When was it made or provided?', hint: 'For example, 27 11 2026.', missing: 'Enter the date it was made or provided' },
  ];
}

/** The form's fields as the API names them: the date's three boxes as one date. */
export function evidenceFieldsOf(raw: Answers): Record<string, string> {
  const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : '');
  return { description: text('description'), incidentId: text('incidentId'), providedBy: text('providedBy'), providedOn: calendarDateOf(raw, 'providedOn') ?? '' };
}

export interface UploadPage {
  readonly reference: string;
  readonly action: string;
  readonly fields: FieldView[];
  readonly fileError?: string;
  readonly errors: FormErrors;
  readonly hasIncidents: boolean;
}

/** The upload page: the fields with their answers and errors. The CSRF token and a fresh idempotency key ride in the action's query string (the body is streamed, not parsed before the handler). */
export function uploadPage(view: CaseView, csrfToken: string, idempotencyKey: string, answers: Answers = {}, errors: FormErrors = NO_ERRORS): UploadPage {
  const query = new URLSearchParams({ _csrf: csrfToken, idempotencyKey });
  return {
    reference: view.reference,
    action: `/cases/${view.reference}/evidence?${query.toString()}`,
    fields: evidenceFields(view).map((field) => fieldView(field, answers, errors.byField[field.name])),
    ...(errors.byField.file ? { fileError: errors.byField.file } : {}),
    errors,
    hasIncidents: view.incidents.length > 0,
  };
}
