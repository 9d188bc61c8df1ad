import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type CommandKind = 'open' | 'incident' | 'review' | 'warning' | 'cpw';

/** One try of a request: when, and what came back (`network` when nothing did). */
export interface Attempt {
  readonly at: string;
  readonly status: number | 'network';
  readonly retryAfter?: string;
  readonly detail?: string;
}

/**
 * One request as the client meant it, with every attempt made under its Idempotency-Key. `marker` is
 * written into the command's text, so the checks can find it (once, and only once) in the case file.
 */
export interface JournalEntry {
  readonly id: number;
  readonly kind: CommandKind;
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string;
  readonly marker: string;
  /** The fault running when it was first sent (`baseline` before the first, `recovered` after the last). */
  readonly phase: string;
  reference?: string;
  readonly attempts: Attempt[];
  /** ok: a 2xx; refused: a 4xx the client would not retry; gave-up: still failing when the client stopped trying. */
  outcome: 'pending' | 'ok' | 'refused' | 'gave-up';
  finalStatus?: number | 'network';
}

/** Every request and attempt of a run, in memory and, on `save`, as JSON beside the results. */
export class Journal {
  readonly entries: JournalEntry[] = [];
  phase = 'baseline';

  constructor(private readonly file?: string) {}

  begin(request: Omit<JournalEntry, 'id' | 'phase' | 'attempts' | 'outcome'>): JournalEntry {
    const entry: JournalEntry = { ...request, id: this.entries.length + 1, phase: this.phase, attempts: [], outcome: 'pending' };
    this.entries.push(entry);
    return entry;
  }

  /** Answers since `since` (ISO instant): how many were 2xx. What the campaign waits on to call the stack recovered. */
  succeededSince(since: string): number {
    return this.entries.filter((entry) => entry.attempts.some((attempt) => attempt.at >= since && typeof attempt.status === 'number' && attempt.status < 300)).length;
  }

  save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify({ savedAt: new Date().toISOString(), entries: this.entries }, null, 1));
  }
}
