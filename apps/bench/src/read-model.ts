import { MikroORM } from '@mikro-orm/postgresql';
import { Client as PgClient } from 'pg';
import { caseStatistics, listCases, ormConfig, searchCases, teamOverview } from '../../../libs/persistence/src';
import { REVIEW_OVERDUE } from '../../../libs/persistence/src/case-queries';
import type { ApiClient } from './api-client';
import { closedLoop } from './load';
import { seededPostcode, seededStreetAddress, seededSubjectName, seedReadModel } from './read-model-seed';
import type { Summary } from './stats';

/** The p95 a list page (and the overdue filter) must hold at 100,000 cases, and a search. */
const LIST_P95_MS = 25;
const SEARCH_P95_MS = 50;

export interface ReadModelQueryResult {
  readonly name: string;
  readonly path: string;
  /** Through the API: token, access scope, the query, the answer's mapping, the audit entry. */
  readonly service: Summary;
  /** The same query function called directly on PostgreSQL, without HTTP. */
  readonly baseline: Summary;
  /** The p95 the service must hold (lists and the overdue filter 25 ms, searches 50 ms), if any. */
  readonly targetP95Ms?: number;
}

export interface ReadModelResult {
  readonly cases: number;
  readonly seeded: number;
  readonly overdueCases: number;
  readonly queries: ReadModelQueryResult[];
}

/**
 * Fills PostgreSQL to `cases` cases, then times each list and report one request at a time, as a
 * person's screen asks for them: through the API, and (the baseline) the same query function on its own.
 */
export async function measureReadModel(
  databaseUrl: string,
  clients: { readonly officer: ApiClient; readonly headOfService: ApiClient },
  options: { cases: number; queries: number },
): Promise<ReadModelResult> {
  const pg = new PgClient({ connectionString: databaseUrl });
  // A server stopped under it (Ctrl-C) must not crash the benchmark before it cleans up.
  pg.on('error', () => undefined);
  await pg.connect();
  let seeded: number;
  let overdueCases: number;
  try {
    seeded = await seedReadModel(pg, options.cases);
    const { rows } = await pg.query<{ count: number }>(`select count(*)::int as count from asb_case c where ${REVIEW_OVERDUE}`);
    overdueCases = rows[0]?.count ?? 0;
  } finally {
    await pg.end();
  }
  const orm = await MikroORM.init(ormConfig(databaseUrl, { pool: { min: 1, max: 2 } }));
  const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const em = () => orm.em.fork();
  // People and places the seed made, searched as a caseworker would type them: a name, a surname
  // misspelt, a date of birth (alone, and with a name), a postcode, words of an address, a word of what
  // was reported. Each kind of search the issue names has its row.
  const person = seededSubjectName(4321);
  const surname = person.split(' ')[1]!;
  // One letter left out, as a person typing fast does.
  const misspelt = `${surname.slice(0, -3)}${surname.slice(-2)}`;
  const bornOn = new Date(Date.UTC(1960, 0, 1) + ((4321 * 37) % 16000) * 86_400_000).toISOString().slice(0, 10);
  const address = seededStreetAddress(4321);
  const searches = [
    { name: `search, exact name (${person}), own team`, q: person, client: clients.officer, teams: ['north'] },
    { name: `search, misspelt surname (${misspelt}), own team`, q: misspelt, client: clients.officer, teams: ['north'] },
    { name: 'search, name and date of birth, all teams', q: `${person} ${bornOn}`, client: clients.headOfService },
    { name: 'search, date of birth alone, own team', q: bornOn, client: clients.officer, teams: ['north'] },
    { name: 'search, postcode, own team', q: seededPostcode(4321), client: clients.officer, teams: ['north'] },
    { name: `search, address words (${address}), own team`, q: address, client: clients.officer, teams: ['north'] },
    { name: 'search, a word of the summary, own team', q: 'fireworks', client: clients.officer, teams: ['north'] },
  ].map((search) => ({
    name: search.name,
    path: `/cases?q=${encodeURIComponent(search.q)}`,
    client: search.client,
    targetP95Ms: SEARCH_P95_MS,
    direct: () => searchCases(em(), search.teams ? { teams: search.teams } : {}, search.q, 50),
  }));
  const queries = [
    ...searches,
    { name: 'list, own team', path: '/cases', client: clients.officer, targetP95Ms: LIST_P95_MS, direct: () => listCases(em(), { teams: ['north'] }, '-openedAt', 50) },
    { name: 'list, own team, by next review', path: '/cases?sort=nextReviewDueAt', client: clients.officer, targetP95Ms: LIST_P95_MS, direct: () => listCases(em(), { teams: ['north'] }, 'nextReviewDueAt', 50) },
    { name: 'list, all teams', path: '/cases', client: clients.headOfService, targetP95Ms: LIST_P95_MS, direct: () => listCases(em(), {}, '-openedAt', 50) },
    { name: 'overdue, own team', path: '/cases?overdue=true', client: clients.officer, targetP95Ms: LIST_P95_MS, direct: () => listCases(em(), { teams: ['north'], overdue: true }, '-openedAt', 50) },
    { name: 'overdue, all teams', path: '/cases?overdue=true', client: clients.headOfService, targetP95Ms: LIST_P95_MS, direct: () => listCases(em(), { overdue: true }, '-openedAt', 50) },
    { name: 'team overview', path: '/teams/north/overview', client: clients.officer, direct: () => teamOverview(em(), 'north', new Date(), 7) },
    { name: 'statistics, 12 months', path: `/statistics?from=${from}&to=${to}`, client: clients.headOfService, direct: () => caseStatistics(em(), {}, from, to) },
  ];
  try {
    const results: ReadModelQueryResult[] = [];
    for (const query of queries) {
      const load = { count: options.queries, concurrency: 1, warmUp: Math.min(20, options.queries) };
      const baseline = await closedLoop(load, () => query.direct());
      const service = await closedLoop(load, () => query.client.get(query.path));
      results.push({ name: query.name, path: query.path, service, baseline, ...('targetP95Ms' in query ? { targetP95Ms: query.targetP95Ms } : {}) });
    }
    return { cases: options.cases, seeded, overdueCases, queries: results };
  } finally {
    await orm.close(true);
  }
}
