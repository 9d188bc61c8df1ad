import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm-config';

/** Applies every pending migration; safe to run on every start. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const orm = await MikroORM.init(ormConfig(databaseUrl));
  try {
    const applied = await orm.migrator.up();
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}
