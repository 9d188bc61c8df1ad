import { join } from 'node:path';

/** One supervised process: what supervisord runs, restarts when it dies, and logs under its name. */
export interface SupervisedProgram {
  readonly name: string;
  readonly command: readonly string[];
  /** Variables of its own, beside the environment supervisord was started with. */
  readonly env?: Readonly<Record<string, string>>;
  /** Run as this system user (PostgreSQL, which refuses root). */
  readonly user?: string;
  /** How long it must stay up to count as started; a program that dies sooner is retried with a back-off. */
  readonly startSeconds?: number;
  /** What stops it cleanly (PostgreSQL: SIGINT, its fast shutdown). */
  readonly stopSignal?: 'TERM' | 'INT' | 'QUIT';
  readonly stopWaitSeconds?: number;
  /**
   * supervisord stops programs in descending priority, one priority at a time, when it shuts down: the
   * load balancer first, the databases last, so nothing loses what it depends on while it drains.
   */
  readonly priority: number;
}

/**
 * supervisord's configuration for one run of the cluster. Programs do not start with supervisord:
 * the launcher starts them by name, in order (databases, then Temporal, then the application), and
 * from then on supervisord restarts any that dies, as systemd or Kubernetes would.
 */
export function supervisorConfig(options: { programs: readonly SupervisedProgram[]; runDir: string; logDir: string; port: number; asRoot: boolean }): string {
  const lines = [
    '[unix_http_server]',
    // Unused (control goes over the local HTTP port) but supervisorctl's defaults expect a section.
    `file=${join(options.runDir, 'supervisor.sock')}`,
    '',
    '[inet_http_server]',
    `port=127.0.0.1:${options.port}`,
    '',
    '[supervisord]',
    'nodaemon=true',
    // Said, as root, so that supervisord does not warn that it runs as root (it must: PostgreSQL runs as another user).
    ...(options.asRoot ? ['user=root'] : []),
    `logfile=${join(options.logDir, 'supervisord.log')}`,
    'logfile_maxbytes=10MB',
    'logfile_backups=2',
    `pidfile=${join(options.runDir, 'supervisord.pid')}`,
    `childlogdir=${options.logDir}`,
    '',
    '[rpcinterface:supervisor]',
    'supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface',
    '',
    '[supervisorctl]',
    `serverurl=http://127.0.0.1:${options.port}`,
  ];
  for (const program of options.programs) {
    lines.push(
      '',
      `[program:${program.name}]`,
      `command=${program.command.map(quoted).join(' ')}`,
      'autostart=false',
      `priority=${program.priority}`,
      'autorestart=true',
      `startsecs=${program.startSeconds ?? 2}`,
      // A program waiting for what it depends on (Temporal for a worker) keeps being retried, never given up on.
      'startretries=1000',
      `stopsignal=${program.stopSignal ?? 'TERM'}`,
      `stopwaitsecs=${program.stopWaitSeconds ?? 30}`,
      'stopasgroup=true',
      'killasgroup=true',
      'redirect_stderr=true',
      `stdout_logfile=${join(options.logDir, `${program.name}.log`)}`,
      'stdout_logfile_maxbytes=20MB',
      'stdout_logfile_backups=2',
    );
    if (program.user) lines.push(`user=${program.user}`);
    if (program.env && Object.keys(program.env).length > 0) {
      lines.push(`environment=${Object.entries(program.env).map(([key, value]) => `${key}=${quoted(value)}`).join(',')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A value as supervisord reads it: double-quoted, and `%` doubled (its config expands %(name)s). */
function quoted(value: string): string {
  if (/["\n]/.test(value)) throw new Error(`a supervised program's argument cannot hold a quote or a newline: ${value}`);
  const escaped = value.replace(/%/g, '%%');
  return /^[\w@%+=:,./-]+$/.test(value) ? escaped : `"${escaped}"`;
}
