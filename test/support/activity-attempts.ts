import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

/**
 * The attempt each finished call of `activity` ended on, in the workflow's history: 1 when it was not
 * retried. (Temporal writes an activity's started event once, when it ends, with its last attempt.)
 */
export async function activityAttempts(client: Client, workflowId: string, activity: string): Promise<number[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = (history.events ?? []) as temporal.api.history.v1.IHistoryEvent[];
  const scheduled = new Set(events.filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === activity).map((event) => String(event.eventId)));
  return events
    .filter((event) => event.activityTaskStartedEventAttributes && scheduled.has(String(event.activityTaskStartedEventAttributes.scheduledEventId)))
    .map((event) => event.activityTaskStartedEventAttributes!.attempt ?? 0);
}
