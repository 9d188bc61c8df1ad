import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { CaseDeadlineRecord, CaseRecord, TimelineEntryRecord } from './case-record.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [CaseRecord, CaseDeadlineRecord, TimelineEntryRecord];

export function ormConfig(databaseUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, tableName: 'schema_migration', snapshot: false, silent: true },
    // Sync is by migrations only; discovery must never touch the schema.
    ensureDatabase: false,
    pool: { min: 0, max: 10 },
    ...overrides,
  });
}
