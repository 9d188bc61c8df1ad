import { changed } from '../case-file/change';
import type { CaseChange, CaseFile } from '../case-file/state';
import type { CaseNotice } from './notice';
import { SYSTEM_ACTOR } from '../system-actor';

export interface DeliveryOutcome {
  /** Addresses the mail server accepted the notice for (now or on an earlier attempt). */
  readonly sent: readonly string[];
  /** Addresses it refused for good: shown to admins, who can re-send. */
  readonly failed: readonly string[];
}


/** What a notice is called in the timeline: "case review alert", "legal step notice". */
export function noticeTitle(notice: CaseNotice): string {
  switch (notice.kind) {
    case 'DEADLINE_MISSED':
      return `${notice.deadline.kind.toLowerCase().replaceAll('_', ' ')} alert`;
    case 'COMING_DUE':
      return `${notice.deadline.title.toLowerCase()} reminder`;
    case 'LEGAL_STEP':
      return 'legal step notice';
    case 'PARTNER_ACTION_ASSIGNED':
      return 'partner action notice';
    case 'CASE_REVIEW_THRESHOLD':
      return 'ASB Case Review notice';
    case 'CASE_TRANSFERRED':
      return `transfer notice to team ${notice.team}`;
    case 'AGE_CONFLICT':
      return 'date of birth notice';
    case 'CASE_NOT_SAVED':
      return 'case-not-saved notice';
  }
}

/** Records who a notice reached, and who it could not, so that the timeline shows who was told. */
export function recordNoticeDelivered(file: CaseFile, notice: CaseNotice, outcome: DeliveryOutcome, now: Date): CaseChange {
  const title = noticeTitle(notice);
  const data = { notice: notice.kind, key: notice.key, ...(notice.kind === 'DEADLINE_MISSED' || notice.kind === 'COMING_DUE' ? { deadlineId: notice.deadline.id } : {}) };
  return changed(file, {}, [
    ...(outcome.sent.length > 0
      ? [{ kind: 'ALERT_SENT', at: now.toISOString(), actor: SYSTEM_ACTOR, summary: `${title} sent to ${outcome.sent.join(', ')}`, data: { ...data, recipients: [...outcome.sent] } }]
      : []),
    ...(outcome.failed.length > 0
      ? [{ kind: 'ALERT_FAILED', at: now.toISOString(), actor: SYSTEM_ACTOR, summary: `${title} refused by the mail server for ${outcome.failed.join(', ')}: an admin can re-send it`, data: { ...data, recipients: [...outcome.failed] } }]
      : []),
  ]);
}

/** An admin re-sent a notice the mail server had refused, and it was accepted this time. */
export function recordNoticeResent(file: CaseFile, resent: { key: string; kind: string; recipient: string; by: string }, now: Date): CaseChange {
  return changed(file, {}, [
    { kind: 'ALERT_SENT', at: now.toISOString(), actor: resent.by, summary: `${resent.kind.toLowerCase().replaceAll('_', ' ')} notice re-sent to ${resent.recipient}`, data: { ...resent, recipients: [resent.recipient] } },
  ]);
}
