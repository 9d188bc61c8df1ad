import { compareDates, type LocalDate } from '../calendar';
import type { PspoArea } from './pspo-area';

/**
 * Who must be consulted before a PSPO is made, extended, varied or discharged (s.72(3), (4)): the chief
 * officer of police and the local policing body, and whichever community representatives the council
 * thinks appropriate; the owner or occupier of land in the area as far as reasonably practicable.
 */
export const PSPO_CONSULTEES = ['CHIEF_OFFICER_OF_POLICE', 'LOCAL_POLICING_BODY', 'COMMUNITY_REPRESENTATIVES', 'OWNERS_OR_OCCUPIERS'] as const;
export type PspoConsultee = (typeof PSPO_CONSULTEES)[number];
/** The consultees without whom a consultation is not the necessary consultation of s.72(4). */
export const PSPO_REQUIRED_CONSULTEES: readonly PspoConsultee[] = ['CHIEF_OFFICER_OF_POLICE', 'LOCAL_POLICING_BODY', 'COMMUNITY_REPRESENTATIVES'];

/** The decision a consultation is for: each of them needs one of its own (s.72(3)). */
export const PSPO_DECISIONS = ['MAKE', 'EXTEND', 'VARY', 'DISCHARGE'] as const;
export type PspoDecisionKind = (typeof PSPO_DECISIONS)[number];

/** A consultation, recorded once it has closed. `usedFor` is set when a decision relies on it, so one consultation backs one decision. */
export interface PspoConsultation {
  readonly id: string;
  readonly purpose: PspoDecisionKind;
  /** The day the proposal was published (s.72(4)(b), "the necessary publicity"). */
  readonly publishedOn: LocalDate;
  readonly closedOn: LocalDate;
  readonly consultees: readonly PspoConsultee[];
  readonly usedFor?: PspoDecisionKind;
}

/** One decision on the record: its history, so that a published order can be read as it stood on a day. */
export interface PspoDecisionRecord {
  readonly kind: PspoDecisionKind;
  readonly on: LocalDate;
  readonly by: string;
  readonly consultationId: string;
  readonly reason: string;
  /** For an extension: the expiry before and after. */
  readonly expiry?: { readonly from: LocalDate; readonly to: LocalDate };
}

/**
 * The stored status. EXPIRED is recorded once the expiry has passed (`expirePspo`), but a rule never
 * trusts the stored word alone: `pspoStatusOn` says what the order is on a given day.
 */
export type PspoStatus = 'IN_FORCE' | 'EXPIRED' | 'DISCHARGED';

/**
 * A Public Spaces Protection Order (ASBCPA 2014 s.59): the council's own order over a public place, not
 * a step against a person and not a case. `expiresOn` is the last day it has effect.
 */
export interface Pspo {
  readonly id: string;
  readonly title: string;
  readonly area: PspoArea;
  /** Things that are not to be done in the area (s.59(4)(a)). */
  readonly prohibitions: readonly string[];
  /** Things that must be done by people carrying on specified activities there (s.59(4)(b)). */
  readonly requirements: readonly string[];
  readonly madeOn: LocalDate;
  readonly expiresOn: LocalDate;
  /** The day of the last extension (s.60(2)); absent while never extended. */
  readonly lastExtendedOn?: LocalDate;
  /** The officer (staff directory id) who answers for it and is reminded of its consultation and expiry. */
  readonly owner: string;
  readonly status: PspoStatus;
  readonly dischargedOn?: LocalDate;
  readonly consultations: readonly PspoConsultation[];
  readonly decisions: readonly PspoDecisionRecord[];
}

/** What the order is on `date`: discharged from its discharge, expired after its last day, else in force. */
export function pspoStatusOn(pspo: Pspo, date: LocalDate): PspoStatus {
  if (pspo.dischargedOn && compareDates(date, pspo.dischargedOn) >= 0) return 'DISCHARGED';
  if (compareDates(date, pspo.expiresOn) > 0) return 'EXPIRED';
  return 'IN_FORCE';
}

/** Whether the order had effect on `date`: made by then, not yet expired and not discharged. */
export function pspoInForceOn(pspo: Pspo, date: LocalDate): boolean {
  return compareDates(date, pspo.madeOn) >= 0 && pspoStatusOn(pspo, date) === 'IN_FORCE';
}
