import type { PspoRefusal, PspoRefusalCondition } from '../../../../libs/domain/src';
import { PROBLEM_BASE, ProblemException } from '../http/problem';

/**
 * How a PSPO rule's refusal is answered. What the request itself states against the law (an expiry
 * beyond 3 years, a fixed penalty above the maximum) is 422, naming the field; what the order's state
 * forbids (expired, not consulted, the consultation already used) is 409, as a case command's refusal.
 */
const ANSWERS: Record<PspoRefusalCondition, { readonly status: 409 | 422; readonly field?: string }> = {
  PSPO_AREA_DESCRIPTION_REQUIRED: { status: 422, field: 'area.description' },
  PSPO_AREA_SHAPE_INVALID: { status: 422, field: 'area.geometry' },
  PSPO_NOTHING_PROHIBITED_OR_REQUIRED: { status: 422, field: 'prohibitions' },
  PSPO_OWNER_REQUIRED: { status: 422, field: 'owner' },
  PSPO_MADE_IN_FUTURE: { status: 422, field: 'madeOn' },
  PSPO_EXPIRY_NOT_AFTER_MADE: { status: 422, field: 'expiresOn' },
  PSPO_TOO_LONG: { status: 422, field: 'expiresOn' },
  PSPO_CONSULTATION_INCOMPLETE: { status: 422, field: 'consultees' },
  PSPO_CONSULTATION_NOT_CLOSED: { status: 422, field: 'consultationId' },
  PSPO_CONSULTATION_IN_FUTURE: { status: 422, field: 'closedOn' },
  PSPO_REASON_REQUIRED: { status: 422, field: 'reason' },
  PSPO_EXTENSION_NOT_LATER: { status: 422, field: 'expiresOn' },
  PSPO_DECISION_IN_FUTURE: { status: 422, field: 'decidedOn' },
  PSPO_BREACH_IN_FUTURE: { status: 422, field: 'occurredOn' },
  PSPO_BREACH_OUTSIDE_ORDER: { status: 422, field: 'occurredOn' },
  PSPO_BREACH_DESCRIPTION_REQUIRED: { status: 422, field: 'description' },
  PSPO_FPN_AMOUNT_INVALID: { status: 422, field: 'fixedPenalty.amountPounds' },
  PSPO_FPN_AMOUNT_ABOVE_MAXIMUM: { status: 422, field: 'fixedPenalty.amountPounds' },
  PSPO_FPN_BEFORE_BREACH: { status: 422, field: 'fixedPenalty.issuedOn' },
  PSPO_FPN_IN_FUTURE: { status: 422, field: 'fixedPenalty.issuedOn' },
  PSPO_NOT_IN_FORCE: { status: 409 },
  PSPO_NOT_CONSULTED: { status: 409, field: 'consultationId' },
  PSPO_CONSULTATION_ALREADY_USED: { status: 409, field: 'consultationId' },
  PSPO_CONSULTATION_ID_TAKEN: { status: 409 },
  PSPO_VARIATION_CHANGES_NOTHING: { status: 409 },
  PSPO_NOT_YET_EXPIRED: { status: 409 },
};

/** Making an order carries its consultation inside the request: its fields are named where they are. */
export const MAKE_FIELDS: Partial<Record<PspoRefusalCondition, string>> = {
  PSPO_CONSULTATION_INCOMPLETE: 'consultation.consultees',
  PSPO_CONSULTATION_NOT_CLOSED: 'consultation.closedOn',
};

/** The refusal as a problem: `condition` for a client to switch on, `errors[0].field` naming what to change, and any facts (`maximumPounds`). */
export function pspoRefusalProblem(refusal: PspoRefusal, fields: Partial<Record<PspoRefusalCondition, string>> = {}, facts: Record<string, unknown> = {}): ProblemException {
  const answer = ANSWERS[refusal.condition];
  const field = fields[refusal.condition] ?? answer.field;
  return new ProblemException({
    type: `${PROBLEM_BASE}/refused`,
    title: answer.status === 409 ? 'The PSPO’s state does not allow this' : 'The request is against the law on PSPOs',
    status: answer.status,
    detail: refusal.message,
    condition: refusal.condition,
    ...(field ? { errors: [{ field, message: refusal.message }] } : {}),
    ...facts,
  });
}
