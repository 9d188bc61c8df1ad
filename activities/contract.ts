import type { CaseFile, RiskLevel, TimelineEntry } from '../libs/domain/src';

/**
 * What the case workflow asks of the outside world. Workflows import these types only; the worker
 * binds them to adapters over PostgreSQL and SMTP. Every call is safe to repeat.
 */
export interface CaseFileActivities {
  /** Writes the case's read model and appends its new timeline entries; an older version never overwrites a newer one. */
  saveCaseFile(change: { file: CaseFile; timeline: readonly TimelineEntry[] }): Promise<void>;
}

export interface OverdueReviewAlert {
  readonly reference: string;
  readonly deadlineId: string;
  readonly dueOn: string;
  readonly riskLevel: RiskLevel;
  readonly team: string;
  readonly caseworker?: string;
}

export interface AlertActivities {
  /** Sends the overdue-review alert to the case's manager, once per deadline however often it is called. */
  sendOverdueReviewAlert(alert: OverdueReviewAlert): Promise<{ recipients: string[] }>;
}

export type CaseActivities = CaseFileActivities & AlertActivities;
