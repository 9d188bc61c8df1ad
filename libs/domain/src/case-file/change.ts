import type { CaseFile, CaseChange, TimelineEntry } from './state';
import { type Deadline, type DeadlineStatus, resolveDeadline } from '../deadline';

export type NewEntry = Omit<TimelineEntry, 'seq'>;

/** The one way a case changes: a new version of the file and the timeline entries that explain it. */
export function changed(file: CaseFile, next: Partial<CaseFile>, entries: readonly NewEntry[], alerts: readonly Deadline[] = []): CaseChange {
  const timeline = entries.map((entry, index) => ({ ...entry, seq: file.timelineSeq + index + 1 }));
  return {
    file: { ...file, ...next, version: file.version + 1, timelineSeq: file.timelineSeq + entries.length },
    timeline,
    ...(alerts.length > 0 ? { alerts } : {}),
  };
}

/** Resolves every pending deadline that matches; the others stay as they are. */
export function resolvePending(
  deadlines: readonly Deadline[],
  matches: (deadline: Deadline) => boolean,
  status: Exclude<DeadlineStatus, 'PENDING'>,
  resolution: string,
  now: Date,
): Deadline[] {
  return deadlines.map((deadline) => (deadline.status === 'PENDING' && matches(deadline) ? resolveDeadline(deadline, status, resolution, now) : deadline));
}

export function pendingOf(file: CaseFile, kind: Deadline['kind']): Deadline[] {
  return file.deadlines.filter((deadline) => deadline.kind === kind && deadline.status === 'PENDING');
}

/** A deadline id unique within the case: `<kind>-<n>`, n counting deadlines of that kind ever planned. */
export function nextDeadlineId(file: CaseFile, kind: Deadline['kind'], extra: readonly Deadline[] = []): string {
  const count = [...file.deadlines, ...extra].filter((deadline) => deadline.kind === kind).length;
  return `${kind.toLowerCase().replaceAll('_', '-')}-${count + 1}`;
}

export const humanise = (value: string) => value.toLowerCase().replaceAll('_', ' ');
