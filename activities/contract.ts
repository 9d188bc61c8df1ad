import type { AlertAudience, CaseFile, DeadlineKind, RiskLevel, TimelineEntry } from '../libs/domain/src';

/**
 * What the case workflow asks of the outside world. Workflows import these types only; the worker
 * binds them to adapters over PostgreSQL and SMTP. Every call is safe to repeat.
 */
export interface CaseFileActivities {
  /** Writes the case's read model and appends its new timeline entries; an older version never overwrites a newer one. */
  saveCaseFile(change: { file: CaseFile; timeline: readonly TimelineEntry[] }): Promise<void>;
}

/** A deadline that passed unmet, as the person alerted needs it: no personal details of the victim. */
export interface DeadlineAlert {
  readonly reference: string;
  readonly deadlineId: string;
  readonly kind: DeadlineKind;
  readonly title: string;
  readonly audience: AlertAudience;
  readonly dueOn: string;
  readonly dueAt: string;
  readonly reason: string;
  readonly riskLevel?: RiskLevel;
  readonly team: string;
  readonly caseworker?: string;
  /** For a partner action: the agency asked to act. */
  readonly agency?: string;
}

export interface AlertActivities {
  /** Sends the alert for a missed deadline to its audience, once per deadline however often it is called. */
  sendDeadlineAlert(alert: DeadlineAlert): Promise<{ recipients: string[] }>;
}

export type CaseActivities = CaseFileActivities & AlertActivities;
