import type { Logger as PinoLogger } from 'pino';
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { isCaseReference } from '../../domain/src';

const LEVELS: Readonly<Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'>> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/**
 * The Temporal runtime's logger, writing to pino: the SDK's own lines, and what workflows (`log` from
 * @temporalio/workflow, through the default sink) and activities (`Context.current().log`) write. The
 * SDK attaches workflowId, runId, workflowType (and activityType, activityId, attempt for an activity)
 * to each; a case's workflow id is its reference, repeated as `caseReference` so a case's lines are
 * found by the same field whether the API or the worker wrote them.
 */
export function temporalLogger(logger: PinoLogger): TemporalLogger {
  const write = (level: LogLevel, message: string, meta?: LogMetadata) => {
    const fields: Record<string, unknown> = { ...meta };
    // Core's own lines carry the SDK's component name; the level and time are pino's, not repeated.
    delete fields.timestamp;
    if (typeof fields.workflowId === 'string' && isCaseReference(fields.workflowId)) fields.caseReference = fields.workflowId;
    logger[LEVELS[level]](fields, message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}
