import { isDeepStrictEqual } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import type { CaseFile } from '../../../libs/domain/src';
import { caseFileQuery } from '../../../workflows/case-messages';
import type { JournalEntry } from './journal';
import { bare, messageIdCounts } from './mailbox-count';
import type { ResultRow } from './table';
import type { CampaignTarget } from './target';

export interface CheckOptions {
  /** How long after recovery the worker has to bring every due deadline and owed alert to an end before they count against it. */
  readonly graceMs: number;
}

/** What the stack holds about one case: the workflow's own file, and what the read model saved of it. */
interface CaseEvidence {
  readonly reference: string;
  readonly phase: string;
  readonly file: CaseFile | null;
  readonly saved?: { readonly version: number; readonly file: unknown; readonly caseVersion: number };
  readonly timeline: readonly string[];
}

/** The case and the fault phase it was opened under, as the load recorded it. */
export type CampaignCases = ReadonlyMap<string, { readonly phase: string }>;

/**
 * Compares what the clients were told with what the stack holds, once it has recovered: every command
 * answered 2xx is in its case's file and read model exactly once, the read model is the workflow's file,
 * no deadline is left pending in the past, every alert owed reached the SMTP server exactly once, and no
 * attempt was answered 500 or 503 without Retry-After. Counted per fault phase.
 */
export async function checkCampaign(target: CampaignTarget, entries: readonly JournalEntry[], cases: CampaignCases, options: CheckOptions, log: (line: string) => void): Promise<ResultRow[]> {
  const connection = await Connection.connect({ address: target.temporalAddress });
  const temporal = new TemporalClient({ connection, namespace: target.temporalNamespace });
  const pg = new PgClient({ connectionString: target.databaseUrl });
  await pg.connect();
  try {
    const references = [...cases.keys()];
    // The worker finishes what fell due and what it owes in its own time: wait for it, up to the grace period.
    const giveUpAt = Date.now() + options.graceMs;
    let evidence = await gather(temporal, pg, cases);
    while (Date.now() < giveUpAt && !(await settled(pg, evidence, references, target.mailboxDir))) {
      await sleep(5000);
      evidence = await gather(temporal, pg, cases);
    }
    log(`checked ${evidence.length} case(s) and ${entries.length} request(s)`);
    return await rows(pg, target.mailboxDir, entries, evidence);
  } finally {
    await pg.end();
    await connection.close();
  }
}

async function gather(temporal: TemporalClient, pg: PgClient, cases: CampaignCases): Promise<CaseEvidence[]> {
  const evidence: CaseEvidence[] = [];
  for (const [reference, { phase }] of cases) {
    const file = await withRetries(() => temporal.workflow.getHandle(reference).query(caseFileQuery));
    const { rows: saved } = await pg.query<{ version: number; file: unknown; case_version: number }>(
      `select f.version, f.file, c.version as case_version from case_file f join asb_case c using (reference) where reference = $1`,
      [reference],
    );
    const { rows: timeline } = await pg.query<{ summary: string }>(`select summary from case_timeline_entry where reference = $1 order by seq`, [reference]);
    const row = saved[0];
    evidence.push({
      reference,
      phase,
      file,
      ...(row ? { saved: { version: row.version, file: row.file, caseVersion: row.case_version } } : {}),
      timeline: timeline.map((entry) => entry.summary),
    });
  }
  return evidence;
}

/** A query right after a fault may meet a Temporal service still taking its shards back. */
async function withRetries<T>(read: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(2000);
    }
  }
}

/** Whether the worker has caught up: read model as the file, nothing pending in the past, nothing owed unsent. */
async function settled(pg: PgClient, evidence: readonly CaseEvidence[], references: readonly string[], mailboxDir: string): Promise<boolean> {
  if (evidence.some((item) => differs(item) || pendingInPast(item) > 0)) return false;
  const sent = await messageIdCounts(mailboxDir);
  const { rows } = await pg.query<{ message_id: string }>(`select message_id from notification where reference = any($1::text[])`, [references]);
  return rows.every((row) => sent.has(bare(row.message_id)));
}

