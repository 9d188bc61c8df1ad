/** One row of the campaign's table: what the requests first sent during `fault` (and the cases opened then) came to. */
export interface ResultRow {
  readonly fault: string;
  readonly commands2xx: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly deadlinesPendingInPast: number;
  readonly alertsOwed: number;
  readonly sentOnce: number;
  readonly sentTwice: number;
  readonly notSent: number;
  readonly readModelDiffers: number;
  readonly status500: number;
  readonly status503WithoutRetryAfter: number;
}

const COLUMNS: readonly [keyof ResultRow, string][] = [
  ['fault', 'fault'],
  ['commands2xx', 'commands 2xx'],
  ['lost', 'lost'],
  ['duplicated', 'duplicated'],
  ['deadlinesPendingInPast', 'deadlines pending in the past'],
  ['alertsOwed', 'alerts owed'],
  ['sentOnce', 'sent once'],
  ['sentTwice', 'sent twice'],
  ['notSent', 'not sent'],
  ['readModelDiffers', 'read model ≠ case file'],
  ['status500', '500s'],
  ['status503WithoutRetryAfter', '503 without Retry-After'],
];

/** The rows as a Markdown table, as printed and as docs/fault-campaign.md shows it. */
export function renderTable(rows: readonly ResultRow[]): string {
  const header = `| ${COLUMNS.map(([, title]) => title).join(' | ')} |`;
  const rule = `| ${COLUMNS.map(([key]) => (key === 'fault' ? '---' : '---:')).join(' | ')} |`;
  return [header, rule, ...rows.map((row) => `| ${COLUMNS.map(([key]) => String(row[key])).join(' | ')} |`)].join('\n');
}

/** The row of all rows. */
export function totalOf(rows: readonly ResultRow[]): ResultRow {
  const sum = (key: Exclude<keyof ResultRow, 'fault'>) => rows.reduce((total, row) => total + row[key], 0);
  return {
    fault: 'total',
    commands2xx: sum('commands2xx'),
    lost: sum('lost'),
    duplicated: sum('duplicated'),
    deadlinesPendingInPast: sum('deadlinesPendingInPast'),
    alertsOwed: sum('alertsOwed'),
    sentOnce: sum('sentOnce'),
    sentTwice: sum('sentTwice'),
    notSent: sum('notSent'),
    readModelDiffers: sum('readModelDiffers'),
    status500: sum('status500'),
    status503WithoutRetryAfter: sum('status503WithoutRetryAfter'),
  };
}

/** What makes the campaign fail: anything lost, done twice, a 500, or an alert not sent exactly once. */
export function failuresOf(total: ResultRow): string[] {
  return [
    total.lost > 0 ? `${total.lost} command(s) answered 2xx are missing from the case file or the read model` : '',
    total.duplicated > 0 ? `${total.duplicated} command(s) acted more than once` : '',
    total.status500 > 0 ? `the API answered 500 ${total.status500} time(s)` : '',
    total.sentTwice > 0 ? `${total.sentTwice} alert(s) were sent more than once` : '',
    total.notSent > 0 ? `${total.notSent} alert(s) owed were never sent` : '',
    total.deadlinesPendingInPast > 0 ? `${total.deadlinesPendingInPast} deadline(s) are still pending in the past` : '',
    total.readModelDiffers > 0 ? `the read model differs from the workflow's case file for ${total.readModelDiffers} case(s)` : '',
    total.status503WithoutRetryAfter > 0 ? `${total.status503WithoutRetryAfter} 503 answer(s) came without Retry-After` : '',
  ].filter(Boolean);
}

/** What the client saw in each phase, one line each: "api-1 kill -9: 200×40, 201×10, 503×3, network×2". */
export function renderAttempts(attemptsByPhase: Readonly<Record<string, Readonly<Record<string, number>>>>): string {
  return Object.entries(attemptsByPhase)
    .map(([phase, statuses]) => `${phase}: ${Object.entries(statuses).sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${status}×${count}`).join(', ')}`)
    .join('\n');
}
