import type { LocalDate, Pspo, PspoDeadline, CaseFile, CaseSaveFailure, PolicyVersion, StepDocumentKind, Complaint, ForumAgenda, ForumAgendaNotice, MeetingForum, DeliveryOutcome, ManagerDigestNotice, Notice, TimelineEntry } from '../libs/domain/src';

/**
 * What the workflows ask of the outside world. Workflows import these types only; the worker binds
 * them to adapters over PostgreSQL and SMTP. Every call is safe to repeat. A call PostgreSQL refuses
 * for what it carries fails at once, not retried, as `REJECTED_BY_DATABASE` (see failure-policy.ts).
 */
/** The failure type of a call PostgreSQL refused for what it carries; its details hold the SQLSTATE and message. */
export const REJECTED_BY_DATABASE = 'RejectedByDatabase';

export interface CaseFileActivities {
  /** Writes the case's read model and appends its new timeline entries; an older version never overwrites a newer one. */
  saveCaseFile(change: { file: CaseFile; timeline: readonly TimelineEntry[] }): Promise<void>;
  /** Incidents logged on other cases about the same victim (by name) or the same address. */
  complaintsOnOtherCases(about: { reference: string; complainantNames: readonly string[]; address?: string }): Promise<Complaint[]>;
  /** Keeps a change PostgreSQL refused for good (once per failure id), for operators and admins. */
  recordCaseNotSaved(failure: CaseSaveFailure): Promise<void>;
}

/** A notice an admin re-sent, as the case's timeline records it. */
export interface ResentNotification {
  readonly outcome: 'sent' | 'failed' | 'not-pending';
  readonly noticeKey: string;
  readonly kind: string;
  readonly recipient: string;
  readonly reference?: string;
  readonly requestedBy?: string;
}

export interface NoticeActivities {
  /**
   * Sends a notice to each person its audience names, once each however often it is called. While the
   * mail server is unavailable it fails, to be retried; an address refused for good is reported, not retried.
   */
  deliverNotice(notice: Notice): Promise<DeliveryOutcome>;
  /** Each team's overdue reviews and the deadlines of the next 7 days, one digest per team with anything in it. */
  compileManagerDigests(request: { asOf: string }): Promise<ManagerDigestNotice[]>;
  /** Sends again a notification an admin put back in line. */
  resendNotification(request: { id: string }): Promise<ResentNotification>;
}

export interface ForumActivities {
  /**
   * Compiles the forum's agenda from the read model and records the meeting (once per forum and day);
   * answers the agenda notice for each partner agency in the directory, each holding what it may see.
   */
  prepareForumMeeting(request: { forum: MeetingForum; asOf: string }): Promise<{ meetingId: string; agenda: ForumAgenda; notices: ForumAgendaNotice[] }>;
}

/** What making the notice of a recorded step came to: made (now or by an earlier attempt), or not, for what the file lacks. */
export type NoticeOnRecord = { readonly outcome: 'made'; readonly documentId: string; readonly version: number } | { readonly outcome: 'incomplete'; readonly missing: string };

export interface DocumentActivities {
  /**
   * Makes the notice of a step just recorded, once however often it is called (one per step and kind).
   * A file that lacks what the law needs is answered `incomplete`, not retried: the caseworker makes the
   * notice on demand once the file is complete. A store or PostgreSQL away is retried.
   */
  makeNoticeOnRecord(request: { reference: string; policy: PolicyVersion; kind: StepDocumentKind; stepId: string }): Promise<NoticeOnRecord>;
}

/** What sending one case its move to a policy version came to. */
export type CaseMoveOutcome =
  | { readonly outcome: 'MOVED' }
  /** The case was under the version already: moved by an earlier attempt of this fan-out, or by hand. */
  | { readonly outcome: 'ALREADY_UNDER_IT' }
  /** The case refused the move (it closed meanwhile): the refusal's own words. */
  | { readonly outcome: 'REFUSED'; readonly reason: string };

export interface PolicyFanOutActivities {
  /**
   * Sends one case the recorded `movePolicy` step, as the API does, under an update id of the fan-out's
   * own: a repeat after a lost answer is the same update, and a case that took it refuses a second.
   */
  moveCaseToPolicy(request: { readonly fanOutId: string; readonly reference: string; readonly policy: PolicyVersion; readonly reason: string; readonly actor: string }): Promise<CaseMoveOutcome>;
}

/** What a PSPO's owner is told: a deadline coming (or the consultation overdue), or the order lapsed. `key` makes it once per deadline. */
export interface PspoNotice {
  readonly kind: 'CONSULTATION_DUE' | 'EXPIRY_APPROACHING' | 'EXPIRED';
  readonly key: string;
  readonly pspo: Pspo;
  readonly deadline?: PspoDeadline;
  readonly overdue?: boolean;
}

export interface PspoActivities {
  /** Sends the notice to the order's owner, from the staff directory, once however often it is called (the notification outbox). */
  deliverPspoNotice(notice: PspoNotice): Promise<DeliveryOutcome>;
  /** Records that the order lapsed at the end of its last day (`expirePspo`), once; nothing for an order discharged meanwhile. */
  recordPspoLapse(request: { pspoId: string; on: LocalDate }): Promise<void>;
}

export type CaseActivities = CaseFileActivities & NoticeActivities & ForumActivities & DocumentActivities & PspoActivities & PolicyFanOutActivities;
