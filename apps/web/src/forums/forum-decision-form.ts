import { HttpException } from '@nestjs/common';
import { FORUM_DECISIONS, PARTNER_AGENCIES } from '../../../../libs/domain/src';
import { ForumDecisionRequest } from '../../../api/src/forums/forum-meeting.schemas';
import { toProblem } from '../../../api/src/http/dependency-errors';
import { type Answers, bodyOf, type FieldSpec } from '../forms/form-fields';
import { errorsOfIssues, errorsOfProblem, type FormErrors } from '../forms/form-errors';
import { inWords } from '../rendering/words';

/** What each decision does to the case, as the chair reads it beside the choice. */
const DECISION_HINTS: Readonly<Record<(typeof FORUM_DECISIONS)[number], string>> = {
  ACTION_ASSIGNED: 'An agency takes on an action, with a date it is due by.',
  ESCALATED: 'The case moves up one forum.',
  DE_ESCALATED: 'The case moves down one forum.',
  REFERRED_TO_ADULTS_AT_RISK: 'The case is also referred to the adults at risk forum.',
  NOTED: 'Recorded only: nothing changes on the case.',
};

/** The chair's form: the questions of the API's `ForumDecisionRequest`, asked in this order. */
export function decisionFields(references: readonly string[]): FieldSpec[] {
  return [
    { name: 'reference', kind: 'radios', label: 'Case', missing: 'Select the case the decision is about', choices: references.map((reference) => ({ value: reference, text: reference })) },
    { name: 'decision', kind: 'radios', label: 'Decision', missing: 'Select what the meeting decided', choices: FORUM_DECISIONS.map((value) => ({ value, text: inWords(value), hint: DECISION_HINTS[value] })) },
    { name: 'reason', kind: 'textarea', label: 'Why', missing: 'Enter why the meeting decided it' },
    { name: 'action.agency', kind: 'radios', label: 'Agency', missing: 'Select the agency that takes on the action', choices: PARTNER_AGENCIES.map((value) => ({ value, text: inWords(value) })) },
    { name: 'action.description', kind: 'textarea', label: 'Action', missing: 'Enter what the agency will do' },
    { name: 'action.dueOn', kind: 'date', label: 'Due date', hint: 'For example, 18 12 2026', missing: 'Enter the date the action is due by' },
  ];
}

export type DecisionRequest = ReturnType<typeof ForumDecisionRequest.parse>;

/** The answers as the API's decision, or the form's errors; the action's details count only for an action. */
export function decisionOf(fields: readonly FieldSpec[], answers: Answers): { request: DecisionRequest } | { errors: FormErrors } {
  const { body, unreadable } = bodyOf(fields, answers);
  const forAction = body.decision === 'ACTION_ASSIGNED';
  if (!forAction) delete body.action;
  const kept = forAction ? unreadable : unreadable.filter((item) => !item.name.startsWith('action.'));
  // An action left wholly blank is judged field by field, as the schema asks for each.
  if (forAction && body.action === undefined) body.action = {};
  const parsed = ForumDecisionRequest.safeParse(body);
  if (!parsed.success || kept.length > 0) return { errors: errorsOfIssues(fields, kept, parsed.success ? [] : parsed.error.issues) };
  return { request: parsed.data };
}

/** A refusal of the API's forum decision logic (a problem: its condition, or fields) as the form's errors; anything else is not the form's. */
export function errorsOfRefusal(fields: readonly FieldSpec[], error: unknown): FormErrors | undefined {
  // A refusal by the case's workflow arrives as Temporal's error: the API's problem for it, as the API answers.
  const problem = toProblem(error) ?? error;
  if (!(problem instanceof HttpException) || ![400, 409, 422].includes(problem.getStatus())) return undefined;
  return errorsOfProblem(fields, problem.getResponse() as Parameters<typeof errorsOfProblem>[1]);
}
