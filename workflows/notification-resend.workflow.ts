import { getExternalWorkflowHandle, log } from '@temporalio/workflow';
import type { ResentNotification } from '../activities/contract';
import { noticeResent } from './case-messages';
import { activities } from './activities';

export const NOTIFICATION_RESEND_WORKFLOW_TYPE = 'notificationResendWorkflow';

/** An admin's re-send of a refused notification: sent with the same retries as any notice, then told to its case. */
export async function notificationResendWorkflow(request: { id: string }): Promise<ResentNotification> {
  const resent = await activities.resendNotification(request);
  if (resent.outcome === 'sent' && resent.reference) {
    try {
      await getExternalWorkflowHandle(resent.reference).signal(noticeResent, {
        key: resent.noticeKey,
        kind: resent.kind,
        recipient: resent.recipient,
        by: resent.requestedBy ?? 'admin',
      });
    } catch {
      // The case's process has ended; the notification's own record and the audit trail still show the re-send.
      log.info('case process has ended; re-send not added to its timeline', { reference: resent.reference });
    }
  }
  return resent;
}
