import { Client, Connection, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { MANAGER_DIGEST_WORKFLOW_TYPE } from '../../../workflows/manager-digest.workflow';

export const MANAGER_DIGEST_SCHEDULE_ID = 'manager-digest';
const GRPC_UNIMPLEMENTED = 12;

export interface DigestScheduleSettings {
  readonly address: string;
  readonly namespace: string;
  readonly taskQueue: string;
  /** A cron expression in the partnership's time zone, e.g. `0 7 * * 1-5`. */
  readonly cron: string;
  readonly timezone: string;
}

/**
 * Creates the managers' daily digest schedule, or brings an existing one in line with the configured
 * time, so that changing DIGEST_SCHEDULE and restarting the worker is all it takes. A digest missed
 * while the cluster was down is still sent within a day; one already running is not started twice.
 * Returns what it did, or `unsupported` on a server without schedules (the time-skipping test server).
 */
export async function ensureManagerDigestSchedule(settings: DigestScheduleSettings): Promise<'created' | 'updated' | 'unsupported'> {
  const connection = await Connection.connect({ address: settings.address });
  try {
    const client = new Client({ connection, namespace: settings.namespace });
    const spec = { cronExpressions: [settings.cron], timezone: settings.timezone };
    const action = { type: 'startWorkflow' as const, workflowType: MANAGER_DIGEST_WORKFLOW_TYPE, taskQueue: settings.taskQueue, args: [] };
    const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' };
    try {
      await client.schedule.create({ scheduleId: MANAGER_DIGEST_SCHEDULE_ID, spec, action: { ...action, workflowId: MANAGER_DIGEST_SCHEDULE_ID }, policies });
      return 'created';
    } catch (error) {
      if (grpcCodeOf(error) === GRPC_UNIMPLEMENTED) return 'unsupported';
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
    await client.schedule.getHandle(MANAGER_DIGEST_SCHEDULE_ID).update((previous) => ({
      ...previous,
      spec,
      action: { ...action, workflowId: MANAGER_DIGEST_SCHEDULE_ID },
      policies: { ...previous.policies, ...policies },
    }));
    return 'updated';
  } finally {
    await connection.close();
  }
}

/** The client wraps the gRPC error (as `cause`) in a ServiceError. */
function grpcCodeOf(error: unknown): number | undefined {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}