function differs(item: CaseEvidence): boolean {
  if (!item.file || !item.saved) return true;
  const file = JSON.parse(JSON.stringify(item.file)) as unknown;
  return item.saved.version !== item.file.version || item.saved.caseVersion !== item.file.version || !isDeepStrictEqual(item.saved.file, file);
}

function pendingInPast(item: CaseEvidence): number {
  const now = Date.now();
  return (item.file?.deadlines ?? []).filter((deadline) => deadline.status === 'PENDING' && Date.parse(deadline.dueAt) < now).length;
}

/** How many times a command's marker is in the workflow's file and in the read model; undefined where that side does not hold its text. */
function occurrences(entry: JournalEntry, item: CaseEvidence | undefined): { inFile?: number; inReadModel: number } {
  const count = (texts: readonly (string | undefined)[]) => texts.filter((text) => text?.includes(entry.marker)).length;
  const savedFile = item?.saved?.file as CaseFile | undefined;
  switch (entry.kind) {
    case 'open':
      return { inFile: count([item?.file?.summary]), inReadModel: count([savedFile?.summary]) };
    case 'incident':
      return { inFile: count(item?.file?.incidents.map((incident) => incident.description) ?? []), inReadModel: count(item?.timeline ?? []) };
    case 'review':
      // The file keeps a count of reviews, not their text: the timeline (from the workflow) holds it.
      return { inReadModel: count(item?.timeline ?? []) };
    case 'warning':
    case 'cpw':
      return {
        inFile: count(item?.file?.enforcement.map((step) => (step as { notes?: string }).notes) ?? []),
        inReadModel: count(savedFile?.enforcement.map((step) => (step as { notes?: string }).notes) ?? []),
      };
  }
}

async function rows(pg: PgClient, mailboxDir: string, entries: readonly JournalEntry[], evidence: readonly CaseEvidence[]): Promise<ResultRow[]> {
  const byReference = new Map(evidence.map((item) => [item.reference, item]));
  const phases = [...new Set([...entries.map((entry) => entry.phase), ...evidence.map((item) => item.phase)])];
  const sent = await messageIdCounts(mailboxDir);
  const { rows: owed } = await pg.query<{ reference: string; message_id: string }>(`select reference, message_id from notification where reference = any($1::text[])`, [
    evidence.map((item) => item.reference),
  ]);
  // A retried open that opened a second case would carry the same marker on both.
  const { rows: openedTwice } = await pg.query<{ marker: string }>(
    `select m.marker from unnest($1::text[]) as m(marker) where (select count(*) from asb_case where summary like '%' || m.marker || '%') > 1`,
    [entries.filter((entry) => entry.kind === 'open' && entry.outcome === 'ok').map((entry) => entry.marker)],
  );
  const duplicatedOpens = new Set(openedTwice.map((row) => row.marker));
  return phases.map((phase) => {
    const sentHere = entries.filter((entry) => entry.phase === phase);
    const answered = sentHere.filter((entry) => entry.outcome === 'ok');
    const found = answered.map((entry) => ({ entry, ...occurrences(entry, entry.reference ? byReference.get(entry.reference) : undefined) }));
    const casesHere = evidence.filter((item) => item.phase === phase);
    const alerts = owed.filter((row) => casesHere.some((item) => item.reference === row.reference)).map((row) => sent.get(bare(row.message_id)) ?? 0);
    const attempts = sentHere.flatMap((entry) => entry.attempts);
    return {
      fault: phase,
      commands2xx: answered.length,
      lost: found.filter(({ inFile, inReadModel }) => inFile === 0 || inReadModel === 0).length,
      duplicated: found.filter(({ entry, inFile, inReadModel }) => (inFile ?? 0) > 1 || inReadModel > 1 || duplicatedOpens.has(entry.marker)).length,
      deadlinesPendingInPast: casesHere.reduce((total, item) => total + pendingInPast(item), 0),
      alertsOwed: alerts.length,
      sentOnce: alerts.filter((times) => times === 1).length,
      sentTwice: alerts.filter((times) => times > 1).length,
      notSent: alerts.filter((times) => times === 0).length,
      readModelDiffers: casesHere.filter(differs).length,
      status500: attempts.filter((attempt) => attempt.status === 500).length,
      status503WithoutRetryAfter: attempts.filter((attempt) => attempt.status === 503 && !attempt.retryAfter).length,
    };
  });
}
