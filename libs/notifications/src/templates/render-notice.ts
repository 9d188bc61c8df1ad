import type { Notice } from '../../../domain/src';
import { ageConflictMail } from './age-conflict.template';
import { caseNotSavedMail } from './case-not-saved.template';
import { caseTransferredMail } from './case-transferred.template';
import { caseReviewMail } from './case-review.template';
import { comingDueMail } from './coming-due.template';
import { forumAgendaMail } from './forum-agenda.template';
import { deadlineMissedMail } from './deadline-missed.template';
import { legalStepMail } from './legal-step.template';
import { managerDigestMail } from './manager-digest.template';
import { renderMail, type RenderedMail } from './mail-layout';
import { partnerActionMail } from './partner-action.template';

/** Where an email's links lead: people act in the console; a case not saved is an operator's matter, in the API. */
export interface NoticeLinks {
  readonly consoleBaseUrl: string;
  readonly apiBaseUrl: string;
}

/** Text and HTML for a notice, linking to where the reader acts in the service. */
export function renderNotice(notice: Notice, { consoleBaseUrl, apiBaseUrl }: NoticeLinks): RenderedMail {
  if (notice.kind === 'FORUM_AGENDA') return renderMail(forumAgendaMail(notice, `${consoleBaseUrl}/forums/${notice.forum}/meetings/${notice.meetingId}`));
  if (notice.kind === 'CASE_NOT_SAVED') return renderMail(caseNotSavedMail(notice, `${apiBaseUrl}/case-failures?reference=${notice.failure.reference}`));
  if (notice.kind === 'MANAGER_DIGEST') return renderMail(managerDigestMail(notice, `${consoleBaseUrl}/teams/${encodeURIComponent(notice.team)}`));
  const caseUrl = `${consoleBaseUrl}/cases/${notice.case.reference}`;
  switch (notice.kind) {
    case 'DEADLINE_MISSED':
      return renderMail(deadlineMissedMail(notice, caseUrl));
    case 'COMING_DUE':
      return renderMail(comingDueMail(notice, caseUrl));
    case 'LEGAL_STEP':
      return renderMail(legalStepMail(notice, caseUrl));
    case 'PARTNER_ACTION_ASSIGNED':
      return renderMail(partnerActionMail(notice, caseUrl));
    case 'CASE_REVIEW_THRESHOLD':
      return renderMail(caseReviewMail(notice, caseUrl));
    case 'CASE_TRANSFERRED':
      return renderMail(caseTransferredMail(notice, caseUrl));
    case 'AGE_CONFLICT':
      return renderMail(ageConflictMail(notice, caseUrl));
  }
}
