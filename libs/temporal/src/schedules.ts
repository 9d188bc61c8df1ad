import { Client, Connection, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import type { MeetingForum } from '../../../libs/domain/src';
import { FORUM_MEETING_WORKFLOW_TYPE } from '../../../workflows/forum-meeting.workflow';
import { MANAGER_DIGEST_WORKFLOW_TYPE } from '../../../workflows/manager-digest.workflow';
import { connectionOnly, type TemporalConnectionOptions } from './connection-options';

export const MANAGER_DIGEST_SCHEDULE_ID = 'manager-digest';
export const FORUM_MEETING_SCHEDULE_IDS: Readonly<Record<MeetingForum, string>> = { MAG: 'mag-meeting', JAG: 'jag-meeting' };
const GRPC_UNIMPLEMENTED = 12;

export interface TemporalTarget extends TemporalConnectionOptions {
  readonly namespace: string;
  readonly taskQueue: string;
}

export interface ScheduledWorkflow {
  readonly scheduleId: string;
  readonly workflowType: string;
  readonly args: unknown[];
  /** A cron expression in `timezone`, e.g. `0 7 * * 1-5`. */
  readonly cron: string;
  readonly timezone: string;
}

export const managerDigestSchedule = (cron: string, timezone: string): ScheduledWorkflow => ({ scheduleId: MANAGER_DIGEST_SCHEDULE_ID, workflowType: MANAGER_DIGEST_WORKFLOW_TYPE, args: [], cron, timezone });

export const forumMeetingSchedule = (forum: MeetingForum, cron: string, timezone: string): ScheduledWorkflow => ({
  scheduleId: FORUM_MEETING_SCHEDULE_IDS[forum],
  workflowType: FORUM_MEETING_WORKFLOW_TYPE,
  args: [{ forum }],
  cron,
  timezone,
});

/**
 * Creates each schedule, or brings an existing one in line with the configuration, so that changing
 * its cron variable and restarting the worker is all it takes. A run missed while the cluster was
 * down is still made within a day; one already running is not started twice. Answers what it did per
 * schedule, or `unsupported` on a server without schedules (the time-skipping test server).
 */
export async function ensureSchedules(target: TemporalTarget, schedules: readonly ScheduledWorkflow[]): Promise<Record<string, 'created' | 'updated' | 'unsupported'>> {
  const connection = await Connection.connect(connectionOnly(target));
  const outcomes: Record<string, 'created' | 'updated' | 'unsupported'> = {};
  try {
    const client = new Client({ connection, namespace: target.namespace });
    for (const schedule of schedules) outcomes[schedule.scheduleId] = await ensureSchedule(client, target.taskQueue, schedule);
  } finally {
    await connection.close();
  }
  return outcomes;
}

async function ensureSchedule(client: Client, taskQueue: string, schedule: ScheduledWorkflow): Promise<'created' | 'updated' | 'unsupported'> {
  const spec = { cronExpressions: [schedule.cron], timezone: schedule.timezone };
  const action = { type: 'startWorkflow' as const, workflowType: schedule.workflowType, taskQueue, args: schedule.args, workflowId: schedule.scheduleId };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' };
  try {
    await client.schedule.create({ scheduleId: schedule.scheduleId, spec, action, policies });
    return 'created';
  } catch (error) {
    if (grpcCodeOf(error) === GRPC_UNIMPLEMENTED) return 'unsupported';
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(schedule.scheduleId).update((previous) => ({ ...previous, spec, action, policies: { ...previous.policies, ...policies } }));
  return 'updated';
}

/** The client wraps the gRPC error (as `cause`) in a ServiceError. */
function grpcCodeOf(error: unknown): number | undefined {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}
