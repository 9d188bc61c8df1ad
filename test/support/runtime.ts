import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '../../libs/persistence/src';
import { TEST_RUNTIME_ENV, type TestRuntime } from './paths';

export function testRuntime(): TestRuntime {
  const file = process.env[TEST_RUNTIME_ENV];
  if (!file) throw new Error(`${TEST_RUNTIME_ENV} is not set: run the tests through jest (its global setup starts PostgreSQL)`);
  return JSON.parse(readFileSync(file, 'utf8')) as TestRuntime;
}

/** A fresh, migrated database on the shared PostgreSQL server, for one test file. */
export async function createTestDatabase(): Promise<string> {
  const admin = new Client({ connectionString: testRuntime().postgresAdminUrl });
  const name = `case_test_${randomBytes(4).toString('hex')}`;
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = testRuntime().postgresAdminUrl.replace(/\/[^/]+$/, `/${name}`);
  await migrate(url);
  return url;
}
