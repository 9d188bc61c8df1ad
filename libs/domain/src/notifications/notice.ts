import type { AlertAudience, DeadlineKind } from '../deadline';
import type { LocalDate } from '../calendar';
import type { RiskLevel } from '../case-classification';
import type { ForumAgenda, MeetingForum } from '../forums/forum-meeting';
import type { CaseSaveFailure } from '../case-file/save-failure';

/** Who a notice is for. Resolved to people through the staff directory by role, team and agency. */
export type NoticeAudience = AlertAudience | 'ADMIN';

/** A deadline as the reader of an email needs it. */
export interface DeadlineFacts {
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly title: string;
  readonly dueOn: LocalDate;
  readonly dueAt: string;
  readonly reason: string;
}

/** The case as a notice describes it: reference and handling, never the victim's or complainant's details. */
export interface CaseHeadline {
  readonly reference: string;
  readonly team: string;
  readonly caseworker?: string;
  readonly riskLevel?: RiskLevel;
}

/** What the legal team needs to start on a step without first opening the file. */
export interface LegalCaseSummary {
  readonly stage: string;
  readonly category: string;
  readonly forum: string;
  readonly incidents: number;
  readonly lastIncidentOn?: LocalDate;
  /** The enforcement history, oldest first: "CPW issued on 2026-11-02". */
  readonly enforcement: readonly string[];
  readonly referral: { readonly id: string; readonly step: string; readonly status: string; readonly youth: boolean; readonly courts: readonly string[] };
}

interface NoticeBase {
  /** The business identity (case or scope, subject, kind, occurrence): one email per recipient, ever. */
  readonly key: string;
  readonly audience: NoticeAudience;
  readonly team: string;
  /** For a partner agency's notices: the agency. */
  readonly agency?: string;
}

export type CaseNotice =
  | (NoticeBase & { readonly kind: 'DEADLINE_MISSED'; readonly case: CaseHeadline; readonly deadline: DeadlineFacts })
  | (NoticeBase & { readonly kind: 'COMING_DUE'; readonly case: CaseHeadline; readonly deadline: DeadlineFacts })
  | (NoticeBase & {
      readonly kind: 'LEGAL_STEP';
      readonly case: CaseHeadline;
      readonly step: { readonly what: string; readonly at: string; readonly by: string };
      readonly summary: LegalCaseSummary;
      /** The referral's deadlines still to be met, soonest first. */
      readonly deadlines: readonly DeadlineFacts[];
    })
  | (NoticeBase & {
      readonly kind: 'CASE_REVIEW_THRESHOLD';
      readonly case: CaseHeadline;
      /** Met by the incidents logged on the case, or assessed on an application for a review. */
      readonly trigger: 'INCIDENTS' | 'APPLICATION';
      readonly met: boolean;
      readonly explanation: string;
      readonly deadlines: readonly DeadlineFacts[];
    })
  | (NoticeBase & {
      readonly kind: 'PARTNER_ACTION_ASSIGNED';
      readonly case: CaseHeadline;
      readonly action: { readonly id: string; readonly description: string; readonly dueOn: LocalDate; readonly assignedBy: string; readonly forum?: string };
    })
  /** For the managers of both teams, one notice each: a case moved from one team to the other. */
  | (NoticeBase & { readonly kind: 'CASE_TRANSFERRED'; readonly case: CaseHeadline; readonly from: string; readonly to: string; readonly by: string; readonly at: string })
  /** For the manager: a corrected date of birth under which steps already taken would not have been allowed. */
  | (NoticeBase & { readonly kind: 'AGE_CONFLICT'; readonly case: CaseHeadline; readonly by: string; readonly at: string; readonly steps: readonly string[] })
  /** For the admins: a change PostgreSQL refused for good. It names the case, never the data refused. */
  | (NoticeBase & { readonly kind: 'CASE_NOT_SAVED'; readonly failure: CaseSaveFailure });

/** One line of a manager's digest. */
export interface DigestItem {
  readonly reference: string;
  readonly riskLevel?: RiskLevel;
  readonly caseworker?: string;
  readonly title: string;
  readonly dueOn: LocalDate;
}

export interface ManagerDigestNotice extends NoticeBase {
  readonly kind: 'MANAGER_DIGEST';
  readonly on: LocalDate;
  readonly overdueReviews: readonly DigestItem[];
  /** Every deadline falling due from today to `until`, soonest first. */
  readonly comingDeadlines: readonly DigestItem[];
  readonly until: LocalDate;
}

/** A forum's agenda as one partner agency may see it, sent to its people ahead of the meeting. */
export interface ForumAgendaNotice extends NoticeBase {
  readonly kind: 'FORUM_AGENDA';
  readonly forum: MeetingForum;
  readonly meetingId: string;
  readonly on: LocalDate;
  readonly agenda: ForumAgenda;
}

export type Notice = CaseNotice | ManagerDigestNotice | ForumAgendaNotice;
export type NoticeKind = Notice['kind'];

/** The case a notice is about, if it is about one. */
export function referenceOf(notice: Notice): string | undefined {
  if (notice.kind === 'CASE_NOT_SAVED') return notice.failure.reference;
  return notice.kind === 'MANAGER_DIGEST' || notice.kind === 'FORUM_AGENDA' ? undefined : notice.case.reference;
}

/** A key readable in logs and the admin view: `<scope>:<subject>:<kind>:<occurrence>`. */
export function noticeKey(scope: string, subject: string, kind: string, occurrence = 1): string {
  return `${scope}:${subject}:${kind}:${occurrence}`;
}
