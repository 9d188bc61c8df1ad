/**
 * Every condition a PSPO rule can be refused on, with the sentence a person is shown for it. A catalogue
 * of its own, apart from the case commands' (`REFUSAL_CONDITIONS`): a PSPO is a record of the council's,
 * not a case, and its refusals are answered by its own endpoints. A refusal can carry no code that is
 * not listed here: the type forbids it.
 */
export const PSPO_REFUSAL_CONDITIONS = {
  PSPO_AREA_DESCRIPTION_REQUIRED: 'Describe the restricted area in words, so that it can be published and signed.',
  PSPO_AREA_SHAPE_INVALID: 'The map of the restricted area is not a valid GeoJSON Polygon or MultiPolygon.',
  PSPO_NOTHING_PROHIBITED_OR_REQUIRED: 'A PSPO must prohibit or require at least one thing in the restricted area.',
  PSPO_OWNER_REQUIRED: 'Name the officer who owns the PSPO: they are reminded of its consultation and expiry.',
  PSPO_MADE_IN_FUTURE: 'A PSPO is recorded as made once it has been made.',
  PSPO_EXPIRY_NOT_AFTER_MADE: 'A PSPO must expire after the day it is made.',
  PSPO_TOO_LONG: 'A PSPO may have effect for at most 3 years, and each extension adds at most 3 years.',
  PSPO_NOT_CONSULTED: 'The law requires consultation before a PSPO is made, extended, varied or discharged, and none is recorded for this.',
  PSPO_CONSULTATION_INCOMPLETE: 'The consultation must include the chief officer of police, the local policing body and community representatives, and the proposal must be published.',
  PSPO_CONSULTATION_NOT_CLOSED: 'The consultation had not closed by the day of the decision.',
  PSPO_CONSULTATION_IN_FUTURE: 'A consultation is recorded once it has closed.',
  PSPO_CONSULTATION_ALREADY_USED: 'That consultation has already been relied on for another decision on the PSPO.',
  PSPO_CONSULTATION_ID_TAKEN: 'Another consultation on the PSPO already has that id.',
  PSPO_REASON_REQUIRED: 'Record why the decision is necessary.',
  PSPO_NOT_IN_FORCE: 'The PSPO is not in force: it has expired or been discharged.',
  PSPO_NOT_YET_EXPIRED: 'The PSPO has not reached its expiry yet.',
  PSPO_EXTENSION_NOT_LATER: 'An extension must run beyond the current expiry.',
  PSPO_VARIATION_CHANGES_NOTHING: 'The variation changes nothing: the PSPO already says that.',
  PSPO_DECISION_IN_FUTURE: 'A decision is recorded once it has been made.',
  PSPO_BREACH_IN_FUTURE: 'A breach can only be recorded once it has happened.',
  PSPO_BREACH_OUTSIDE_ORDER: 'The PSPO was not in force on the day of the breach.',
  PSPO_BREACH_DESCRIPTION_REQUIRED: 'Say what was done, or not done, in breach of the PSPO.',
  PSPO_FPN_AMOUNT_INVALID: 'A fixed penalty is a positive amount in whole pence.',
  PSPO_FPN_AMOUNT_ABOVE_MAXIMUM: 'The fixed penalty is above the legal maximum on the day of the breach.',
  PSPO_FPN_BEFORE_BREACH: 'A fixed penalty notice cannot be issued before the breach it is for.',
  PSPO_FPN_IN_FUTURE: 'A fixed penalty notice is recorded once it has been issued.',
} as const satisfies Record<string, string>;

export type PspoRefusalCondition = keyof typeof PSPO_REFUSAL_CONDITIONS;

export const PSPO_REFUSAL_CONDITION_CODES = Object.keys(PSPO_REFUSAL_CONDITIONS) as [PspoRefusalCondition, ...PspoRefusalCondition[]];

/** Why a PSPO rule said no: the condition a client switches on, and a message naming this PSPO's particulars. */
export interface PspoRefusal {
  readonly condition: PspoRefusalCondition;
  readonly message: string;
}

/** What a PSPO rule answers: the new record (or breach), or the refusal. Never both, never neither. */
export type PspoOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: PspoRefusal };

export function pspoRefused<T>(condition: PspoRefusalCondition, message: string): PspoOutcome<T> {
  return { ok: false, refusal: { condition, message } };
}

export function pspoAccepted<T>(value: T): PspoOutcome<T> {
  return { ok: true, value };
}
