import { loadConfig } from '../../config/src';
import { migrate } from './migrate';

/**
 * `node dist/libs/persistence/src/migrate.cli.js`: applies the pending migrations to `DATABASE_URL` and
 * exits. A cluster runs it once per release before the new worker and API start (the Helm chart's
 * migration Job), as `npm run up` does itself; the local stack needs no separate step.
 */
async function main(): Promise<void> {
  const applied = await migrate(loadConfig().databaseUrl);
  console.log(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'no migration pending');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
