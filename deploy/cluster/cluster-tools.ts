import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { PROJECT_ROOT } from '../local/tools';

/** What `scripts/tools/cluster-tools.sh` builds or installs into .tools, and the Debian package it cannot. */
export interface ClusterTools {
  readonly temporalServer: string;
  readonly temporalSqlTool: string;
  readonly temporalUiServer: string;
  /** Temporal's PostgreSQL schema folders (schema/postgresql/v12 of the server module), copied beside the binaries. */
  readonly temporalSchemaDir: string;
  readonly supervisord: string;
  readonly supervisorctl: string;
  readonly haproxy: string;
}

export function clusterTools(): ClusterTools {
  const tools = join(PROJECT_ROOT, '.tools');
  const found = {
    temporalServer: join(tools, 'bin/temporal-server'),
    temporalSqlTool: join(tools, 'bin/temporal-sql-tool'),
    temporalUiServer: join(tools, 'bin/temporal-ui-server'),
    temporalSchemaDir: join(tools, 'temporal-schema/postgresql/v12'),
    supervisord: join(tools, 'supervisor/bin/supervisord'),
    supervisorctl: join(tools, 'supervisor/bin/supervisorctl'),
    haproxy: onPath('haproxy') ?? '/usr/sbin/haproxy',
  };
  const missing = Object.entries(found).filter(([key, path]) => !usable(path, key === 'temporalSchemaDir' ? constants.R_OK : constants.X_OK));
  if (missing.length > 0) {
    throw new Error(
      `the cluster needs ${missing.map(([, path]) => path).join(', ')}: run \`npm run bootstrap\` ` +
        '(it builds Temporal\'s server, schema tool and Web UI, installs supervisord, and HAProxy with apt-get where it can)',
    );
  }
  return found;
}

function onPath(name: string): string | undefined {
  return [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'].map((dir) => join(dir, name)).find((path) => usable(path, constants.X_OK));
}

function usable(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}
