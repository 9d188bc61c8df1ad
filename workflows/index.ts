// The worker's workflow bundle entry point: every workflow type the case service runs.
export { caseWorkflow } from './case.workflow';
export { managerDigestWorkflow } from './manager-digest.workflow';
export { notificationResendWorkflow } from './notification-resend.workflow';
export { forumMeetingWorkflow } from './forum-meeting.workflow';
export { policyFanOutWorkflow } from './policy-fan-out.workflow';
export { pspoWorkflow } from './pspo.workflow';
