import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * The attempt each finished call of `activity` ended on, in the workflow's history: 1 when it was not
 * retried. (Temporal writes an activity's started event once, when it ends, with its last attempt; a
 * local activity's marker holds the attempt it ended on, or, while it backs off on a timer, the attempt
 * that failed.)
 */
export async function activityAttempts(client: Client, workflowId: string, activity: string): Promise<number[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = (history.events ?? []) as HistoryEvent[];
  const scheduled = new Set(events.filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === activity).map((event) => String(event.eventId)));
  return events.flatMap((event) => {
    if (event.activityTaskStartedEventAttributes && scheduled.has(String(event.activityTaskStartedEventAttributes.scheduledEventId))) return [event.activityTaskStartedEventAttributes.attempt ?? 0];
    const local = localActivityOf(event);
    return local?.activity_type === activity ? [local.attempt] : [];
  });
}

function localActivityOf(event: HistoryEvent): { activity_type: string; attempt: number } | undefined {
  const marker = event.markerRecordedEventAttributes;
  const data = marker?.markerName === 'core_local_activity' ? marker.details?.data?.payloads?.[0]?.data : undefined;
  return data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type: string; attempt: number }) : undefined;
}
