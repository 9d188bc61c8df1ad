import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const { EventType } = temporal.api.enums.v1;

/** A case's history as the server holds it. */
export async function historyOf(client: Client, workflowId: string): Promise<HistoryEvent[]> {
  return ((await client.workflow.getHandle(workflowId).fetchHistory()).events ?? []) as HistoryEvent[];
}

/** What a stretch of history cost the server: workflow tasks completed, activities scheduled (by type), local activities run. */
export interface HistoryCost {
  readonly workflowTasks: number;
  readonly activities: readonly string[];
  readonly localActivities: number;
}

export function costOf(events: readonly HistoryEvent[]): HistoryCost {
  return {
    workflowTasks: events.filter((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).length,
    activities: events.flatMap((event) => (event.activityTaskScheduledEventAttributes ? [event.activityTaskScheduledEventAttributes.activityType?.name ?? '?'] : [])),
    localActivities: events.filter((event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity').length,
  };
}

/** Whether the update `updateId` was accepted and completed with no workflow task started between: it cost one task. */
export function completedInOneTask(events: readonly HistoryEvent[], updateId: string): boolean {
  const accepted = events.findIndex((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.protocolInstanceId === updateId || event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId === updateId);
  const completed = events.findIndex((event) => event.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId === updateId);
  if (accepted < 0 || completed < accepted) return false;
  return !events.slice(accepted, completed).some((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
}

/** Whether the case is at rest: every activity scheduled has ended and no workflow task is waiting or running. */
export function atRest(events: readonly HistoryEvent[]): boolean {
  const scheduled = events.filter((event) => event.activityTaskScheduledEventAttributes).length;
  const ended = events.filter((event) => event.activityTaskCompletedEventAttributes || event.activityTaskFailedEventAttributes || event.activityTaskTimedOutEventAttributes).length;
  const last = events.at(-1)?.eventType;
  return scheduled === ended && last !== EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED && last !== EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED;
}

/** The value the update `updateId` answered with, as written into the history (JSON payloads). */
export function updateResultOf(events: readonly HistoryEvent[], updateId: string): unknown {
  const completed = events.find((event) => event.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId === updateId);
  const payload = completed?.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success?.payloads?.[0];
  if (!payload?.data) throw new Error(`no successful outcome of update ${updateId} in the history`);
  return JSON.parse(Buffer.from(payload.data).toString('utf8'));
}
