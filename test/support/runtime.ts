import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '../../libs/persistence/src';
import { TEST_RUNTIME_FILE, type TestRuntime } from './paths';

export function testRuntime(): TestRuntime {
  return JSON.parse(readFileSync(TEST_RUNTIME_FILE, 'utf8')) as TestRuntime;
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
