import { setTimeout as sleep } from 'node:timers/promises';
import { mintDevToken } from '../../../libs/auth/src';
import { openingOf, OFFICERS } from '../../bench/src/case-workload';
import type { CommandKind, Journal } from './journal';
import { RetryingClient, type RetryPolicy } from './retrying-client';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

export interface LoadOptions {
  /** Callers at once, each working its own cases in turn. */
  readonly lanes: number;
  /** Commands each case gets after it is opened (and, for a late case, after its late facts). */
  readonly commandsPerCase: number;
  /** A caller's pause between requests, as a person's is: keeps the load realistic on a small machine. */
  readonly thinkMs: number;
  /** Every nth case is opened with facts entered late, so that its review falls due at once. */
  readonly lateEvery: number;
  readonly retry?: RetryPolicy;
}

/** The commands a caseworker sends most, in turn, each carrying `marker` in its text. */
const COMMANDS: readonly { kind: CommandKind; path: string; body: (marker: string) => Record<string, unknown> }[] = [
  { kind: 'incident', path: 'incidents', body: (marker) => ({ occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description: `Loud music until 2am ${marker}`, subjectIds: ['s1'] }) },
  { kind: 'review', path: 'reviews', body: (marker) => ({ summary: `Visited both households; keep under review ${marker}` }) },
  { kind: 'warning', path: 'enforcement-steps', body: (marker) => ({ kind: 'WRITTEN_WARNING', subjectId: 's1', notes: `Delivered by hand ${marker}` }) },
  {
    kind: 'cpw',
    path: 'enforcement-steps',
    body: (marker) => ({ kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's1', conductConfirmed: true, notes: `Served at the door ${marker}`, skipReason: 'The written warning was ignored within the week.' }),
  },
];

/**
 * Opens cases and sends them commands through the API, as caseworkers at once would, until stopped.
 * Every request has its own Idempotency-Key and marker and goes into the journal with each attempt.
 * A late case (every `lateEvery`th) is a high-risk case (reviewed every 7 days) whose first incident was
 * 10 days ago and whose review was held 8 days ago, both entered now: its next review fell due
 * yesterday, so the worker records it MISSED at once and owes the team manager an alert.
 */
export class CaseLoad {
  private stopped = false;
  private running: Promise<void>[] = [];
  private opened = 0;
  readonly references = new Map<string, { phase: string; late: boolean }>();

  private constructor(
    private readonly clients: readonly RetryingClient[],
    private readonly journal: Journal,
    private readonly runId: string,
    private readonly options: LoadOptions,
  ) {}

  static async start(apiUrl: string, auth: { devKeyPath: string; issuer?: string; audience: string }, journal: Journal, runId: string, options: LoadOptions): Promise<CaseLoad> {
    const clients = await Promise.all(
      OFFICERS.map(async (officer) => {
        const token = await mintDevToken(auth.devKeyPath, officer, { audience: auth.audience, ttlSeconds: 6 * 3600, ...(auth.issuer ? { issuer: auth.issuer } : {}) });
        return new RetryingClient(apiUrl, `Bearer ${token}`, journal, options.retry);
      }),
    );
    const load = new CaseLoad(clients, journal, runId, options);
    load.running = Array.from({ length: options.lanes }, (_, lane) => load.lane(lane));
    return load;
  }

  /** Stops sending new requests and waits for those in flight (with their retries) to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }

  private async lane(lane: number): Promise<void> {
    const officer = lane % OFFICERS.length;
    const client = this.clients[officer]!;
    while (!this.stopped) {
      const n = this.opened++;
      const late = n % this.options.lateEvery === this.options.lateEvery - 1;
      const reference = await this.open(client, n, officer, late);
      if (!reference) continue;
      if (late && !(await this.lateFacts(client, reference))) continue;
      for (let i = 0; i < this.options.commandsPerCase && !this.stopped; i += 1) {
        const command = COMMANDS[(n + i) % COMMANDS.length]!;
        await this.send(client, command.kind, `/cases/${reference}/${command.path}`, reference, command.body);
      }
    }
  }

  private async open(client: RetryingClient, n: number, officer: number, late: boolean): Promise<string | undefined> {
    // Numbered from the run's id, so that no two runs' cases name the same people (a possible duplicate is refused).
    const opening = openingOf(Number(this.runId) * 10_000 + n, OFFICERS[officer]!);
    const answer = await this.send<{ reference: string }>(client, 'open', '/cases', undefined, (marker) => ({
      ...opening,
      ...(late ? { riskLevel: 'HIGH' } : {}),
      summary: `${opening.summary} ${marker}`,
    }));
    const reference = answer?.status === 201 ? answer.body.reference : undefined;
    if (reference) this.references.set(reference, { phase: this.journal.entries.findLast((entry) => entry.reference === reference)?.phase ?? this.journal.phase, late });
    return reference;
  }

  private async lateFacts(client: RetryingClient, reference: string): Promise<boolean> {
    const incident = await this.send(client, 'incident', `/cases/${reference}/incidents`, reference, (marker) => ({
      occurredAt: daysAgo(10),
      description: `The first night of music until 3am ${marker}`,
      subjectIds: ['s1'],
    }));
    if (incident?.status !== 200) return false;
    const review = await this.send(client, 'review', `/cases/${reference}/reviews`, reference, (marker) => ({ summary: `Reviewed with the police on the day of the first report ${marker}`, occurredAt: daysAgo(8) }));
    return review?.status === 200;
  }

  private async send<T>(client: RetryingClient, kind: CommandKind, path: string, reference: string | undefined, body: (marker: string) => Record<string, unknown>) {
    await sleep(this.options.thinkMs);
    const id = this.journal.entries.length + 1;
    const marker = `[fc-${this.runId}-${id}]`;
    const entry = this.journal.begin({ kind, method: 'POST', path, idempotencyKey: `fc-${this.runId}-${id}`, marker, ...(reference ? { reference } : {}) });
    const answer = await client.send<T>(entry, body(marker));
    if (kind === 'open' && answer?.status === 201) entry.reference = (answer.body as { reference: string }).reference;
    return answer;
  }
}
