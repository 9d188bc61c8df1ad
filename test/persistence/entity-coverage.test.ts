import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../libs/persistence/src';
import { createTestDatabase } from '../support/runtime';

/**
 * The migrations make the schema; the entities are how the code reads it. These tests fail when the
 * two drift apart: a table no entity maps, or an entity whose columns, types, nullability, defaults,
 * keys, foreign keys, unique or check constraints are not what the migrations made.
 */
let orm: MikroORM;

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(await createTestDatabase(), { pool: { min: 0, max: 2 } }));
});

afterAll(async () => {
  await orm?.close(true);
});

/**
 * What the migrations do on purpose that entities do not describe: indexes tuned for the queries
 * (partial, expression, trigram and full-text indexes, named as the queries' comments cite them), and
 * triggers with their functions (the audit trail kept append-only, search words kept whole), which
 * MikroORM would name and write its own way.
 */
const ON_PURPOSE_ONLY_IN_MIGRATIONS = [/^drop index "[a-z_]+";$/, /^drop trigger if exists "[a-z_]+" on "[a-z_]+";$/, /^drop function if exists "[a-z_]+"\([a-z ,[\]]*\);$/];

/** The tables of the migrated database (but the migrator's own) that no registered entity maps. */
async function tablesWithoutEntity(): Promise<string[]> {
  const tables = await orm.em.fork().execute<{ table_name: string }[]>(
    `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'schema_migration' order by table_name`,
  );
  const mapped = new Set([...orm.getMetadata().getAll().values()].map((meta) => meta.tableName));
  return tables.map((table) => table.table_name).filter((table) => !mapped.has(table));
}

test('every table the migrations make has a MikroORM entity', async () => {
  expect(await tablesWithoutEntity()).toEqual([]);
});

test('a table without an entity is found', async () => {
  const em = orm.em.fork();
  await em.execute(`create table case_stray (reference text primary key)`);
  try {
    expect(await tablesWithoutEntity()).toEqual(['case_stray']);
  } finally {
    await em.execute(`drop table case_stray`);
  }
});

test('every entity matches its table as migrated, column by column', async () => {
  const statements = (await orm.schema.getUpdateSchemaSQL({ wrap: false }))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  expect(statements.filter((statement) => !ON_PURPOSE_ONLY_IN_MIGRATIONS.some((pattern) => pattern.test(statement)))).toEqual([]);
});

test('a column an entity does not know is found', async () => {
  const em = orm.em.fork();
  await em.execute(`alter table case_share add column note text null`);
  try {
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toContain(`alter table "case_share" drop column "note"`);
  } finally {
    await em.execute(`alter table case_share drop column note`);
  }
});
